/** The sign-in / sign-up server actions with bad input: clear refusals, nothing written. */
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInAction, signUpAction } from "@/lib/accounts/actions";
import type { DbHandle } from "@/db/client";
import { rateLimits, users } from "@/db/schema";
import { formData } from "../fixtures/guard-manifest";
import { useAppDb } from "../fixtures/app-db";
import { createTestDb, testEngines } from "../fixtures/db";
import { withRequest } from "../fixtures/request";

describe.each(testEngines())("account actions on %s", (engine) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await createTestDb(engine);
    useAppDb(h);
  });
  afterAll(() => h?.close());

  it("a 10 MB email is wrong credentials (no crash, nothing counted)", async () => {
    const r = await withRequest({}, () => signInAction(null, formData({ email: "x".repeat(10 * 1024 * 1024), password: "whatever-123" })));
    expect(r).toMatchObject({ ok: false, code: "unauthenticated" });
    expect((await h.db.select({ n: count() }).from(rateLimits))[0].n).toBe(0);
  });

  it("sign-up with missing fields and an odd email: field errors, no user", async () => {
    const r = await withRequest({}, () => signUpAction(null, formData({ email: "a\u200b@example.com", password: "x" })));
    expect(r).toMatchObject({ ok: false, code: "invalid" });
    expect(Object.keys(r!.ok ? {} : r!.fieldErrors ?? {}).sort()).toEqual(["email", "name", "password"]);
    expect((await h.db.select({ n: count() }).from(users))[0].n).toBe(0);
  });
});
