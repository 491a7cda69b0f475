import { sql } from "drizzle-orm";
import { timestamp, uuid } from "drizzle-orm/pg-core";

/** Primary key: random UUIDs, so ids in URLs and the API are not enumerable. */
export const id = () => uuid().primaryKey().default(sql`gen_random_uuid()`);

/** Every moment is stored as timestamptz and rendered in the event's IANA zone (DESIGN §3.5). */
export const tstz = () => timestamp({ withTimezone: true, mode: "date" });

export const createdAt = () => tstz().notNull().defaultNow();
export const updatedAt = () =>
  tstz()
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());
