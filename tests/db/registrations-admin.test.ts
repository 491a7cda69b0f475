/** Organizer-side registration commands, CSV import and export, on PGlite and Postgres. */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { inflateRawSync } from "node:zlib";
import { and, count, eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog, buses, checkins, events, outbox, registrationQuestions, registrations, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { addGuest, assignBus, autoFillBuses, changeRegistrationStatus, updateRegistration } from "@/lib/registrations/admin-commands";
import { busesWithSeats, registrationTable } from "@/lib/registrations/admin-queries";
import { tableParamsSchema } from "@/lib/registrations/admin-validation";
import { exportCsvStream, exportXlsxStream } from "@/lib/registrations/export";
import { DATE_TIME_FORMAT } from "@/lib/xlsx/writer";
import { importGuests, previewGuestImport } from "@/lib/registrations/import";
import { parseCsv } from "@/lib/registrations/csv";
import { createTestDb, testEngines } from "../fixtures/db";
import { plainExportLabels } from "../fixtures/export-labels";

const ticket = () => randomBytes(16).toString("base64url");
const labels = plainExportLabels;

async function bytesOf(stream: ReadableStream<Uint8Array>) {
  const parts: Uint8Array[] = [];
  for await (const c of stream as unknown as AsyncIterable<Uint8Array>) parts.push(c);
  return Buffer.concat(parts);
}
const text = async (stream: ReadableStream<Uint8Array>) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(await bytesOf(stream));

/** One file of a zip, found through its central directory (our writer's output: deflated entries). */
function zipEntry(zip: Uint8Array, name: string): string {
  const b = Buffer.from(zip);
  const end = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let p = b.readUInt32LE(end + 16);
  for (let n = b.readUInt16LE(end + 10); n > 0; n--) {
    const [size, nameLen, extra, comment, offset] = [b.readUInt32LE(p + 20), b.readUInt16LE(p + 28), b.readUInt16LE(p + 30), b.readUInt16LE(p + 32), b.readUInt32LE(p + 42)];
    if (b.toString("utf8", p + 46, p + 46 + nameLen) === name) {
      const data = offset + 30 + b.readUInt16LE(offset + 26) + b.readUInt16LE(offset + 28);
      return inflateRawSync(b.subarray(data, data + size)).toString("utf8");
    }
    p += 46 + nameLen + extra + comment;
  }
  throw new Error(`${name} not in the zip`);
}

describe.each(testEngines())("organizer registrations on %s", (engine) => {
  let h: DbHandle;
  let actor: Actor;
  const newEvent = async (slug: string, capacity: number | null, waitlistEnabled = true) => {
    const [e] = await h.db
      .insert(events)
      .values({ slug, title: "论坛 " + slug, startsAt: new Date("2025-09-05T01:00:00Z"), endsAt: new Date("2025-09-05T09:30:00Z"), capacity, waitlistEnabled, status: "published" })
      .returning();
    return e.id;
  };
  const reg = async (eventId: string, status: "pending" | "confirmed" | "waitlisted", extra: Partial<typeof registrations.$inferInsert> = {}) => {
    const [r] = await h.db
      .insert(registrations)
      .values({ eventId, status, fullName: "代表 " + Math.random().toString(36).slice(2, 7), ticketCode: ticket(), ...extra })
      .returning();
    return r.id;
  };
  const statusOf = async (id: string) => (await h.db.select({ s: registrations.status }).from(registrations).where(eq(registrations.id, id)))[0].s;

  beforeAll(async () => {
    h = await createTestDb(engine);
    const [u] = await h.db.insert(users).values({ name: "组织者", email: "org@example.com" }).returning();
    actor = { id: u.id, siteRole: "user", name: u.name, email: u.email };
  });
  afterAll(() => h?.close());

  it("status changes: promote respects capacity (all or nothing), a freed seat goes to the waitlist FCFS, mail + audit written", async () => {
    const ev = await newEvent("cap-forum", 3);
    await reg(ev, "confirmed");
    const [p1, p2] = [await reg(ev, "pending", { email: "p1@example.com" }), await reg(ev, "pending")];
    const wl = [];
    for (let i = 0; i < 3; i++) wl.push(await reg(ev, "waitlisted", { waitlistedAt: new Date(Date.UTC(2025, 7, 1, i)) }));
    await expect(changeRegistrationStatus(h.db, actor, { eventId: ev, action: "promote", registrationIds: wl.slice(0, 2) })).rejects.toMatchObject({ code: "conflict", messageKey: "console.errors.full", params: { left: 0 } });
    await expect(changeRegistrationStatus(h.db, actor, { eventId: ev, action: "promote", registrationIds: wl.slice(0, 1), locale: "zh-CN" })).rejects.toMatchObject({ messageKey: "console.errors.full" });
    for (const id of wl) expect(await statusOf(id)).toBe("waitlisted");
    // pending already holds a seat: approving needs none
    expect(await changeRegistrationStatus(h.db, actor, { eventId: ev, action: "approve", registrationIds: [p1, p2] })).toMatchObject({ changed: 2, skipped: 0, notFound: 0 });
    // cancelling frees a seat: the oldest waitlisted is promoted
    expect(await changeRegistrationStatus(h.db, actor, { eventId: ev, action: "cancel", registrationIds: [p1] })).toMatchObject({ changed: 1, promoted: 1 });
    expect(await statusOf(wl[0])).toBe("confirmed");
    expect(await statusOf(wl[1])).toBe("waitlisted");
    const mails = await h.db.select().from(outbox).where(eq(outbox.registrationId, p1));
    expect(mails.map((m) => m.kind)).toEqual(["registration.approved", "registration.cancelled"]);
    const audits = await h.db.select().from(auditLog).where(eq(auditLog.entityId, p1));
    expect(audits.map((a) => a.action).sort()).toEqual(["registration.approve", "registration.cancel"]);
    // reject a waitlisted: frees nothing
    expect(await changeRegistrationStatus(h.db, actor, { eventId: ev, action: "reject", registrationIds: [wl[1]] })).toMatchObject({ changed: 1, promoted: 0 });
    // raise the capacity, then promote by hand; wrong-state registrations are skipped
    await h.db.update(events).set({ capacity: 4 }).where(eq(events.id, ev));
    await changeRegistrationStatus(h.db, actor, { eventId: ev, action: "promote", registrationIds: [wl[2]] });
    expect(await statusOf(wl[2])).toBe("confirmed");
    expect(await changeRegistrationStatus(h.db, actor, { eventId: ev, action: "approve", registrationIds: [wl[2]] })).toMatchObject({ changed: 0, skipped: 1 });
  });

  it("concurrent promotions never oversell (Postgres: real concurrency; PGlite: serialised)", async () => {
    const ev = await newEvent("race-forum", 5);
    const wl = await Promise.all(Array.from({ length: 12 }, () => reg(ev, "waitlisted")));
    const results = await Promise.allSettled(wl.map((id) => changeRegistrationStatus(h.db, actor, { eventId: ev, action: "promote", registrationIds: [id] })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(5);
    const [c] = await h.db.select({ n: count() }).from(registrations).where(and(eq(registrations.eventId, ev), eq(registrations.status, "confirmed")));
    expect(Number(c.n)).toBe(5);
  });

  it("an id from another forum is not touched (no IDOR)", async () => {
    const a = await newEvent("idor-a", null);
    const b = await newEvent("idor-b", null);
    const theirs = await reg(b, "pending");
    expect(await changeRegistrationStatus(h.db, actor, { eventId: a, action: "cancel", registrationIds: [theirs] })).toEqual({ changed: 0, skipped: 0, notFound: 1, promoted: 0 });
    expect(await statusOf(theirs)).toBe("pending");
    await expect(
      updateRegistration(h.db, actor, { eventId: a, registrationId: theirs, fullName: "X", email: null, phone: null, organization: null, position: null, category: "other", siteVisit: false, notes: null, needs: null, answers: {} }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("add a guest by hand: confirmed while seats last, then waitlisted; duplicate email refused", async () => {
    const ev = await newEvent("guest-forum", 1);
    const g = { eventId: ev, phone: null, organization: "自贡市人民政府", position: "处长", category: "government" as const, siteVisit: true, notes: null, needs: null, status: "confirmed" as const };
    expect((await addGuest(h.db, actor, { ...g, fullName: "张三", email: "zhang@example.com" })).status).toBe("confirmed");
    expect((await addGuest(h.db, actor, { ...g, fullName: "李四", email: "li@example.com" })).status).toBe("waitlisted");
    await expect(addGuest(h.db, actor, { ...g, fullName: "张三", email: "zhang@example.com" })).rejects.toMatchObject({ code: "conflict", fieldErrors: { email: expect.any(Array) } });
  });

  it("edit answers: checked against the forum's questions", async () => {
    const ev = await newEvent("answers-forum", null);
    const [q] = await h.db.insert(registrationQuestions).values({ eventId: ev, label: "用餐", kind: "choice", options: ["清真", "素食", "无"], required: true }).returning();
    const id = await reg(ev, "confirmed");
    const base = { eventId: ev, registrationId: id, fullName: "王五", email: null, phone: null, organization: null, position: null, category: "expert" as const, siteVisit: false, notes: null, needs: null };
    await expect(updateRegistration(h.db, actor, { ...base, answers: { [q.id]: "牛排" } })).rejects.toMatchObject({ code: "invalid" });
    await expect(updateRegistration(h.db, actor, { ...base, answers: {} })).rejects.toMatchObject({ fieldErrors: { [`answers.${q.id}`]: [expect.any(String)] } });
    await updateRegistration(h.db, actor, { ...base, answers: { [q.id]: "素食" } });
    const [r] = await h.db.select().from(registrations).where(eq(registrations.id, id));
    expect(r.answers).toEqual({ [q.id]: "素食" });
    expect(r.fullName).toBe("王五");
  });

  it("buses: auto-fill by category, never over the seats; manual assignment refused beyond the seats", async () => {
    const ev = await newEvent("bus-forum", null);
    const [b1, b2] = await h.db
      .insert(buses)
      .values([
        { eventId: ev, name: "1号车", seats: 3, order: 1 },
        { eventId: ev, name: "2号车", seats: 2, order: 2 },
      ])
      .returning();
    const cats = ["enterprise", "government", "enterprise", "government", "expert", "park", "media"] as const;
    const ids = [];
    for (const c of cats) ids.push(await reg(ev, "confirmed", { category: c, siteVisit: true }));
    const r = await autoFillBuses(h.db, actor, { eventId: ev });
    expect(r).toEqual({ assigned: 5, unseated: 2 });
    expect((await busesWithSeats(h.db, ev)).map((b) => [b.name, b.taken, b.seats])).toEqual([
      ["1号车", 3, 3],
      ["2号车", 2, 2],
    ]);
    const seated = await h.db.select({ bus: registrations.busId, cat: registrations.category }).from(registrations).where(and(eq(registrations.eventId, ev), isNotNull(registrations.busId)));
    expect(seated.filter((s) => s.bus === b1.id).map((s) => s.cat).sort()).toEqual(["government", "government", "park"]);
    expect(seated.filter((s) => s.bus === b2.id).map((s) => s.cat).sort()).toEqual(["enterprise", "expert"]);
    const unseated = ids.filter((_, i) => ["enterprise", "media"].includes(cats[i]));
    await expect(assignBus(h.db, actor, { eventId: ev, registrationIds: unseated.slice(0, 1), busId: b1.id })).rejects.toMatchObject({ code: "conflict" });
    await assignBus(h.db, actor, { eventId: ev, registrationIds: [ids[1]], busId: null });
    expect((await assignBus(h.db, actor, { eventId: ev, registrationIds: unseated.slice(0, 1), busId: b1.id })).assigned).toBe(1);
  });

  it("CSV import: 2,000 rows with 5 bad ones — preview names exactly those lines, nothing written; import takes the rest; re-import adds nothing", async () => {
    const ev = await newEvent("import-forum", null);
    const lines = ["姓名,邮箱,手机,单位,职务,类别,现场考察"];
    const broken: Record<number, string> = {
      17: `,guest17@example.com,,单位,职务,企业,否`, // no name
      400: `嘉宾400,not-an-email,,单位,职务,企业,否`, // bad email
      999: `嘉宾999,guest5@example.com,,单位,职务,企业,否`, // repeats row 5's email
      1500: `嘉宾1500,guest1500@example.com,,单位,职务,外星人,否`, // unknown category
      2000: `嘉宾2000,guest2000@example.com,,单位,职务,媒体,也许`, // not yes/no
    };
    const expected: number[] = [];
    for (let i = 1; i <= 2000; i++) {
      if (broken[i]) expected.push(lines.length + 1); // the file line this row lands on
      lines.push(broken[i] ?? `嘉宾${i},guest${i}@example.com,1380000${String(i).padStart(4, "0")},"四川省某某局, 办公室",处长,政府,是`);
      if (i % 300 === 0) lines.push(""); // blank lines are ignored (but still counted as file lines)
    }
    const bytes = new TextEncoder().encode("\ufeff" + lines.join("\r\n") + "\r\n");

    const preview = await previewGuestImport(h.db, ev, bytes);
    expect(preview.total).toBe(2000);
    expect(preview.valid).toBe(1995);
    expect(preview.errors.map((e) => e.line)).toEqual(expected);
    expect(preview.errors.find((e) => e.line === expected[2])!.errors[0]).toContain("repeats line 6");
    expect(preview.errors.map((e) => e.errors.length)).toEqual([1, 1, 1, 1, 1]);
    const [{ n: none }] = await h.db.select({ n: count() }).from(registrations).where(eq(registrations.eventId, ev));
    expect(Number(none)).toBe(0);

    let created = 0;
    for (let from = 0; from < preview.total; from += 500) created += (await importGuests(h.db, actor, { eventId: ev, bytes, from, to: from + 500 })).created;
    expect(created).toBe(1995);
    const again = await importGuests(h.db, actor, { eventId: ev, bytes });
    expect(again).toMatchObject({ created: 0, existing: 1995, failed: 5 });
    const [{ n }] = await h.db.select({ n: count() }).from(registrations).where(eq(registrations.eventId, ev));
    expect(Number(n)).toBe(1995);
    const [one] = await h.db.select().from(registrations).where(and(eq(registrations.eventId, ev), eq(registrations.email, "guest3@example.com")));
    expect(one).toMatchObject({ fullName: "嘉宾3", organization: "四川省某某局, 办公室", category: "government", siteVisit: true, source: "import", status: "confirmed" });
  });

  it("CSV import: GBK-encoded file from Excel, semicolons, capacity fills then waitlists", async () => {
    const ev = await newEvent("gbk-forum", 2);
    const bytes = new Uint8Array(readFileSync("tests/fixtures/guests-gbk.csv")); // saved by Excel as GBK (CP936), ";"-separated
    const preview = await previewGuestImport(h.db, ev, bytes);
    expect(preview.encoding).toBe("gb18030");
    expect(preview.sample.map((s) => s.fullName)).toEqual(["张伟", "李娜", "王芳"]);
    expect(preview.errors).toEqual([]);
    const r = await importGuests(h.db, actor, { eventId: ev, bytes });
    expect(r).toMatchObject({ created: 3, confirmed: 2, waitlisted: 1 });
  });

  it("CSV import: 20,000 rows preview and import in chunks", async () => {
    const ev = await newEvent("import-20k", null);
    const lines = ["name,email,organization,category"];
    for (let i = 0; i < 20_000; i++) lines.push(`Guest ${i},g${i}@big.example.com,Org ${i % 50},${i % 2 ? "park" : "enterprise"}`);
    const bytes = new TextEncoder().encode(lines.join("\n"));
    const t0 = performance.now();
    const preview = await previewGuestImport(h.db, ev, bytes);
    const previewMs = performance.now() - t0;
    expect(preview).toMatchObject({ total: 20_000, valid: 20_000, existing: 0, errors: [] });
    let created = 0;
    for (let from = 0; from < 20_000; from += 5_000) created += (await importGuests(h.db, actor, { eventId: ev, bytes, from, to: from + 5_000 })).created;
    expect(created).toBe(20_000);
    console.log(`[${engine}] 20,000-row preview ${previewMs.toFixed(0)} ms, import ${(performance.now() - t0 - previewMs).toFixed(0)} ms`);
    expect(previewMs).toBeLessThan(10_000);
  });

  it("a missing required column is a file error", async () => {
    const ev = await newEvent("nocol-forum", null);
    await expect(previewGuestImport(h.db, ev, new TextEncoder().encode("name,phone\nA,1\n"))).rejects.toMatchObject({ code: "invalid", fieldErrors: { file: [{ key: "console.import.err.missingColumns", params: { columns: expect.stringContaining("email") } }] } });
  });

  it("export CSV and XLSX: every column, answers and check-in times in the forum's zone", async () => {
    const ev = await newEvent("export-forum", null);
    const [q] = await h.db.insert(registrationQuestions).values({ eventId: ev, label: "用餐", kind: "text", order: 1 }).returning();
    const id = await reg(ev, "confirmed", { fullName: "赵六, Jr. <&>\u0007", email: "zl@example.com", answers: { [q.id]: "素食" }, organization: "=cmd()" });
    await h.db.insert(checkins).values({ registrationId: id, eventId: ev, segment: "event", checkedInAt: new Date("2025-09-05T01:12:00Z"), checkedInById: actor.id });
    const csv = await text(await exportCsvStream(h.db, ev, labels));
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const [head, row] = parseCsv(csv).map((r) => r.fields);
    expect(head).toContain("用餐");
    expect(head).toContain("checkin:event");
    const get = (col: string) => row[head.indexOf(col)];
    expect(get("fullName")).toBe("赵六, Jr. <&>\u0007");
    expect(get("用餐")).toBe("素食");
    expect(get("checkin:event")).toBe("2025-09-05 09:12:00");
    expect(get("organization")).toBe("'=cmd()");
    const xlsx = await bytesOf(await exportXlsxStream(h.db, ev, labels));
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const hv = (ws.getRow(1).values as unknown[]).slice(1);
    const rv = (ws.getRow(2).values as unknown[]).slice(1);
    expect(rv[hv.indexOf("用餐")]).toBe("素食");
    expect(rv[hv.indexOf("fullName")]).toBe("赵六, Jr. <&>"); // escaped for XML, control character dropped
    // issue 12 item 13: times are real date cells (a date number format), the wall clock in the forum's zone
    const at = ws.getRow(2).getCell(hv.indexOf("checkin:event") + 1);
    expect(at.type).toBe(ExcelJS.ValueType.Date);
    expect(at.numFmt).toBe(DATE_TIME_FORMAT);
    expect((at.value as Date).toISOString()).toBe("2025-09-05T09:12:00.000Z"); // spreadsheet dates carry no zone: 09:12 Shanghai
    const registered = ws.getRow(2).getCell(hv.indexOf("registeredAt") + 1);
    expect(registered.type).toBe(ExcelJS.ValueType.Date);
    expect(ws.getColumn(hv.indexOf("checkin:event") + 1).width).toBeGreaterThanOrEqual(19); // no "#######"
    expect(ws.getRow(2).getCell(hv.indexOf("fullName") + 1).type).toBe(ExcelJS.ValueType.String);
    // a default ("Normal") cell style, which spreadsheet readers expect (openpyxl warns "no default style" without it)
    expect(zipEntry(xlsx, "xl/styles.xml")).toMatch(/<cellStyle name="Normal" xfId="0" builtinId="0"\/>/);
  });

  it("the table stays fast at 10,000 registrations: search, filter, sort, paginate", async () => {
    const ev = await newEvent("big-forum", null);
    const cats = ["government", "park", "expert", "enterprise", "media", "other"] as const;
    const rows = Array.from({ length: 10_000 }, (_, i) => ({
      eventId: ev,
      status: (i % 10 === 0 ? "pending" : "confirmed") as "pending" | "confirmed",
      fullName: `代表${String(i).padStart(5, "0")}`,
      email: `d${i}@example.com`,
      organization: `单位${i % 97}`,
      category: cats[i % 6],
      ticketCode: ticket(),
      createdAt: new Date(Date.UTC(2025, 7, 1) + i * 60_000),
    }));
    for (let i = 0; i < rows.length; i += 1000) await h.db.insert(registrations).values(rows.slice(i, i + 1000));
    const p = (o: Record<string, unknown>) => tableParamsSchema.parse(o);
    await registrationTable(h.db, ev, p({})); // warm up
    const t0 = performance.now();
    const all = await registrationTable(h.db, ev, p({ sort: "fullName", dir: "asc", page: 3 }));
    const search = await registrationTable(h.db, ev, p({ q: "单位42" }));
    const filtered = await registrationTable(h.db, ev, p({ status: "pending", category: "government", sort: "organization" }));
    const ms = performance.now() - t0;
    expect(all.total).toBe(10_000);
    expect(all.rows[0].fullName).toBe("代表00100");
    expect(search.total).toBe(rows.filter((r) => r.organization === "单位42").length);
    expect(filtered.total).toBe(rows.filter((r) => r.status === "pending" && r.category === "government").length);
    console.log(`[${engine}] 3 table queries over 10,000 rows: ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(1500);
  });
});
