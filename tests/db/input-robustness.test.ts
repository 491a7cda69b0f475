/**
 * Issue 12 item 10, the rest of it: absurd numbers and impossible dates in a console page's query are ignored (the
 * default view, never a 500), and every name field shares one rule — names made only of invisible characters, or
 * holding bidi embedding/override/isolate controls, are refused; zero-width junk is cleaned.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { events, users } from "@/db/schema";
import { seedIfEmpty, YANTAN_SLUG } from "@/db/seed";
import { signUpSchema } from "@/lib/accounts/validation";
import { newPersonSchema } from "@/lib/agenda/validation";
import { delegateSchema, delegationCreateSchema } from "@/lib/delegations/validation";
import { idCursorParam, isoDayParam, pageNumberParam } from "@/lib/http/params";
import { personSchema } from "@/lib/people/validation";
import { guestSchema } from "@/lib/registrations/admin-validation";
import { parseGuestFile } from "@/lib/registrations/import";
import { newcomerSchema } from "@/lib/registrations/validation";
import { cleanPersonName, nameProblem } from "@/lib/shared/person-name";
import { asActor } from "../fixtures/actor";
import { useAppDb } from "../fixtures/app-db";
import { createTestDb, testEngines } from "../fixtures/db";
import { makeAdmin } from "../fixtures/users";

vi.mock("@/lib/auth/actor", () => import("../fixtures/actor"));

const { default: UsersPage } = await import("@/app/admin/users/page");
const { default: AuditPage } = await import("@/app/admin/audit/page");
const { updateProfileAction } = await import("@/lib/accounts/actions");

const HUGE = "9".repeat(40);

describe("page query values (lib/http/params.ts)", () => {
  it("page numbers: malformed or out of range → 1", () => {
    for (const v of ["1e308", "Infinity", "-3", "0", "2.5", "abc", "", HUGE, ["2", "3"], undefined]) expect(pageNumberParam().parse(v), String(v)).toBe(1);
    expect(pageNumberParam().parse("7")).toBe(7);
  });
  it("id cursors: only safe positive integers", () => {
    for (const v of [HUGE, "1e308", "9007199254740993", "-1", "0", "x", undefined]) expect(idCursorParam.parse(v), String(v)).toBeUndefined();
    expect(idCursorParam.parse("12345")).toBe(12345);
  });
  it("days: only real calendar days", () => {
    for (const v of ["2025-13-45", "2025-02-30", "2025-00-10", "2025-1-5", "20250105", HUGE, undefined]) expect(isoDayParam.parse(v), String(v)).toBeUndefined();
    expect(isoDayParam.parse("2024-02-29")).toBe("2024-02-29");
  });
});

describe("person names (lib/shared/person-name.ts)", () => {
  const invisibleOnly = ["\u200b\u200b", "\u3164", "\u2800\u2800", "\u200d", "\u2060\ufeff", "\u00a0\u3000", " \u034f "];
  const bidi = ["\u202eevil", "张三\u202d", "\u2066李四\u2069", "a\u202ab", "\u2067x"];

  it("cleans zero-width junk and line breaks; refuses bidi controls and invisible-only names", () => {
    expect(cleanPersonName("\u200b张三\ufeff")).toBe("张三");
    expect(cleanPersonName(" 张\n三 ")).toBe("张 三");
    expect(cleanPersonName("Cafe\u0301")).toBe("Café"); // NFC
    for (const n of bidi) expect(nameProblem(cleanPersonName(n)), JSON.stringify(n)).toBe("bidi");
    for (const n of invisibleOnly) {
      const c = cleanPersonName(n);
      expect(c === "" || nameProblem(c) === "invisible", JSON.stringify(n)).toBe(true);
    }
    for (const ok of ["张三", "Zhang San", "👩‍💻 Ada", "欧阳 娜娜", "O'Brien-Smith"]) expect(nameProblem(cleanPersonName(ok)), ok).toBeNull();
  });

  // every schema that takes a person's name
  const fields: [string, (name: string) => { success: boolean; data?: unknown; error?: { issues: { path: PropertyKey[] }[] } }, string][] = [
    ["sign-up / profile", (name) => signUpSchema.safeParse({ name, email: "a@example.com", password: "correct-horse-battery" }), "name"],
    ["registration newcomer", (name) => newcomerSchema("zh-CN").safeParse({ name, email: "a@example.com", password: "correct-horse-battery" }), "name"],
    ["guest added by hand", (name) => guestSchema.safeParse({ eventId: "00000000-0000-4000-8000-000000000000", fullName: name }), "fullName"],
    ["speaker", (name) => personSchema.safeParse({ eventId: "00000000-0000-4000-8000-000000000000", personId: "00000000-0000-4000-8000-000000000001", name, positions: [] }), "name"],
    ["speaker (new on the agenda)", (name) => newPersonSchema.safeParse({ name }), "name"],
    ["speaker English name", (name) => newPersonSchema.safeParse({ name: "张三", nameEn: name }), "nameEn"],
    ["delegate", (name) => delegateSchema("zh-CN").safeParse({ name, position: "处长", phone: "13800000000" }), "name"],
    ["liaison", (name) => delegationCreateSchema("en").safeParse({ organization: "单位", quota: 1, liaison: { name, phone: "13800000000" } }), "liaison.name"],
  ];

  it.each(fields)("%s: refuses invisible-only and bidi names, keeps real ones cleaned", (_what, parse, path) => {
    for (const bad of [...invisibleOnly, ...bidi]) {
      const r = parse(bad);
      // an optional name that cleans to nothing is simply absent
      if (path === "nameEn" && cleanPersonName(bad) === "") {
        expect(r.success && (r.data as { nameEn: unknown }).nameEn, JSON.stringify(bad)).toBeNull();
        continue;
      }
      expect(r.success, `${JSON.stringify(bad)} accepted`).toBe(false);
      expect(r.error!.issues.map((i) => i.path.join(".")), JSON.stringify(bad)).toContain(path);
    }
    const ok = parse("\u200b张三");
    expect(ok.success).toBe(true);
    expect(JSON.stringify(ok.data)).toContain('"张三"');
    expect(JSON.stringify(ok.data)).not.toContain("\\u200b");
  });

  it("CSV guest import: such names are row errors", () => {
    const csv = `姓名,邮箱\n\u202e张三,a@example.com\n\u3164,b@example.com\n李四,c@example.com\n`;
    const parsed = parseGuestFile(new TextEncoder().encode(csv), "en");
    expect(parsed.rows.map((r) => (r.row ? "ok" : r.errors.join(" ")))).toEqual([expect.stringMatching(/direction/), expect.stringMatching(/visible/), "ok"]);
  });
});

describe.each(testEngines())("console pages and actions on %s", (engine) => {
  let h: DbHandle;
  let admin: { id: string };

  beforeAll(async () => {
    h = await createTestDb(engine);
    await seedIfEmpty(h.db);
    useAppDb(h);
    admin = await makeAdmin(h.db);
  });
  afterAll(() => h?.close());

  it("/admin/users?page=1e308 (and other absurd pages) renders page 1 instead of a 500", async () => {
    for (const page of ["1e308", "Infinity", HUGE, "-1", ["1", "2"]]) {
      const el = await asActor(admin, () => UsersPage({ searchParams: Promise.resolve({ page }) } as never));
      expect(el, String(page)).toBeTruthy();
    }
  });

  it("/admin/audit?before=<huge>&from=2025-13-45 renders (filters ignored) instead of a 500", async () => {
    const [{ id: eventId }] = await h.db.select({ id: events.id }).from(events).where(eq(events.slug, YANTAN_SLUG));
    for (const sp of [{ before: HUGE, from: "2025-13-45" }, { before: "1e308", to: "2025-02-30" }, { before: "-7", from: HUGE, event: eventId }, { before: ["1", "2"] }]) {
      const el = await asActor(admin, () => AuditPage({ searchParams: Promise.resolve(sp) } as never));
      expect(el, JSON.stringify(sp)).toBeTruthy();
    }
  });

  it("profile: a bidi-override name is refused with a translated message; zero-width junk is cleaned away", async () => {
    const bad = await asActor(admin, () => updateProfileAction({ name: "\u202etset", locale: "en" } as never));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.fieldErrors?.name?.[0]).toMatch(/方向|direction/);
    const ok = await asActor(admin, () => updateProfileAction({ name: "\u200b管理员\u200b", locale: "zh-CN" } as never));
    expect(ok.ok, JSON.stringify(ok)).toBe(true);
    const [u] = await h.db.select({ name: users.name }).from(users).where(eq(users.id, admin.id));
    expect(u.name).toBe("管理员");
  });
});
