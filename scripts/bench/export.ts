/**
 * Export benchmark: a 10,000-registration forum (5 questions answered, 2 check-in segments) exported as
 * CSV and as XLSX through the same streaming functions the console's download uses. Target: < 2 s each.
 *
 *   node --conditions=react-server --import tsx scripts/bench/export.ts                 # embedded PGlite (in memory)
 *   BENCH_DATABASE_URL=postgres://… node --conditions=react-server --import tsx scripts/bench/export.ts --engine postgres
 */
import { randomBytes } from "node:crypto";
import { openDatabase, type DbHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { agendaSessions, buses, checkins, events, registrationQuestions, registrations, users } from "@/db/schema";
import { exportCsvStream, exportXlsxStream, type ExportLabels, BASE_COLUMNS } from "@/lib/registrations/export";
import { freshTarget, type Engine } from "./lib";

const N = Number(process.env.BENCH_ROWS || 10_000);
const LIMIT_MS = 2000;
const engine = (process.argv.includes("--engine") ? process.argv[process.argv.indexOf("--engine") + 1] : "pglite") as Engine;

const labels: ExportLabels = {
  columns: Object.fromEntries(BASE_COLUMNS.map((c) => [c, c])) as ExportLabels["columns"],
  status: { confirmed: "已确认", pending: "待审核", waitlisted: "候补", cancelled: "已取消", rejected: "未通过" },
  category: { government: "政府部门", park: "园区", expert: "专家学者", enterprise: "企业", media: "媒体", other: "其他" },
  source: { self: "自助报名", organizer: "手工添加", import: "导入", seed: "演示" },
  yes: "是",
  no: "否",
  checkin: (s) => `签到 ${s}`,
};

async function fill(h: DbHandle): Promise<string> {
  const db = h.db;
  const [u] = await db.insert(users).values({ name: "签到员", email: `bench-${Date.now()}@example.com` }).returning();
  const [ev] = await db
    .insert(events)
    .values({ slug: `bench-${Date.now().toString(36)}`, title: "产业园区赋能县域经济高质量发展座谈会（基准）", startsAt: new Date("2025-09-05T01:00:00Z"), endsAt: new Date("2025-09-05T09:30:00Z") })
    .returning();
  const [visit] = await db
    .insert(agendaSessions)
    .values({ eventId: ev.id, kind: "site_visit", title: "现场考察", startsAt: new Date("2025-09-05T01:00:00Z"), endsAt: new Date("2025-09-05T04:00:00Z") })
    .returning();
  const bs = await db
    .insert(buses)
    .values(Array.from({ length: 4 }, (_, i) => ({ eventId: ev.id, sessionId: visit.id, name: `${i + 1}号车`, seats: 3000, order: i })))
    .returning();
  const qs = await db
    .insert(registrationQuestions)
    .values([
      { eventId: ev.id, label: "用餐需求", kind: "choice" as const, options: ["无", "素食", "清真"], order: 1 },
      { eventId: ev.id, label: "住宿", kind: "choice" as const, options: ["需要", "不需要"], order: 2 },
      { eventId: ev.id, label: "到达方式", kind: "text" as const, order: 3 },
      { eventId: ev.id, label: "关注议题", kind: "multi_choice" as const, options: ["园区运营", "招商引资", "数字化"], order: 4 },
      { eventId: ev.id, label: "备注说明", kind: "text" as const, order: 5 },
    ])
    .returning();
  const cats = ["government", "park", "expert", "enterprise", "media", "other"] as const;
  for (let i = 0; i < N; i += 1000) {
    const rows = Array.from({ length: Math.min(1000, N - i) }, (_, k) => {
      const n = i + k;
      return {
        eventId: ev.id,
        status: "confirmed" as const,
        fullName: `代表${n}`,
        email: `d${n}@example.com`,
        phone: `1380000${String(n).padStart(4, "0")}`,
        organization: `四川省某某单位${n % 300}`,
        position: "主任",
        category: cats[n % 6],
        siteVisit: n % 3 !== 0,
        busId: n % 3 !== 0 ? bs[n % 4].id : null,
        ticketCode: randomBytes(16).toString("base64url"),
        answers: { [qs[0].id]: "素食", [qs[1].id]: "需要", [qs[2].id]: "高铁自贡站, 自驾", [qs[3].id]: ["园区运营", "数字化"], [qs[4].id]: `第${n}条说明` },
        createdAt: new Date(Date.UTC(2025, 7, 1) + n * 1000),
      };
    });
    const ins = await db.insert(registrations).values(rows).returning({ id: registrations.id });
    const cs = ins.flatMap((r, k) => [
      ...((i + k) % 3 !== 0 ? [{ registrationId: r.id, eventId: ev.id, segment: "site_visit", checkedInAt: new Date("2025-09-05T00:30:00Z"), checkedInById: u.id }] : []),
      ...((i + k) % 5 !== 0 ? [{ registrationId: r.id, eventId: ev.id, segment: "symposium", checkedInAt: new Date("2025-09-05T06:10:00Z"), checkedInById: u.id }] : []),
    ]);
    if (cs.length) await db.insert(checkins).values(cs);
  }
  return ev.id;
}

async function drain(stream: ReadableStream<Uint8Array>): Promise<number> {
  let bytes = 0;
  for await (const c of stream as unknown as AsyncIterable<Uint8Array>) bytes += c.byteLength;
  return bytes;
}

async function main() {
  const target = engine === "postgres" ? await freshTarget("postgres") : null;
  const h = await openDatabase(target?.databaseUrl ? { databaseUrl: target.databaseUrl } : {});
  let failed = false;
  try {
    await migrateDatabase(h);
    const t0 = performance.now();
    const eventId = await fill(h);
    console.log(`[${engine}] seeded ${N} registrations (+ answers, check-ins) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    for (const [name, make] of [
      ["CSV", () => exportCsvStream(h.db, eventId, labels)],
      ["XLSX", () => exportXlsxStream(h.db, eventId, labels)],
    ] as const) {
      await drain(await make()); // warm-up (JIT, exceljs import)
      const runs: number[] = [];
      let size = 0;
      for (let r = 0; r < 3; r++) {
        const s = performance.now();
        size = await drain(await make());
        runs.push(performance.now() - s);
      }
      const best = Math.min(...runs);
      const worst = Math.max(...runs);
      const ok = worst < LIMIT_MS;
      if (!ok) failed = true;
      console.log(`[${engine}] ${name.padEnd(4)} ${N} rows, ${(size / 1024 / 1024).toFixed(2)} MB: best ${best.toFixed(0)} ms, worst ${worst.toFixed(0)} ms (limit ${LIMIT_MS} ms) ${ok ? "OK" : "TOO SLOW"}`);
    }
  } finally {
    await h.close();
    await target?.cleanup();
  }
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
