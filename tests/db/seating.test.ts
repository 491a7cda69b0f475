/** Seating commands on both engines: protocol order, rostrum by convention, hall blocks, dining main table, speed. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { registrations } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { eq } from "drizzle-orm";
import {
  addProtocolEntry,
  autoAssignDining,
  autoAssignHall,
  autoRostrum,
  configureDining,
  configureHall,
  moveHallSeat,
  reorderProtocol,
  seedProtocolOrder,
  setRostrum,
  swapRostrumSeats,
} from "@/lib/seating/commands";
import { protocolOrderOf } from "@/lib/seating/protocol";
import { diningOf, hallOf, rostrumOf } from "@/lib/seating/queries";
import { badgeData, renderBadgesHtml } from "@/lib/printables/badges";
import { createTestDb, testEngines } from "../fixtures/db";
import { makeOpenForum } from "../fixtures/registration";
import { makeDelegation, makePublicRegistrants, makeSpeakers } from "../fixtures/seating";
import { makeUser } from "../fixtures/users";

for (const engine of testEngines()) {
  describe(`seating (${engine})`, () => {
    let h: DbHandle;
    let admin: Actor;
    beforeAll(async () => {
      h = await createTestDb(engine);
      admin = await makeUser(h.db, { siteRole: "admin" });
    });
    afterAll(() => h?.close());

    it("protocol order: seeded from speakers and leaders by rank, reordered by the organizer, stale lists refused", async () => {
      const ev = await makeOpenForum(h.db);
      const [s1, s2] = await makeSpeakers(h.db, ev, ["范恒山", "李后强"]);
      await makeDelegation(h.db, ev.id, "省发展改革委", 1, [
        { name: "厅长甲", rank: "bureau" },
        { name: "科员乙", rank: "other" }, // not a leader: not seeded
      ]);
      const [gov] = await makeDelegation(h.db, ev.id, "省政府", 0, [{ name: "副省长丙", rank: "provincial" }]);
      const seeded = await seedProtocolOrder(h.db, admin, { eventId: ev.id });
      expect(seeded.added).toBe(4);
      let order = await protocolOrderOf(h.db, ev.id);
      // ranked delegates first (provincial, bureau), speakers (unranked) after, in appearance order
      expect(order.map((e) => e.name)).toEqual(["副省长丙", "厅长甲", "范恒山", "李后强"]);
      expect(order[0]).toMatchObject({ id: gov, kind: "registration", rank: "provincial", position: 1 });
      // seeding again adds nobody
      expect((await seedProtocolOrder(h.db, admin, { eventId: ev.id })).added).toBe(0);

      const ids = order.map((e) => e.entryId);
      await reorderProtocol(h.db, admin, { eventId: ev.id, entryIds: [ids[2]!, ids[0]!, ids[1]!, ids[3]!] });
      order = await protocolOrderOf(h.db, ev.id);
      expect(order.map((e) => e.id)).toEqual([s1, gov, order[2]!.id, s2]);
      expect(order.map((e) => e.position)).toEqual([1, 2, 3, 4]);
      await expect(reorderProtocol(h.db, admin, { eventId: ev.id, entryIds: ids.slice(0, 3) })).rejects.toMatchObject({ code: "conflict" });
      await expect(addProtocolEntry(h.db, admin, { eventId: ev.id, id: s1! })).rejects.toMatchObject({ code: "conflict" });

      // a cancelled delegate drops out of the order
      await h.db.update(registrations).set({ status: "cancelled" }).where(eq(registrations.id, gov!));
      expect((await protocolOrderOf(h.db, ev.id)).map((e) => e.name)).toEqual(["范恒山", "厅长甲", "李后强"]);
    });

    it("rostrum: rank order arranged by convention, seat 1 from the audience's left; unknown and duplicate ids refused; swap by hand", async () => {
      const ev = await makeOpenForum(h.db);
      const ids = await makeSpeakers(h.db, ev, ["一号", "二号", "三号", "四号", "五号"]);
      const [reg] = await makeDelegation(h.db, ev.id, "园区", 0, [{ name: "六号", rank: "county" }]);
      const view = await setRostrum(h.db, admin, { eventId: ev.id, convention: "government", rows: [{ people: ids }, { people: [reg!] }] });
      expect(view.rows[0]!.seats.map((s) => s.name)).toEqual(["五号", "三号", "一号", "二号", "四号"]);
      expect(view.rows[0]!.seats.map((s) => s.seat)).toEqual([1, 2, 3, 4, 5]);
      expect(view.rows[1]).toMatchObject({ row: 2, seats: [{ seat: 1, id: reg, name: "六号", rank: "county" }] });

      const intl = await setRostrum(h.db, admin, { eventId: ev.id, convention: "international", rows: [{ people: ids.slice(0, 4) }] });
      expect(intl.rows.map((r) => r.seats.map((s) => s.name))).toEqual([["三号", "一号", "二号", "四号"]]);

      await expect(setRostrum(h.db, admin, { eventId: ev.id, convention: "government", rows: [{ people: [ids[0]!, ids[0]!] }] })).rejects.toMatchObject({ code: "invalid" });
      await expect(setRostrum(h.db, admin, { eventId: ev.id, convention: "government", rows: [{ people: [crypto.randomUUID()] }] })).rejects.toMatchObject({ code: "invalid" });
      // an id from another forum is unknown here
      const other = await makeOpenForum(h.db);
      const [foreign] = await makeSpeakers(h.db, other, ["外人"]);
      await expect(setRostrum(h.db, admin, { eventId: ev.id, convention: "government", rows: [{ people: [foreign!] }] })).rejects.toMatchObject({ code: "invalid" });

      await swapRostrumSeats(h.db, admin, { eventId: ev.id, planId: intl.planId, a: { row: 1, seat: 1 }, b: { row: 1, seat: 4 } });
      expect((await rostrumOf(h.db, ev.id))!.rows[0]!.seats.map((s) => s.name)).toEqual(["四号", "一号", "二号", "三号"]);

      const auto = await autoRostrum(h.db, admin, { eventId: ev.id, convention: "government", count: 3, perRow: 3 }).catch((e) => e);
      expect(auto).toMatchObject({ code: "conflict" }); // protocol order still empty
      await seedProtocolOrder(h.db, admin, { eventId: ev.id });
      const fromOrder = await autoRostrum(h.db, admin, { eventId: ev.id, convention: "government", count: 3, perRow: 3 });
      // seeded order: 六号 (县处级) first, then the speakers as they appear on the agenda
      expect((await protocolOrderOf(h.db, ev.id)).map((e) => e.name)).toEqual(["六号", "一号", "二号", "三号", "四号", "五号"]);
      expect(fromOrder.rows[0]!.seats.map((s) => s.name)).toEqual(["二号", "六号", "一号"]);
    });

    it("hall: VIPs first, then each unit a block in unit order by rank, then public registrants by organization; reserved rows and rostrum skipped; moves swap", async () => {
      const ev = await makeOpenForum(h.db);
      const b = await makeDelegation(h.db, ev.id, "B单位", 2, [
        { name: "B科员", rank: "other" },
        { name: "B处长", rank: "county" },
      ]);
      const a = await makeDelegation(h.db, ev.id, "A单位", 1, [
        { name: "A二", rank: "bureau", orderInUnit: 2 },
        { name: "A一", rank: "bureau", orderInUnit: 1 },
        { name: "A厅长", rank: "provincial" },
      ]);
      const pub = await makePublicRegistrants(h.db, ev.id, [{ name: "公众甲", organization: "企业" }]);
      const [vip, onStage] = await makeDelegation(h.db, ev.id, "C单位", 3, [
        { name: "C贵宾", rank: "provincial" },
        { name: "C台上", rank: "provincial" },
      ]);
      await addProtocolEntry(h.db, admin, { eventId: ev.id, id: vip! });
      await setRostrum(h.db, admin, { eventId: ev.id, convention: "government", rows: [{ people: [onStage!] }] });

      await expect(autoAssignHall(h.db, admin, { eventId: ev.id })).rejects.toMatchObject({ code: "conflict" }); // no hall yet
      await configureHall(h.db, admin, { eventId: ev.id, rows: 4, seatsPerRow: 4, reserved: [{ row: 1, reason: "media" }] });
      const r = await autoAssignHall(h.db, admin, { eventId: ev.id });
      expect(r).toEqual({ seated: 7, free: 12 });
      const hall = (await hallOf(h.db, ev.id))!;
      const at = (row: number, seat: number) => hall.seats.find((s) => s.row === row && s.seat === seat)?.name;
      expect(hall.seats.some((s) => s.row === 1)).toBe(false);
      expect(hall.seats.some((s) => s.id === onStage)).toBe(false);
      expect([at(2, 1), at(2, 2), at(2, 3), at(2, 4)]).toEqual(["C贵宾", "A厅长", "A一", "A二"]);
      // B (2 people) fits row 3 whole; the public registrant follows
      expect([at(3, 1), at(3, 2), at(3, 3)]).toEqual(["B处长", "B科员", "公众甲"]);
      expect(hall.reserved).toEqual([{ row: 1, reason: "media" }]);

      await moveHallSeat(h.db, admin, { eventId: ev.id, registrationId: pub[0]!, to: { row: 2, seat: 1 } });
      const moved = (await hallOf(h.db, ev.id))!;
      expect(moved.seats.find((s) => s.row === 2 && s.seat === 1)?.name).toBe("公众甲");
      expect(moved.seats.find((s) => s.row === 3 && s.seat === 3)?.name).toBe("C贵宾");
      // the badge carries the seat it now has (3排12号 style), in both languages
      const badges = await badgeData(h.db, ev.id, { size: "a4", include: "active" });
      expect(badges.people.find((p) => p.id === pub[0])?.hall).toEqual({ row: 2, seat: 1 });
      const card = (html: string, name: string) => html.split('<article class="badge"').find((c) => c.includes(`>${name}<`)) ?? "";
      expect(card(await renderBadgesHtml(badges, "a4", "zh-CN"), "公众甲")).toContain("2排1号");
      expect(card(await renderBadgesHtml(badges, "a4", "en"), "公众甲")).toContain("Row 2, Seat 1");
      await expect(moveHallSeat(h.db, admin, { eventId: ev.id, registrationId: a[0]!, to: { row: 9, seat: 1 } })).rejects.toMatchObject({ code: "invalid" });
      expect(b.length).toBe(2);

      await configureHall(h.db, admin, { eventId: ev.id, rows: 1, seatsPerRow: 2, reserved: [] });
      await expect(autoAssignHall(h.db, admin, { eventId: ev.id })).rejects.toMatchObject({ code: "conflict" }); // 7 people, 2 seats
    });

    it("dining: table 1 has the host at seat 1 and the guest of honour beside him by convention; the rest by unit", async () => {
      const ev = await makeOpenForum(h.db);
      const [host, guest, third] = await makeSpeakers(h.db, ev, ["主人", "主宾", "三号"]);
      await makeDelegation(h.db, ev.id, "A单位", 1, [
        { name: "A1", rank: "county" },
        { name: "A2", rank: "other" },
      ]);
      await makeDelegation(h.db, ev.id, "B单位", 2, [{ name: "B1", rank: "other" }]);
      for (const id of [host!, guest!, third!]) await addProtocolEntry(h.db, admin, { eventId: ev.id, id });
      await configureDining(h.db, admin, { eventId: ev.id, tableSize: 3, convention: "international" });
      expect(await autoAssignDining(h.db, admin, { eventId: ev.id })).toEqual({ tables: 2, seated: 6 });
      const d = await diningOf(h.db, ev.id);
      // international: guest of honour on the host's right = the last seat (seats run clockwise from the host)
      expect(d.tables[0]!.seats.map((s) => s.name)).toEqual(["主人", "三号", "主宾"]);
      expect(d.tables[1]!.seats.map((s) => s.name)).toEqual(["A1", "A2", "B1"]);
      const badges = await badgeData(h.db, ev.id, { size: "a4", include: "active" });
      expect(badges.people.find((p) => p.name === "B1")?.table).toBe(2);
      expect(await renderBadgesHtml(badges, "a4", "zh-CN")).toContain("第 2 桌");
      await configureDining(h.db, admin, { eventId: ev.id, tableSize: 3, convention: "government" });
      await autoAssignDining(h.db, admin, { eventId: ev.id });
      expect((await diningOf(h.db, ev.id)).tables[0]!.seats.map((s) => s.name)).toEqual(["主人", "主宾", "三号"]);
    });

    it("speed: auto-assigning a 2,000-delegate hall (100 units) stays well under the bound", async () => {
      const ev = await makeOpenForum(h.db, { capacity: 3000 });
      const ranks = ["provincial", "bureau", "county", "township", "other"] as const;
      for (let u = 0; u < 100; u++) {
        await makeDelegation(h.db, ev.id, `单位${u}`, u, Array.from({ length: 20 }, (_, i) => ({ name: `代表${u}-${i}`, rank: ranks[(u + i) % 5]! })));
      }
      await configureHall(h.db, admin, { eventId: ev.id, rows: 50, seatsPerRow: 45, reserved: [{ row: 1, reason: "staff" }] });
      const t0 = performance.now();
      const r = await autoAssignHall(h.db, admin, { eventId: ev.id });
      const ms = performance.now() - t0;
      console.info(`auto-assign 2,000-delegate hall (${engine}): ${ms.toFixed(0)} ms`);
      expect(r.seated).toBe(2000);
      expect(ms).toBeLessThan(5000); // generous for a shared CI machine; `npm run bench` reports the figure (target < 1 s)
    }, 120_000);
  });
}
