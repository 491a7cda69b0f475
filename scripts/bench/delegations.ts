/**
 * Bench stage (issue 10): a 100-unit bulk invite (a pasted list parsed and validated, then every unit created under
 * the forum's lock with its link queued to the outbox and audited) and a 500-delegate roster export (rosterOf → the
 * grouped table → the streamed XLSX, read to the end). Prints the timings as JSON. Runs in its own process, in
 * plain Node (not under the react-server condition: the documents' translators come from next-intl, whose react-server
 * entry loads its client provider, which plain Node cannot evaluate there; `server-only` is stubbed instead) against a
 * fresh database: DATABASE_URL when given (a throwaway Postgres database), else in-memory PGlite.
 *   node --import tsx scripts/bench/delegations.ts
 */
import { createRequire } from "node:module";
import { randomBytes } from "node:crypto";

// the domain modules start with `import "server-only"` (a guard against client bundles): stub it for this process
const req = createRequire(__filename);
const stub = req.resolve("server-only");
req.cache[stub] = { id: stub, filename: stub, loaded: true, exports: {} } as NodeJS.Module;

const tag = () => randomBytes(4).toString("hex");
const RUNS = 3;

async function main() {
  const { openDatabase } = await import("@/db/client");
  const { migrateDatabase } = await import("@/db/migrate");
  const { events, users } = await import("@/db/schema");
  const { bulkCreateDelegations, createDelegation, submitReply } = await import("@/lib/delegations/commands");
  const { docsT } = await import("@/lib/delegations/docs-i18n");
  const { parsePastedInvites } = await import("@/lib/delegations/import");
  const { listXlsx } = await import("@/lib/delegations/list-route");
  const { rosterTable } = await import("@/lib/delegations/lists");
  const { rosterOf } = await import("@/lib/delegations/roster");
  const { delegateSchema } = await import("@/lib/delegations/validation");
  const { RANKS } = await import("@/lib/shared/rank");
  const h = await openDatabase({ databaseUrl: process.env.DATABASE_URL });
  await migrateDatabase(h);
  const db = h.db;
  const [admin] = await db.insert(users).values({ name: "bench", email: `bench-${tag()}@example.com`, siteRole: "admin" }).returning();
  const forum = async (capacity: number) => {
    const starts = new Date(Date.now() + 30 * 86400_000);
    const [ev] = await db
      .insert(events)
      .values({ slug: `bench-deleg-${tag()}`, title: "受邀单位基准", startsAt: starts, endsAt: new Date(starts.getTime() + 8 * 3600_000), capacity, status: "published" })
      .returning();
    return ev!;
  };

  // ── 100-unit bulk invite, a fresh forum per run
  const inviteMs: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const ev = await forum(1000);
    const text = ["单位,名额,联络员,手机,邮箱", ...Array.from({ length: 100 }, (_, i) => `基准单位${run}-${i}-${tag()},${2 + (i % 4)},联络员${i},139${String(10_000_000 + i * 7919).slice(0, 8)},liaison${i}@example.com`)].join("\n");
    const t0 = performance.now();
    const rows = parsePastedInvites(text, "zh-CN");
    const r = await bulkCreateDelegations(db, admin!, { eventId: ev.id, rows, locale: "zh-CN" });
    inviteMs.push(performance.now() - t0);
    if (r.created !== 100) throw new Error(`bulk invite created ${r.created}: ${JSON.stringify(r.results.find((x) => !x.ok))}`);
  }

  // ── 500 delegates: 25 units × 20, entered through reply slips (setup, not timed)
  const ev = await forum(1000);
  for (let u = 0; u < 25; u++) {
    const unit = await createDelegation(db, admin!, { eventId: ev.id, organization: `基准受邀单位${u}-${tag()}`, quota: 20, liaison: { name: "联络员", phone: "13800000000", email: null }, note: null });
    const people = Array.from({ length: 20 }, (_, i) =>
      delegateSchema("zh-CN").parse({
        name: `代表${u}-${i}`,
        position: "处长",
        rank: RANKS[(u + i) % RANKS.length],
        phone: `139${String(u * 100 + i).padStart(8, "0")}`,
        accommodation: i % 3 ? "shared" : "single",
        arrival: i % 2 ? { at: "2030-09-04T15:20", by: "train", number: "G8501", station: "自贡站" } : undefined,
      }),
    );
    await submitReply(db, { token: unit.replyToken, delegates: people });
  }
  const t = docsT("zh-CN");
  const exportMs: number[] = [];
  let bytes = 0;
  let delegatesOut = 0;
  for (let run = 0; run < RUNS; run++) {
    const t0 = performance.now();
    const units = await rosterOf(db, ev.id);
    const doc = rosterTable(units, t, ev.title, "");
    const buf = await new Response(listXlsx(doc, t)).arrayBuffer();
    exportMs.push(performance.now() - t0);
    bytes = buf.byteLength;
    delegatesOut = doc.groups.reduce((n, g) => n + g.rows.length, 0);
  }
  if (delegatesOut !== 500) throw new Error(`roster rows ${delegatesOut}`);
  await h.close();
  console.log(JSON.stringify({ engine: h.kind, bulkInvite100Ms: inviteMs, rosterExport500Ms: exportMs, rosterXlsxBytes: bytes }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
