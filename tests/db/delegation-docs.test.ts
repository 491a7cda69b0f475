/**
 * The delegation documents on a real database (PGlite, and Postgres when TEST_DATABASE_URL is set): the notice's
 * copies per unit (and its DOCX), hotels with automatic and hand room assignment, the room list and the pickup
 * schedule as XLSX with the right rows.
 */
import { randomBytes } from "node:crypto";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { delegates, registrations, roomAssignments, type events } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { addBlock, createHotel, hotelsOf, moveToRoom, roomGuests, roomList, runAutoAssign, stayOfRegistration, unassignRoom } from "@/lib/delegations/hotels";
import { docsT } from "@/lib/delegations/docs-i18n";
import { listXlsx } from "@/lib/delegations/list-route";
import { roomsTable, travelTable } from "@/lib/delegations/lists";
import { currentNotice, noticeCopies, resetNotice, saveNotice } from "@/lib/delegations/notice";
import { noticeDocx } from "@/lib/delegations/notice-docx";
import { travellers } from "@/lib/delegations/travel-queries";
import { createTestDb, testEngines } from "../fixtures/db";
import { addDelegates, makeUnit } from "../fixtures/delegation-docs";
import { makeDelegates, makeOpenForum } from "../fixtures/registration";
import { useAppDb } from "../fixtures/app-db";
import { grantEventRole, makeUser } from "../fixtures/users";

vi.mock("@/lib/auth/actor", () => import("../fixtures/actor"));
const { asActor } = await import("../fixtures/actor");
const { GET: ROSTER } = await import("@/app/admin/events/[slug]/delegations/roster/print/route");
const rosterGet = (slug: string, query = "") => ROSTER(new Request(`http://x/admin/events/${slug}/delegations/roster/print${query}`), { params: Promise.resolve({ slug }) } as never);

const randomCode = () => randomBytes(16).toString("base64url");

async function xlsxRows(stream: ReadableStream<Uint8Array>) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await new Response(stream).arrayBuffer()) as unknown as ArrayBuffer);
  const rows: string[][] = [];
  wb.worksheets[0].eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ""))));
  return rows;
}

