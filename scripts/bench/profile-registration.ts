/**
 * Where a registration's time goes (issue 15, part 2), in-process, without HTTP: the bearer-token lookup, each SQL
 * statement of `registerForEvent` (attributed to its registration through AsyncLocalStorage, so concurrent ones do
 * not mix), and the outbox mail's composition. Prints a table per phase and statement kind, and the throughput the
 * database layer alone allows.
 *
 *   node -r ./scripts/bench/server-only-stub.cjs --import tsx scripts/bench/profile-registration.ts [--users 600] [--concurrency 50]
 *   PROFILE_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node … (a throwaway database is created there)
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes } from "node:crypto";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { events, users } from "@/db/schema";
import { actorFromBearer, issueToken } from "@/lib/auth/tokens";
import { registerForEvent } from "@/lib/registrations/commands";
import { composeMail } from "@/lib/registrations/notify";
import { registrationSchema } from "@/lib/registrations/validation";
import { freshTarget } from "./lib";

const args = process.argv.slice(2);
const arg = (name: string, dflt: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const USERS = arg("users", 600);
const CONCURRENCY = arg("concurrency", 50);

type Mark = { t: number; sql: string };
type Trace = { marks: Mark[] };
const als = new AsyncLocalStorage<Trace>();

/** A statement's kind: its verb and table, enough to tell the hot path's statements apart. */
function kind(sql: string): string {
  const s = sql.replace(/\s+/g, " ").trim();
  const verb = /^(with|select|insert|update|delete)/i.exec(s)?.[1]?.toLowerCase() ?? s.slice(0, 12);
  const table = /(?:from|into|update)\s+"?([a-z_]+)"?/i.exec(s)?.[1] ?? "?";
  return `${verb} ${table}${/for update/i.test(s) ? " FOR UPDATE" : ""}`;
}

async function main() {
  const t = await freshTarget(process.env.PROFILE_DATABASE_URL ? "postgres" : "pglite", process.env.PROFILE_DATABASE_URL);
  const h = await openDatabase({ databaseUrl: t.databaseUrl, dataDir: t.dataDir, maxConnections: 10, onQuery: (sql) => als.getStore()?.marks.push({ t: performance.now(), sql }) });
  try {
    await migrateDatabase(h);
    const db = h.db;
    const now = Date.now();
    const [ev] = await db
      .insert(events)
      .values({
        slug: `profile-rush-${now.toString(36)}`,
        title: "抢票论坛（剖析）",
        startsAt: new Date(now + 30 * 864e5),
        endsAt: new Date(now + 30 * 864e5 + 8 * 36e5),
        capacity: Math.floor(USERS * 0.8),
        status: "published",
        registrationOpensAt: new Date(now - 864e5),
      })
      .returning();
    const people = await db
      .insert(users)
      .values(Array.from({ length: USERS }, (_, i) => ({ name: `抢票${i}`, email: `rush-${i}-${randomBytes(3).toString("hex")}@bench.example.com` })))
      .returning({ id: users.id });
    const tokens: string[] = [];
    for (const p of people) tokens.push((await issueToken(db, p.id, "profile")).token);

    const input = { category: "enterprise", organization: "基准测试企业", position: "代表" };
    const traces: { auth: number; parse: number; register: number; total: number; end: number; marks: Mark[]; authMarks: number }[] = [];
    const statuses: Record<string, number> = {};
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < tokens.length) {
          const token = tokens[next++]!;
          const trace: Trace = { marks: [] };
          await als.run(trace, async () => {
            const a0 = performance.now();
            const actor = await actorFromBearer(db, token);
            const a1 = performance.now();
            const authMarks = trace.marks.length;
            const data = registrationSchema("zh-CN").parse(input);
            const a2 = performance.now();
            const r = await registerForEvent(db, actor!, { eventSlug: ev!.slug, data, locale: "zh-CN" });
            const a3 = performance.now();
            statuses[r.status] = (statuses[r.status] ?? 0) + 1;
            traces.push({ auth: a1 - a0, parse: a2 - a1, register: a3 - a2, total: a3 - a0, end: a3, marks: trace.marks, authMarks });
          });
        }
      }),
    );
    const secs = (performance.now() - t0) / 1000;

    // statement kinds: time from one statement's start to the next one's (the last: to the command's end, i.e. COMMIT
    // and what follows the transaction), averaged per registration
    const byKind = new Map<string, { n: number; ms: number }>();
    for (const tr of traces) {
      const reg = tr.marks.slice(tr.authMarks);
      reg.forEach((m, i) => {
        const until = i + 1 < reg.length ? reg[i + 1]!.t : tr.end;
        const k = kind(m.sql);
        const e = byKind.get(k) ?? { n: 0, ms: 0 };
        e.n++;
        e.ms += until - m.t;
        byKind.set(k, e);
      });
    }
    const avg = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const mails = 2000;
    const m0 = performance.now();
    for (let i = 0; i < mails; i++) composeMail("confirmed", "zh-CN", { name: "x", event: ev!, registrationId: people[0]!.id });
    const mailMs = (performance.now() - m0) / mails;

    console.log(`engine ${h.kind}, ${USERS} registrations, ${CONCURRENCY} at once: ${Math.round((USERS / secs) * 60)}/min in-process (${JSON.stringify(statuses)})`);
    console.log(`per registration (mean): token ${avg(traces.map((t) => t.auth)).toFixed(2)} ms over ${avg(traces.map((t) => t.authMarks)).toFixed(1)} statements, parse ${avg(traces.map((t) => t.parse)).toFixed(2)} ms, registerForEvent ${avg(traces.map((t) => t.register)).toFixed(2)} ms over ${avg(traces.map((t) => t.marks.length - t.authMarks)).toFixed(1)} statements; composeMail ${mailMs.toFixed(3)} ms`);
    console.log("| statement (start → next start) | per registration | mean ms |\n| --- | --- | --- |");
    for (const [k, e] of [...byKind].sort((a, b) => b[1].ms - a[1].ms)) console.log(`| ${k} | ${(e.n / traces.length).toFixed(2)} | ${(e.ms / e.n).toFixed(2)} |`);
  } finally {
    await h.close();
    await t.cleanup();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
