/**
 * Invited delegations (issue 10): quotas are reserved seats under the forum's lock, the reply slip replaces the
 * unit's list, substitutions void the old ticket, reminders and the automatic release at reply-by. Races run on
 * PGlite and Postgres, each with a negative control (HUIWU_UNSAFE_REGISTRATION=1: reads outside the lock) that
 * shows the assertion would catch an oversell.
 */
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog, delegates, delegations, outbox, registrations } from "@/db/schema";
import { DomainError } from "@/lib/actions/result";
import { translateError } from "@/lib/i18n/errors";
import { checkIn } from "@/lib/checkin/commands";
import {
  bulkCreateDelegations,
  createDelegation,
  deleteDelegation,
  releaseDelegation,
  releaseDueDelegations,
  remindDueLiaisons,
  saveReplyDraft,
  submitReply,
  updateDelegation,
} from "@/lib/delegations/commands";
import { delegationsOf, duplicatePhones, replyView } from "@/lib/delegations/queries";
import { rosterOf } from "@/lib/delegations/roster";
import { delegateTicket } from "@/lib/delegations/ticket";
import { delegateSchema, normalizePhone, type DelegateInput } from "@/lib/delegations/validation";
import { registerForEvent } from "@/lib/registrations/commands";
import { eventAvailability } from "@/lib/registrations/queries";
import { createTestDb, testEngines } from "../fixtures/db";
import { makeDelegates, makeOpenForum, sampleInput } from "../fixtures/registration";
import { makeAdmin } from "../fixtures/users";

const person = (name: string, phone: string, over: Partial<DelegateInput> = {}): DelegateInput =>
  delegateSchema("en").parse({ name, phone, position: "处长", ...over });
const people = (tag: string, n: number) => Array.from({ length: n }, (_, i) => person(`${tag}${i + 1}`, `139${String(i).padStart(8, "0")}`));
const liaison = (i: number) => ({ name: `联络员${i}`, phone: `1380000${String(i).padStart(4, "0")}`, email: null });

async function expectError(p: Promise<unknown>, code: string, text?: RegExp) {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(DomainError);
  expect((e as DomainError).code).toBe(code);
  // errors carry keys; what a Chinese liaison or desk reads is the translation (lib/i18n/errors.ts)
  if (text) expect(translateError(e as DomainError, "zh-CN").error).toMatch(text);
  return e as DomainError;
}

