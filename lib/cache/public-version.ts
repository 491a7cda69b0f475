import "server-only";
import type { DbHandle } from "@/db/client";

/** The current public content version (sequence bumped by triggers, migration 0002). */
export async function publicVersion(h: DbHandle): Promise<number> {
  const [row] = await h.query<{ v: string | number }>("select last_value as v from huiwu_public_version");
  return Number(row.v);
}
