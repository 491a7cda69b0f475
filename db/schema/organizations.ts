import { sql } from "drizzle-orm";
import { pgEnum, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./_common";
import { ORGANIZATION_KINDS } from "../../lib/shared/enums";

export const organizationKind = pgEnum("organization_kind", ORGANIZATION_KINDS);

/** Any body that hosts a forum or employs a speaker: 四川省人民政府参事室, 四川新闻网传媒集团 … */
export const organizations = pgTable(
  "organizations",
  {
    id: id(),
    name: text().notNull(),
    nameEn: text(),
    shortName: text(),
    kind: organizationKind().notNull().default("other"),
    website: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("organizations_name_unique").on(sql`lower(${t.name})`)],
);