describe.each(testEngines())("invited delegations on %s", (engine) => {
  let h: DbHandle;
  let admin: Awaited<ReturnType<typeof makeAdmin>>;
  beforeAll(async () => {
    h = await createTestDb(engine, { maxConnections: 50 });
    admin = await makeAdmin(h.db);
  });
  afterEach(() => {
    delete process.env.HUIWU_UNSAFE_REGISTRATION;
  });
  afterAll(async () => h?.close());

  const tokenOf = async (id: string) => (await h.db.select().from(delegations).where(eq(delegations.id, id)))[0].replyToken;
  const seatHolders = async (eventId: string) =>
    h.db.select().from(registrations).where(and(eq(registrations.eventId, eventId), inArray(registrations.status, ["confirmed", "pending"])));

  async function rush(unsafe: boolean) {
    const event = await makeOpenForum(h.db, { capacity: 110 });
    for (let i = 0; i < 20; i++) await createDelegation(h.db, admin, { eventId: event.id, organization: `单位${i}-${event.slug}`, quota: 5, liaison: liaison(i), note: null });
    const publics = await makeDelegates(h.db, 40, "pub");
    if (unsafe) process.env.HUIWU_UNSAFE_REGISTRATION = "1";
    const results = await Promise.all(publics.map((p) => registerForEvent(h.db, p, { eventSlug: event.slug, data: sampleInput() })));
    delete process.env.HUIWU_UNSAFE_REGISTRATION;
    return { event, results };
  }

  it("20 units reserving capacity−10, then 40 public sign-ups at once: exactly 10 confirmed, 30 waitlisted, every unit still fills its quota", async () => {
    const { event, results } = await rush(false);
    expect(results.filter((r) => r.status === "confirmed")).toHaveLength(10);
    expect(results.filter((r) => r.status === "waitlisted")).toHaveLength(30);
    const avail = await eventAvailability(h.db, event);
    expect(avail.left).toBe(0);

    const units = await delegationsOf(h.db, event.id);
    const fills = await Promise.all(units.map(async (u, i) => submitReply(h.db, { token: await tokenOf(u.id), delegates: people(`u${i}-`, 5) })));
    expect(fills.every((f) => f.added === 5)).toBe(true);
    expect(await seatHolders(event.id)).toHaveLength(110);
    expect((await delegationsOf(h.db, event.id)).every((u) => u.filled === 5 && u.status === "replied")).toBe(true);
  });

  it("negative control: without the lock the same rush gives public sign-ups the reserved seats", async () => {
    const { results } = await rush(true);
    expect(results.filter((r) => r.status === "confirmed").length).toBeGreaterThan(10);
  });

  async function twoLists(unsafe: boolean) {
    const event = await makeOpenForum(h.db, { capacity: 50 });
    const made = await createDelegation(h.db, admin, { eventId: event.id, organization: `双开-${event.slug}`, quota: 3, liaison: liaison(1), note: null });
    if (unsafe) process.env.HUIWU_UNSAFE_REGISTRATION = "1";
    const a = people("甲", 3);
    const b = [person("乙1", "13700000001"), person("乙2", "13700000002"), person("乙3", "13700000003")];
    const rs = await Promise.allSettled([submitReply(h.db, { token: made.replyToken, delegates: a }), submitReply(h.db, { token: made.replyToken, delegates: b })]);
    delete process.env.HUIWU_UNSAFE_REGISTRATION;
    const view = await replyView(h.db, made.replyToken);
    return { rs, view, event };
  }

  it("one liaison submitting two different lists at the same moment never ends above the quota", async () => {
    const { rs, view, event } = await twoLists(false);
    expect(rs.every((r) => r.status === "fulfilled")).toBe(true);
    expect(view.delegates).toHaveLength(3);
    // the later list won entirely: the earlier one's people were cancelled, not kept alongside
    const names = view.delegates.map((d) => d.name[0]);
    expect(new Set(names).size).toBe(1);
    expect(await seatHolders(event.id)).toHaveLength(3);
  });

  it("negative control: two lists read without the lock both land (6 for a quota of 3)", async () => {
    const { view } = await twoLists(true);
    expect(view.delegates.length).toBeGreaterThan(3);
  });

  it("a quota beyond the free seats is a conflict; raising it too; releasing seats promotes the public waitlist", async () => {
    const event = await makeOpenForum(h.db, { capacity: 10 });
    const [p1, p2, p3] = await makeDelegates(h.db, 3, "w");
    await registerForEvent(h.db, p1, { eventSlug: event.slug, data: sampleInput() });
    const u = await createDelegation(h.db, admin, { eventId: event.id, organization: `省发展改革委-${event.slug}`, quota: 8, liaison: liaison(1), note: null });
    await expectError(createDelegation(h.db, admin, { eventId: event.id, organization: `另一单位-${event.slug}`, quota: 2, liaison: liaison(2), note: null }), "conflict", /1/);
    await expectError(updateDelegation(h.db, admin, { eventId: event.id, id: u.id, quota: 10 }), "conflict");
    await expectError(createDelegation(h.db, admin, { eventId: event.id, organization: `省发展改革委-${event.slug}`, quota: 1, liaison: liaison(2), note: null }), "conflict");
    expect((await registerForEvent(h.db, p2, { eventSlug: event.slug, data: sampleInput() })).status).toBe("confirmed");
    expect((await registerForEvent(h.db, p3, { eventSlug: event.slug, data: sampleInput() })).status).toBe("waitlisted");
    await submitReply(h.db, { token: u.replyToken, delegates: people("r", 6) });
    const rel = await releaseDelegation(h.db, admin, { eventId: event.id, id: u.id });
    expect(rel).toMatchObject({ released: 2, promoted: 1 });
    const [mine] = await h.db.select().from(registrations).where(eq(registrations.userId, p3.id));
    expect(mine.status).toBe("confirmed");
    // after release the unit can swap names but not grow
    await expectError(submitReply(h.db, { token: u.replyToken, delegates: people("r", 7) }), "invalid");
    // 10 seats: 2 public + 6 entered by the released unit + 1 promoted → one left
    await expectError(createDelegation(h.db, admin, { eventId: event.id, organization: `小单位-${event.slug}`, quota: 2, liaison: liaison(3), note: null }), "conflict");
    await createDelegation(h.db, admin, { eventId: event.id, organization: `小单位-${event.slug}`, quota: 1, liaison: liaison(3), note: null });
    await expectError(updateDelegation(h.db, admin, { eventId: event.id, id: u.id, quota: 5 }), "invalid"); // below the 6 entered
  });

  it("reply slip: replaces the list (kept keep tickets, removed cancelled), 422 over quota naming it, 409 after reply-by or closed, 404 for unknown tokens", async () => {
    const event = await makeOpenForum(h.db, { capacity: 100 });
    const u = await createDelegation(h.db, admin, { eventId: event.id, organization: `四川省经济和信息化厅-${event.slug}`, quota: 3, liaison: liaison(1), note: null });
    const first = await submitReply(h.db, {
      token: u.replyToken,
      delegates: [
        person("张三", "13800000001", { rank: "bureau", arrival: { at: "2026-09-04T18:30", by: "train", number: "G8501", station: "自贡站" } }),
        person("李四", "13800000002"),
        person("王五", "+4915112345678", { email: "wang@example.com" }),
      ],
    });
    expect(first.added).toBe(3);
    expect((await replyView(h.db, u.replyToken)).delegates.map((d) => d.name)).toEqual(["张三", "李四", "王五"]); // as entered
    const zhang = first.delegates.find((d) => d.name === "张三")!;
    const [zhangRow] = await h.db.select().from(delegates).where(eq(delegates.id, zhang.id));
    expect(zhangRow.arrival).toMatchObject({ by: "train", number: "G8501", station: "自贡站", at: "2026-09-04T10:30:00.000Z" });

    const second = await submitReply(h.db, { token: u.replyToken, delegates: [person("张 三", "138 0000 0001"), person("赵六", "13800000004")] });
    expect(second).toMatchObject({ kept: 1, added: 1, removed: 2 });
    expect(second.delegates.find((d) => d.name === "张三")!.ticketCode).toBe(zhang.ticketCode);
    const gone = await h.db.select().from(registrations).where(and(eq(registrations.eventId, event.id), eq(registrations.fullName, "李四")));
    expect(gone[0].status).toBe("cancelled");
    const msgs = await h.db.select().from(outbox).where(eq(outbox.eventId, event.id));
    expect(msgs.filter((m) => m.kind === "delegation.ticket" && m.channel === "sms").length).toBe(4);
    expect(msgs.filter((m) => m.kind === "delegation.ticket" && m.channel === "email").map((m) => m.toEmail)).toEqual(["wang@example.com"]);
    expect(msgs.filter((m) => m.kind === "delegation.link")).toHaveLength(1);

    await expectError(submitReply(h.db, { token: u.replyToken, delegates: people("x", 4) }), "invalid", /3/);
    await expectError(submitReply(h.db, { token: u.replyToken, delegates: [person("重", "13800000009"), person("重", "13800000009")] }), "invalid");
    await expectError(submitReply(h.db, { token: "A".repeat(32), delegates: [] }), "not_found");

    await updateDelegation(h.db, admin, { eventId: event.id, id: u.id, status: "closed" });
    await expectError(submitReply(h.db, { token: u.replyToken, delegates: [] }), "conflict");
    await updateDelegation(h.db, admin, { eventId: event.id, id: u.id, status: "invited" });
    expect((await replyView(h.db, u.replyToken)).status).toBe("replied");
    await saveReplyDraft(h.db, { token: u.replyToken, delegates: [{ name: "草稿" }] });
    expect((await replyView(h.db, u.replyToken)).draft?.delegates).toEqual([{ name: "草稿" }]);

    await h.db.update(delegations).set({ replyBy: new Date("2026-01-05T02:00:00Z") }).where(eq(delegations.id, u.id));
    const late = await expectError(submitReply(h.db, { token: u.replyToken, delegates: [] }), "conflict");
    expect(translateError(late, "zh-CN").error).toContain("2026");
    expect((await replyView(h.db, u.replyToken)).open).toBe(false);
  });

  it("substitution: the old ticket is refused at check-in naming the replacement, the new one checks in, the audit says who swapped whom", async () => {
    const event = await makeOpenForum(h.db, { capacity: 100 });
    const u = await createDelegation(h.db, admin, { eventId: event.id, organization: `自贡高新区管委会-${event.slug}`, quota: 2, liaison: liaison(7), note: null });
    const r1 = await submitReply(h.db, { token: u.replyToken, delegates: [person("陈军", "13900000001"), person("戴宇", "13900000002")] });
    const chen = r1.delegates.find((d) => d.name === "陈军")!;
    const r2 = await submitReply(h.db, { token: u.replyToken, delegates: [person("刘洋", "13900000003", { replaces: chen.id }), person("戴宇", "13900000002")] });
    expect(r2).toMatchObject({ replaced: 1, kept: 1, added: 0, removed: 0 });
    const liu = r2.delegates.find((d) => d.name === "刘洋")!;
    expect(liu.ticketCode).not.toBe(chen.ticketCode);

    const refused = await expectError(checkIn(h.db, admin, { eventId: event.id, ticketCode: chen.ticketCode, segment: "event" }), "conflict", /刘洋/);
    expect(refused.extra).toMatchObject({ replacedBy: { name: "刘洋" } });
    const ok = await checkIn(h.db, admin, { eventId: event.id, ticketCode: liu.ticketCode, segment: "event" });
    expect(ok.registration.name).toBe("刘洋");
    const audit = await h.db.select().from(auditLog).where(and(eq(auditLog.eventId, event.id), eq(auditLog.action, "delegate.substitute")));
    expect(audit).toHaveLength(1);
    expect(audit[0].before).toMatchObject({ name: "陈军" });
    expect(audit[0].after).toMatchObject({ name: "刘洋" });
    const view = await replyView(h.db, u.replyToken);
    expect(view.delegates.map((d) => d.name)).toEqual(["刘洋", "戴宇"]); // the replacement takes 陈军's place on the slip

    // the ticket page by code (/ticket/{code}, what the delegate's text message links to)
    expect(await delegateTicket(h.db, liu.ticketCode)).toMatchObject({ fullName: "刘洋", status: "confirmed", replaced: false, organization: u.organization, event: { slug: event.slug } });
    expect(await delegateTicket(h.db, chen.ticketCode)).toMatchObject({ fullName: "陈军", status: "cancelled", replaced: true });
    const [pub] = await makeDelegates(h.db, 1, "self");
    const own = await registerForEvent(h.db, pub, { eventSlug: event.slug, data: sampleInput() });
    const [ownReg] = await h.db.select().from(registrations).where(eq(registrations.id, own.id));
    expect(await delegateTicket(h.db, ownReg.ticketCode)).toBeNull(); // a self-registration has /me/…, not a page by code
    expect(await delegateTicket(h.db, "A".repeat(22))).toBeNull();
    expect(await delegateTicket(h.db, "../../etc/passwd")).toBeNull();
  });

  it("reminders: one per unit that has not replied, N hours before reply-by; the reply-by loop releases seats", async () => {
    const event = await makeOpenForum(h.db, { capacity: 16 });
    const soon = new Date(Date.now() + 10 * 3600_000);
    const a = await createDelegation(h.db, admin, { eventId: event.id, organization: `甲单位-${event.slug}`, quota: 5, liaison: liaison(1), replyBy: soon, note: null });
    const b = await createDelegation(h.db, admin, { eventId: event.id, organization: `乙单位-${event.slug}`, quota: 5, liaison: liaison(2), replyBy: soon, note: null });
    await createDelegation(h.db, admin, { eventId: event.id, organization: `丙单位-${event.slug}`, quota: 5, liaison: liaison(3), note: null }); // far deadline
    await submitReply(h.db, { token: b.replyToken, delegates: people("b", 2) });
    expect(await remindDueLiaisons(h.db, 24)).toBe(1);
    expect(await remindDueLiaisons(h.db, 24)).toBe(0);
    const reminders = await h.db.select().from(outbox).where(and(eq(outbox.eventId, event.id), eq(outbox.kind, "delegation.reminder")));
    expect(reminders.map((m) => m.toPhone)).toEqual([liaison(1).phone]);

    const [w] = await makeDelegates(h.db, 1, "late");
    await registerForEvent(h.db, w, { eventSlug: event.slug, data: sampleInput() });
    await registerForEvent(h.db, (await makeDelegates(h.db, 1, "late2"))[0], { eventSlug: event.slug, data: sampleInput() });
    expect((await eventAvailability(h.db, event)).waitlisted).toBeGreaterThan(0);
    expect(await releaseDueDelegations(h.db, new Date(soon.getTime() + 1000))).toBeGreaterThanOrEqual(2); // other tests' units too
    expect(await releaseDueDelegations(h.db, new Date(soon.getTime() + 2000))).toBe(0);
    const units = await delegationsOf(h.db, event.id);
    expect(units.map((u) => u.releasedAt != null)).toEqual([true, true, false]);
    const after = await eventAvailability(h.db, event);
    expect(after.waitlisted).toBe(0); // 8 seats freed (5 from 甲, 3 from 乙) promoted both
    expect(units[0].id).toBe(a.id);
  });

  it("bulk invite keeps good rows and reports bad ones; same phone in two units is a warning; roster in protocol order; delete frees seats", async () => {
    const event = await makeOpenForum(h.db, { capacity: 30 });
    const res = await bulkCreateDelegations(h.db, admin, {
      eventId: event.id,
      rows: [
        { row: 2, data: { organization: `四川省发展和改革委员会-${event.slug}`, quota: 3, liaison: liaison(1), note: null } },
        { row: 3, error: "bad phone" },
        { row: 4, data: { organization: `四川省发展和改革委员会-${event.slug}`, quota: 1, liaison: liaison(2), note: null } },
        { row: 5, data: { organization: `川南新材料化工园区-${event.slug}`, quota: 40, liaison: liaison(3), note: null } },
        { row: 6, data: { organization: `自贡食品产业园-${event.slug}`, quota: 2, liaison: liaison(4), note: null } },
      ],
    });
    expect(res).toMatchObject({ created: 2, failed: 3 });
    expect(res.results.filter((r) => !r.ok).map((r) => r.row)).toEqual([3, 4, 5]);
    const units = await delegationsOf(h.db, event.id);
    expect(units.map((u) => u.organization.split("-")[0])).toEqual(["四川省发展和改革委员会", "自贡食品产业园"]);
    const [fa, park] = units;
    await submitReply(h.db, {
      token: await tokenOf(fa.id),
      delegates: [person("科员", "13600000003", { rank: "other" }), person("厅长", "13600000001", { rank: "provincial" }), person("处长", "13600000002", { rank: "county" })],
    });
    await submitReply(h.db, { token: await tokenOf(park.id), delegates: [person("主任", "13600000001", { rank: "county" })] });
    expect(await duplicatePhones(h.db, event.id)).toEqual([{ phone: "13600000001", units: [fa.organization, park.organization].sort() }]);
    const [pub] = await makeDelegates(h.db, 1, "pub");
    await registerForEvent(h.db, pub, { eventSlug: event.slug, data: sampleInput({ organization: "某某科技有限公司" }) });
    const roster = await rosterOf(h.db, event.id);
    expect(roster.map((u) => u.organization.split("-")[0])).toEqual(["四川省发展和改革委员会", "自贡食品产业园", "某某科技有限公司"]);
    expect(roster[0].delegates.map((d) => d.name)).toEqual(["厅长", "处长", "科员"]);

    expect(await delegationsOf(h.db, event.id, "underQuota")).toHaveLength(1);
    const del = await deleteDelegation(h.db, admin, { eventId: event.id, id: park.id });
    expect(del.cancelled).toBe(1);
    expect((await rosterOf(h.db, event.id)).map((u) => u.delegates.length)).toEqual([3, 1]);
  });

  it("phones: 11 digits starting with 1, or E.164", () => {
    expect(normalizePhone("138 0000 0001")).toBe("13800000001");
    expect(normalizePhone("+86 138-0000-0001")).toBe("13800000001");
    expect(normalizePhone("+4915112345678")).toBe("+4915112345678");
    expect(normalizePhone("23800000001")).toBeNull();
    expect(normalizePhone("1380000000")).toBeNull();
    expect(delegateSchema("en").safeParse({ name: "x", position: "y", phone: "12345" }).success).toBe(false);
  });
});
