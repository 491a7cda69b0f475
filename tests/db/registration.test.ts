/** Registration rules and bad input (issue 4): each refusal is a clear, localized message and nothing is half-written. */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog, outbox, registrations } from "@/db/schema";
import { DomainError, parse } from "@/lib/actions/result";
import type { Locale } from "@/lib/i18n/config";
import { translateError } from "@/lib/i18n/errors";
import { changeRegistrationStatus } from "@/lib/registrations/admin-commands";
import { cancelRegistration, registerForEvent, updateRegistration } from "@/lib/registrations/commands";
import { eventAvailability, myRegistration, myRegistrations } from "@/lib/registrations/queries";
import { answersFromForm, registrationSchema } from "@/lib/registrations/validation";
import { createTestDb, testEngines } from "../fixtures/db";
import { makeBus, makeDelegates, makeOpenForum, makeQuestion, sampleInput } from "../fixtures/registration";

const DAY = 24 * 3600 * 1000;

/** The refusal as a person sees it: code, and message + field errors translated (as the boundary does) into `locale`. */
async function refusal(p: Promise<unknown>, locale: Locale = "en"): Promise<{ code: string; message: string; fieldErrors?: Record<string, string[]> }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) {
      const t = translateError(e, locale);
      return { code: e.code, message: t.error, fieldErrors: t.fieldErrors };
    }
    throw e;
  }
  throw new Error("expected a refusal");
}

