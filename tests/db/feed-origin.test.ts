/**
 * The Atom feed's absolute URLs come from publicOrigin (issue 12 item 4): never the listen address 0.0.0.0 the custom
 * server binds, and never a scheme or host the client made up (which the page cache would then serve to everyone).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { seedIfEmpty } from "@/db/seed";
import { useAppDb } from "../fixtures/app-db";
import { createTestDb } from "../fixtures/db";

const { GET: feed } = await import("@/app/(public)/reports/feed.xml/route");

describe("feed origin (pglite)", () => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await createTestDb("pglite");
    await seedIfEmpty(h.db);
    useAppDb(h);
  });
  afterAll(() => h?.close());

  it("links are the same whatever X-Forwarded-Proto/Host say, and never 0.0.0.0", async () => {
    delete process.env.APP_URL;
    delete process.env.TRUST_PROXY;
    const get = (headers: Record<string, string>) => feed(new Request("http://0.0.0.0:3000/reports/feed.xml", { headers })).then((r) => r.text());
    const plain = await get({ host: "0.0.0.0:3000" });
    const forged = await get({ host: "evil.example", "x-forwarded-proto": "https", "x-forwarded-host": "evil.example" });
    expect(plain).toContain("<entry>");
    expect(plain).not.toContain("0.0.0.0");
    expect(forged).toBe(plain);
    process.env.APP_URL = "https://meet.example.org";
    try {
      expect(await get({})).toContain("<id>https://meet.example.org/reports/");
    } finally {
      delete process.env.APP_URL;
    }
  });
});
