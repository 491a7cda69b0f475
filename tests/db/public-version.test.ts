/** Writes to anything public pages show bump the public version (the page cache's invalidation signal). */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { checkins, events } from "@/db/schema";
import { seedIfEmpty } from "@/db/seed";
import { publicVersion } from "@/lib/cache/public-version";
import { createTestDb, testEngines } from "../fixtures/db";

describe.each(testEngines())("public content version on %s", (engine) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await createTestDb(engine);
    await seedIfEmpty(h.db);
  });
  afterAll(() => h?.close());

  it("moves on an edit of a forum, not on a read or a check-in", async () => {
    const v0 = await publicVersion(h);
    await h.db.select().from(events);
    expect(await publicVersion(h)).toBe(v0);
    await h.db.update(events).set({ summary: "changed" }).where(eq(events.slug, "yantan-industrial-parks-2025"));
    const v1 = await publicVersion(h);
    expect(v1).toBeGreaterThan(v0);
    await h.db.delete(checkins); // check-ins are not public
    expect(await publicVersion(h)).toBe(v1);
  });
});