describe.each(testEngines())("delegation documents (%s)", (engine) => {
  let h: DbHandle;
  let ev: typeof events.$inferSelect;
  let actor: Actor;
  beforeAll(async () => {
    h = await createTestDb(engine);
    ev = await makeOpenForum(h.db, { title: "产业园区赋能县域经济高质量发展座谈会" });
    [actor] = await makeDelegates(h.db, 1, "org");
    useAppDb(h);
  });
  afterAll(() => h?.close());

  it("notice: generated until saved, edited text per forum, one copy per unit with its name, quota and link (DOCX too)", async () => {
    const gen = (await currentNotice(h.db, ev.id, "zh-CN"))!;
    expect(gen.edited).toBe(false);
    expect(gen.title).toBe("关于召开产业园区赋能县域经济高质量发展座谈会的通知");
    const a = await makeUnit(h.db, ev.id, "四川省经济和信息化厅", 3, 1);
    const b = await makeUnit(h.db, ev.id, "宜宾市人民政府", 2, 0);
    await saveNotice(h.db, actor, { eventId: ev.id, title: gen.title, body: `${gen.body}\n请各单位高度重视。`, signature: "四川省人民政府参事室", issuedOn: "2025年8月20日" });
    const saved = (await currentNotice(h.db, ev.id, "zh-CN"))!;
    expect(saved.edited).toBe(true);
    expect(saved.body).toContain("请各单位高度重视。");

    const copies = (await noticeCopies(h.db, ev.id, "zh-CN", "https://hw.example", "all"))!;
    // the organizer's unit order: b (0) before a (1)
    expect(copies.map((c) => c.unitKey)).toEqual([b.id, a.id]);
    const text = (i: number) => copies[i].notice.paragraphs.map((p) => p.text).join("\n");
    expect(text(1)).toContain(`${a.organization}：`);
    expect(text(1)).toContain("请贵单位确定3名同志参会");
    expect(copies[1].replyLink).toBe(`https://hw.example/reply/${a.replyToken}`);
    expect(text(1)).toContain(copies[1].replyLink);
    expect(text(1)).toContain("请各单位高度重视。");

    const one = (await noticeCopies(h.db, ev.id, "zh-CN", "https://hw.example", { delegationId: a.id }))!;
    expect(one).toHaveLength(1);
    const docx = await noticeDocx(one.map((c) => ({ ...c, labels: { attachmentQr: "扫码" } })), { title: saved.title, creator: "t" });
    const xml = await (await JSZip.loadAsync(docx)).file("word/document.xml")!.async("string");
    const words = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
    expect(words).toContain(a.organization);
    expect(words).toContain("3名");
    expect(words).toContain(`https://hw.example/reply/${a.replyToken}`);
    expect(words).not.toContain(b.organization);
    // another forum's unit is not found through this forum
    const other = await makeOpenForum(h.db);
    expect(await noticeCopies(h.db, other.id, "zh-CN", "https://hw.example", { delegationId: a.id })).toBeNull();

    await resetNotice(h.db, actor, { eventId: ev.id });
    expect((await currentNotice(h.db, ev.id, "zh-CN"))!.edited).toBe(false);
  });

  it("hotels: auto-assign keeps units together, never mixes genders, respects blocks; hand moves are checked; room list XLSX", async () => {
    const forum = await makeOpenForum(h.db);
    const u1 = await makeUnit(h.db, forum.id, "自贡市人民政府", 5, 0);
    const u2 = await makeUnit(h.db, forum.id, "泸州市人民政府", 5, 1);
    await addDelegates(h.db, forum.id, u1.id, u1.organization, [
      { name: "张一", gender: "male", accommodation: "shared" },
      { name: "李二", gender: "female", accommodation: "shared" },
      { name: "王三", gender: "male", accommodation: "shared" },
      { name: "赵四", gender: "male", accommodation: "single" },
      { name: "钱五", gender: "female", accommodation: "none" },
    ]);
    await addDelegates(h.db, forum.id, u2.id, u2.organization, [
      { name: "孙六", gender: "female", accommodation: "shared" },
      { name: "周七", gender: "male", accommodation: "shared" },
    ]);
    const hotel = await createHotel(h.db, actor, { eventId: forum.id, name: "自贡檀木林大酒店", address: "自贡市沿滩区", phone: "0813-0000000" });
    await addBlock(h.db, actor, { eventId: forum.id, hotelId: hotel.id, type: "shared", count: 3, nights: 2, roomNumbers: ["801", "802", "803"] });
    await addBlock(h.db, actor, { eventId: forum.id, hotelId: hotel.id, type: "single", count: 1, nights: 2, roomNumbers: [] });
    await expect(createHotel(h.db, actor, { eventId: forum.id, name: "自贡檀木林大酒店", address: null, phone: null })).rejects.toMatchObject({ code: "conflict" });

    // two runs at once: the block locks serialize them, no bed is given twice, nobody is placed twice
    const [r1, r2] = await Promise.all([runAutoAssign(h.db, actor, { eventId: forum.id }), runAutoAssign(h.db, actor, { eventId: forum.id })]);
    expect(r1.placed + r2.placed).toBe(6);
    expect(r1.unplaced + r2.unplaced).toBe(0);
    const roomsOf = async () => {
      const guests = await roomGuests(h.db, forum.id);
      const rooms = new Map<string, typeof guests>();
      for (const g of guests.filter((x) => x.blockId)) rooms.set(`${g.blockId}:${g.room}`, [...(rooms.get(`${g.blockId}:${g.room}`) ?? []), g]);
      for (const people of rooms.values()) expect(new Set(people.map((p) => p.gender)).size).toBe(1);
      return { guests, rooms: [...rooms.values()].map((ps) => ps.map((p) => p.name).sort()) };
    };
    let now = await roomsOf();
    // within the unit first (张一+王三), then leftovers of different units of one gender (李二+孙六); 周七 waits alone
    expect(now.rooms).toEqual(expect.arrayContaining([["张一", "王三"], ["孙六", "李二"], ["周七"], ["赵四"]]));
    expect(now.guests.some((g) => g.name === "钱五")).toBe(false); // asked for no room
    const [shared, single] = (await hotelsOf(h.db, forum.id))[0].blocks;
    expect(shared.usedRooms).toBe(3);

    const zhou = now.guests.find((g) => g.name === "周七")!;
    const zhangRoom = now.guests.find((g) => g.name === "张一")!.room!;
    const liRoom = now.guests.find((g) => g.name === "李二")!.room!;
    await expect(moveToRoom(h.db, actor, { eventId: forum.id, delegateId: zhou.delegateId, blockId: shared.id, room: zhangRoom })).rejects.toMatchObject({ code: "conflict", fieldErrors: { room: ["errors.roomFull"] } });
    await expect(moveToRoom(h.db, actor, { eventId: forum.id, delegateId: zhou.delegateId, blockId: single.id, room: 2 })).rejects.toMatchObject({ code: "invalid" });
    await unassignRoom(h.db, actor, { eventId: forum.id, delegateId: now.guests.find((g) => g.name === "孙六")!.delegateId });
    await expect(moveToRoom(h.db, actor, { eventId: forum.id, delegateId: zhou.delegateId, blockId: shared.id, room: liRoom })).rejects.toMatchObject({ code: "conflict", fieldErrors: { room: ["errors.roomGenderMix"] } });
    // another forum's organizer data cannot be reached through this forum
    await expect(moveToRoom(h.db, actor, { eventId: ev.id, delegateId: zhou.delegateId, blockId: shared.id, room: 1 })).rejects.toMatchObject({ code: "not_found" });

    // a new male delegate joins 周七's half-filled room; 孙六 (unassigned by hand) takes 李二's free bed again
    await addDelegates(h.db, forum.id, u2.id, u2.organization, [{ name: "吴八", gender: "male", accommodation: "shared" }]);
    await runAutoAssign(h.db, actor, { eventId: forum.id });
    now = await roomsOf();
    expect(now.rooms).toEqual(expect.arrayContaining([["吴八", "周七"], ["孙六", "李二"]]));

    // a cancelled delegate's bed goes back at the next run; the room list shows who is where
    const wang = now.guests.find((g) => g.name === "王三")!;
    const [wangReg] = await h.db.select({ id: delegates.registrationId }).from(delegates).where(eq(delegates.id, wang.delegateId));
    await h.db.update(registrations).set({ status: "cancelled" }).where(eq(registrations.id, wangReg.id));
    await runAutoAssign(h.db, actor, { eventId: forum.id });
    expect(await h.db.select().from(roomAssignments).where(eq(roomAssignments.delegateId, wang.delegateId))).toHaveLength(0);

    const list = await roomList(h.db, forum.id);
    expect(list[0].rooms.map((r) => r.label)).toEqual(["801", "802", "803", "#1"]);
    const t = docsT("zh-CN");
    const table = roomsTable(list, t, forum.title, "");
    const rows = await xlsxRows(listXlsx(table, t));
    expect(rows[0]).toEqual(["分组", "房间", "房型", "晚数", "姓名", "性别", "单位", "联系电话"]);
    expect(rows).toHaveLength(1 + 6); // 张一, 李二+孙六, 周七+吴八, 赵四
    expect(rows.find((r) => r[4] === "赵四")).toEqual(["自贡檀木林大酒店", "#1", "单间", "2", "赵四", "男", u1.organization, expect.any(String)]);

    const [zhangReg] = await h.db.select({ id: delegates.registrationId }).from(delegates).where(eq(delegates.id, now.guests.find((g) => g.name === "张一")!.delegateId));
    expect(await stayOfRegistration(h.db, zhangReg.id)).toMatchObject({ hotel: "自贡檀木林大酒店", room: "801", type: "shared", nights: 2 });
    expect(await stayOfRegistration(h.db, wangReg.id)).toBeNull();
  });

  it("roster: units in the organizer's order, protocol rank within, public registrants under their organization; print HTML and XLSX through the route (staff read, others 403)", async () => {
    const forum = await makeOpenForum(h.db, { title: "参会名单测试论坛" });
    const late = await makeUnit(h.db, forum.id, "四川省商务厅", 3, 1);
    const first = await makeUnit(h.db, forum.id, "四川省经济和信息化厅", 4, 0);
    await makeUnit(h.db, forum.id, "四川省财政厅", 2, 2); // has not replied: not listed, not counted
    await addDelegates(h.db, forum.id, late.id, late.organization, [{ name: "钱科员", rank: "other" }, { name: "孙处长", rank: "county" }]);
    await addDelegates(h.db, forum.id, first.id, first.organization, [
      { name: "周处长", rank: "county" },
      { name: "吴厅长", rank: "provincial" },
      { name: "郑副厅长", rank: "bureau" },
      { name: "王退出", rank: "provincial", status: "cancelled" },
    ]);
    // public registrants: one names an invited unit (listed under it), one another organization (listed after the units)
    await h.db.insert(registrations).values([
      { eventId: forum.id, status: "confirmed", fullName: "冯公众", organization: late.organization, position: "科长", category: "government", ticketCode: randomCode(), source: "self" },
      { eventId: forum.id, status: "confirmed", fullName: "陈企业", organization: "自贡某科技有限公司", position: "总经理", category: "enterprise", ticketCode: randomCode(), source: "self" },
      { eventId: forum.id, status: "waitlisted", fullName: "褚候补", organization: "自贡某科技有限公司", position: "经理", category: "enterprise", ticketCode: randomCode(), source: "self" },
    ]);
    const staff = await makeUser(h.db);
    await grantEventRole(h.db, forum.id, staff.id, "staff");
    const outsider = await makeUser(h.db);

    const xlsx = await asActor(staff, () => rosterGet(forum.slug, "?format=xlsx"));
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-type")).toMatch(/spreadsheetml/);
    expect(xlsx.headers.get("content-disposition")).toContain(`${forum.slug}-roster.xlsx`);
    const rows = await xlsxRows(xlsx.body!);
    expect(rows[0]).toEqual(["分组", "姓名", "性别", "职务", "级别", "联系电话", "现场考察", "住宿", "备注"]);
    expect(rows).toHaveLength(1 + 7); // 3 + 3 delegates (the cancelled one left out) + 1 other organization
    expect(rows.slice(1).map((r) => `${r[0].split("-")[0]}:${r[1]}`)).toEqual([
      "四川省经济和信息化厅:吴厅长",
      "四川省经济和信息化厅:郑副厅长",
      "四川省经济和信息化厅:周处长",
      "四川省商务厅:孙处长",
      "四川省商务厅:冯公众", // rank 其他 like 钱科员: then by name (pinyin)
      "四川省商务厅:钱科员",
      "自贡某科技有限公司:陈企业",
    ]);
    expect(rows[1][4]).toBe("省部级");

    const html = await asActor(staff, () => rosterGet(forum.slug));
    expect(html.status).toBe(200);
    const text = await html.text();
    expect(text).toContain("参会名单");
    expect(text).toContain("共 3 个单位 7 人");
    expect(text.indexOf(first.organization)).toBeLessThan(text.indexOf(late.organization));

    expect((await asActor(outsider, () => rosterGet(forum.slug, "?format=xlsx"))).status).toBe(403);
    expect((await asActor(null, () => rosterGet(forum.slug, "?format=xlsx"))).status).toBe(401);
  });

  it("pickup schedule: arrivals and departures grouped by date, window and station, with phones; XLSX rows", async () => {
    const forum = await makeOpenForum(h.db, { timezone: "Asia/Shanghai" });
    const u = await makeUnit(h.db, forum.id, "内江市人民政府", 4);
    await addDelegates(h.db, forum.id, u.id, u.organization, [
      { name: "甲", phone: "13900000001", arrival: { at: "2025-09-04T15:20", by: "train", number: "G8501", station: "自贡站" }, departure: { at: "2025-09-05T18:30", by: "train", number: "G8502", station: "自贡站" } },
      { name: "乙", phone: "13900000002", arrival: { at: "2025-09-04T14:05", by: "train", number: "G8600", station: "自贡站" } },
      { name: "丙", phone: "13900000003", arrival: { at: "2025-09-04T15:00", by: "flight", number: "3U8851", station: "宜宾五粮液机场" } },
      { name: "丁", phone: "13900000004" },
      { name: "戊", phone: "13900000005", status: "cancelled", arrival: { at: "2025-09-04T15:00", by: "train", number: "G1", station: "自贡站" } },
    ]);
    const people = await travellers(h.db, forum.id, "zh-CN");
    expect(people.map((p) => p.name).sort()).toEqual(["丙", "乙", "甲"]);
    const t = docsT("zh-CN");
    const table = travelTable(people, t, "zh-CN", "Asia/Shanghai", forum.title, "");
    expect(table.groups.map((g) => [g.heading, g.rows.length])).toEqual([
      [expect.stringMatching(/^抵达 · 9月4日.* 14:00–16:00 · 宜宾五粮液机场$/), 1],
      [expect.stringMatching(/^抵达 · 9月4日.* 14:00–16:00 · 自贡站$/), 2],
      [expect.stringMatching(/^返程 · 9月5日.* 18:00–20:00 · 自贡站$/), 1],
    ]);
    const rows = await xlsxRows(listXlsx(table, t));
    expect(rows).toHaveLength(1 + 4);
    expect(rows[2]).toEqual([expect.stringContaining("自贡站"), "14:05", "乙", u.organization, "处长", "火车 G8600", "13900000002"]);
  });
});