describe.each(testEngines())("registration rules on %s", (engine) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await createTestDb(engine);
  });
  afterAll(() => h?.close());

  const rowsOf = (eventId: string) => h.db.select().from(registrations).where(eq(registrations.eventId, eventId));

  it("confirms with a 128-bit ticket code, writes the confirmation mail and an audit row in the same transaction", async () => {
    const e = await makeOpenForum(h.db);
    const [me] = await makeDelegates(h.db, 1);
    const r = await registerForEvent(h.db, me, { eventSlug: e.slug, data: sampleInput() });
    expect(r.status).toBe("confirmed");
    expect(Buffer.from(r.ticketCode!, "base64url")).toHaveLength(16);
    const [mail] = await h.db.select().from(outbox).where(eq(outbox.registrationId, r.id));
    expect(mail).toMatchObject({ kind: "registration.confirmed", toEmail: me.email, status: "pending" });
    expect(mail.subject).toContain("测试论坛");
    expect(mail.body).toContain(`/me/registrations/${r.id}/ticket`);
    const audits = await h.db.select().from(auditLog).where(eq(auditLog.entityId, r.id));
    expect(audits.map((a) => a.action)).toEqual(["registration.create"]);
  });

  it("refuses outside the window, for a cancelled or ended forum, and for drafts — in the caller's language", async () => {
    const [me] = await makeDelegates(h.db, 1);
    const cases = [
      { over: { registrationOpensAt: new Date(Date.now() + DAY) }, code: "closed", en: "Registration has not opened yet.", zh: "报名尚未开始。" },
      { over: { registrationClosesAt: new Date(Date.now() - 1000) }, code: "closed", en: "Registration has closed.", zh: "报名已截止。" },
      { over: { status: "cancelled" as const }, code: "closed", en: "This forum was cancelled; registration is not possible.", zh: "该论坛已取消，无法报名。" },
      {
        over: { startsAt: new Date(Date.now() - 3 * DAY), endsAt: new Date(Date.now() - 2 * DAY), registrationOpensAt: null, registrationClosesAt: null },
        code: "closed",
        en: "This forum has already ended.",
        zh: "论坛已结束。",
      },
      { over: { status: "draft" as const }, code: "not_found", en: "No such forum or registration.", zh: "找不到该论坛或报名记录。" },
    ];
    for (const c of cases) {
      const e = await makeOpenForum(h.db, c.over);
      const en = await refusal(registerForEvent(h.db, me, { eventSlug: e.slug, data: sampleInput(), locale: "en" }));
      expect([en.code, en.message]).toEqual([c.code, c.en]);
      const zh = await refusal(registerForEvent(h.db, me, { eventSlug: e.slug, data: sampleInput(), locale: "zh-CN" }), "zh-CN");
      expect(zh.message).toBe(c.zh);
      expect(await rowsOf(e.id)).toHaveLength(0);
    }
  });

  it("approval mode: pending holds a seat; approve → confirmed, reject → seat goes to the waitlist", async () => {
    const e = await makeOpenForum(h.db, { capacity: 1, requiresApproval: true });
    const [a, b] = await makeDelegates(h.db, 2);
    const ra = await registerForEvent(h.db, a, { eventSlug: e.slug, data: sampleInput() });
    expect(ra.status).toBe("pending");
    expect(ra.ticketCode).toBeUndefined();
    const rb = await registerForEvent(h.db, b, { eventSlug: e.slug, data: sampleInput() });
    expect(rb).toMatchObject({ status: "waitlisted", waitlistPosition: 1 });
    await changeRegistrationStatus(h.db, a, { eventId: e.id, action: "reject", registrationIds: [ra.id] }); // the organizer console's command
    const rows = await rowsOf(e.id);
    expect(rows.find((r) => r.id === ra.id)!.status).toBe("rejected");
    expect(rows.find((r) => r.id === rb.id)!.status).toBe("pending"); // promoted, still needs approval
    await changeRegistrationStatus(h.db, a, { eventId: e.id, action: "approve", registrationIds: [rb.id] });
    const kinds = (await h.db.select().from(outbox).where(eq(outbox.eventId, e.id))).map((m) => m.kind).sort();
    // a: pending → rejected; b: waitlisted → pending (promoted) → approved.
    expect(kinds).toEqual(["registration.approved", "registration.pending", "registration.pending", "registration.rejected", "registration.waitlisted"]);
    expect((await rowsOf(e.id)).find((r) => r.id === rb.id)!.status).toBe("confirmed");
  });

  it("no waitlist: a full forum refuses clearly", async () => {
    const e = await makeOpenForum(h.db, { capacity: 1, waitlistEnabled: false });
    const [a, b] = await makeDelegates(h.db, 2);
    await registerForEvent(h.db, a, { eventSlug: e.slug, data: sampleInput() });
    const err = await refusal(registerForEvent(h.db, b, { eventSlug: e.slug, data: sampleInput(), locale: "en" }));
    expect([err.code, err.message]).toEqual(["conflict", "The forum is full."]);
  });

  it("buses: seat caps hold, a forged or foreign bus id is refused, the site visit is required for a bus", async () => {
    const e = await makeOpenForum(h.db, { withSiteVisit: true });
    const other = await makeOpenForum(h.db);
    const bus = await makeBus(h.db, e.id, 1);
    const foreign = await makeBus(h.db, other.id, 40);
    const [a, b, c] = await makeDelegates(h.db, 3);
    const ra = await registerForEvent(h.db, a, { eventSlug: e.slug, data: sampleInput({ siteVisit: true, groupId: bus.id }) });
    expect((await rowsOf(e.id))[0]).toMatchObject({ id: ra.id, siteVisit: true, busId: bus.id });
    const full = await refusal(registerForEvent(h.db, b, { eventSlug: e.slug, data: sampleInput({ siteVisit: true, groupId: bus.id }), locale: "en" }));
    expect([full.code, full.message]).toEqual(["conflict", "That bus is full. Please choose another one."]);
    const forged = await refusal(registerForEvent(h.db, b, { eventSlug: e.slug, data: sampleInput({ siteVisit: true, groupId: foreign.id }), locale: "en" }));
    expect(forged.code).toBe("invalid");
    expect(forged.fieldErrors).toEqual({ groupId: ["That bus does not exist."] });
    const junk = await refusal(registerForEvent(h.db, b, { eventSlug: e.slug, data: sampleInput({ siteVisit: true, groupId: "'; drop table buses; --" }) }));
    expect(junk.code).toBe("invalid");
    expect(await rowsOf(e.id)).toHaveLength(1); // nothing half-written
    // Without the site visit a bus choice is dropped, not stored.
    const rc = await registerForEvent(h.db, c, { eventSlug: e.slug, data: sampleInput({ siteVisit: false, groupId: bus.id }) });
    expect((await rowsOf(e.id)).find((r) => r.id === rc.id)!.busId).toBeNull();
    // Cancelling frees the bus seat.
    await cancelRegistration(h.db, a, { registrationId: ra.id });
    const rb = await registerForEvent(h.db, b, { eventSlug: e.slug, data: sampleInput({ siteVisit: true, groupId: bus.id }) });
    expect(rb.status).toBe("confirmed");
  });

  it("organizer questions: required, choices among options, unknown ids refused", async () => {
    const e = await makeOpenForum(h.db);
    const q1 = await makeQuestion(h.db, e.id, { label: "发言意向", required: true });
    const q2 = await makeQuestion(h.db, e.id, { label: "住宿", kind: "choice", options: ["需要", "不需要"] });
    const [a] = await makeDelegates(h.db, 1);
    const missing = await refusal(registerForEvent(h.db, a, { eventSlug: e.slug, data: sampleInput({ answers: { [q2.id]: "也许" } }), locale: "en" }));
    expect(missing.fieldErrors).toEqual({ [`answers.${q1.id}`]: ["Required"], [`answers.${q2.id}`]: ["Choose one of the options"] });
    const unknown = await refusal(registerForEvent(h.db, a, { eventSlug: e.slug, data: sampleInput({ answers: { [q1.id]: "是", nope: "x" } }), locale: "en" }));
    expect(unknown.fieldErrors).toEqual({ "answers.nope": ["Unknown question"] });
    const r = await registerForEvent(h.db, a, { eventSlug: e.slug, data: sampleInput({ answers: { [q1.id]: " 是 ", [q2.id]: "需要" } }) });
    expect((await rowsOf(e.id)).find((x) => x.id === r.id)!.answers).toEqual({ [q1.id]: "是", [q2.id]: "需要" });
  });

  it("5,000-character fields and script: zod refuses the long ones with a clear message; script is stored as plain text", () => {
    const long = "长".repeat(5000);
    const fd = new FormData();
    for (const [k, v] of Object.entries({ category: "enterprise", organization: long, position: "<script>alert(1)</script>", needs: long, phone: "12345" })) fd.set(k, v);
    fd.set("answers.q", "x");
    let err: DomainError | undefined;
    try {
      parse(registrationSchema("en"), answersFromForm(Object.fromEntries(fd)));
    } catch (e) {
      err = e as DomainError;
    }
    expect(err?.fieldErrors).toEqual({ organization: ["At most 200 characters"], needs: ["At most 1000 characters"] });
    try {
      parse(registrationSchema("zh-CN"), { category: "spy", organization: long, position: "" });
    } catch (e) {
      err = e as DomainError;
    }
    expect(err?.fieldErrors).toEqual({ category: ["请选择代表类别"], organization: ["最多 200 个字符"], position: ["请填写此项"] });
    const ok = parse(registrationSchema("en"), { category: "media", organization: "<b>x</b>", position: "<script>alert(1)</script>", siteVisit: "on" });
    expect(ok).toMatchObject({ position: "<script>alert(1)</script>", siteVisit: true, groupId: null, answers: {} });
  });

  it("cancel and edit: own registrations only (someone else's id is not found), re-register after cancelling", async () => {
    const e = await makeOpenForum(h.db);
    const [a, mallory] = await makeDelegates(h.db, 2);
    const r = await registerForEvent(h.db, a, { eventSlug: e.slug, data: sampleInput() });
    expect((await refusal(cancelRegistration(h.db, mallory, { registrationId: r.id }))).code).toBe("not_found");
    expect((await refusal(updateRegistration(h.db, mallory, { registrationId: r.id, data: sampleInput({ organization: "hacked" }) }))).code).toBe("not_found");
    expect((await refusal(cancelRegistration(h.db, mallory, { registrationId: "not-a-uuid" }))).code).toBe("not_found");
    expect(await myRegistration(h.db, mallory.id, r.id)).toBeNull();
    await updateRegistration(h.db, a, { registrationId: r.id, data: sampleInput({ organization: "新单位", needs: "素食" }) });
    expect((await rowsOf(e.id))[0]).toMatchObject({ organization: "新单位", needs: "素食", status: "confirmed" });
    await cancelRegistration(h.db, a, { registrationId: r.id });
    const again = await refusal(cancelRegistration(h.db, a, { registrationId: r.id, locale: "en" }));
    expect(again.message).toBe("This registration is already cancelled.");
    expect((await refusal(updateRegistration(h.db, a, { registrationId: r.id, data: sampleInput() }))).code).toBe("closed");
    const back = await registerForEvent(h.db, a, { eventSlug: e.slug, data: sampleInput() });
    const [cancelledTicket] = [r.ticketCode];
    expect(back.id).toBe(r.id); // the same row, with a fresh ticket: the old QR no longer admits anyone
    expect(back.ticketCode).not.toBe(cancelledTicket);
    const mine = await myRegistrations(h.db, a.id);
    expect(mine.map((m) => [m.event.slug, m.status])).toEqual([[e.slug, "confirmed"]]);
  });

  it("availability: seats left, filling, full", async () => {
    const e = await makeOpenForum(h.db, { capacity: 12 });
    const people = await makeDelegates(h.db, 13);
    expect(await eventAvailability(h.db, e)).toMatchObject({ left: 12, level: "available", gate: "open" });
    for (const p of people.slice(0, 3)) await registerForEvent(h.db, p, { eventSlug: e.slug, data: sampleInput() });
    expect(await eventAvailability(h.db, e)).toMatchObject({ left: 9, level: "filling" });
    for (const p of people.slice(3)) await registerForEvent(h.db, p, { eventSlug: e.slug, data: sampleInput() });
    expect(await eventAvailability(h.db, e)).toMatchObject({ left: 0, taken: 12, waitlisted: 1, level: "full" });
    const big = await makeOpenForum(h.db, { capacity: 200 });
    expect((await eventAvailability(h.db, big)).level).toBe("available");
  });
});
