import { sql } from "drizzle-orm";
import { check, customType, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./_common";
import { users } from "./auth";
import { MEDIA_KINDS } from "../../lib/shared/enums";

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

export const mediaKind = pgEnum("media_kind", MEDIA_KINDS);

export type MediaVariant = { key: string; width: number; height: number; bytes: number; mime: string };

/** An uploaded file (photo or attachment). Bytes live in media_blobs (default) or S3-compatible storage. */
export const media = pgTable(
  "media",
  {
    id: id(),
    kind: mediaKind().notNull(),
    mime: text().notNull(),
    bytes: integer().notNull(),
    /** The uploader's file name, for display and downloads only. */
    filename: text().notNull(),
    /** Random storage key. */
    storageKey: text().notNull(),
    width: integer(),
    height: integer(),
    variants: jsonb().$type<MediaVariant[]>().notNull().default([]),
    sha256: text().notNull(),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("media_storage_key_unique").on(t.storageKey), check("media_bytes_nonneg", sql`${t.bytes} >= 0`)],
);

export const mediaBlobs = pgTable("media_blobs", {
  key: text().primaryKey(),
  data: bytea().notNull(),
  createdAt: createdAt(),
});
