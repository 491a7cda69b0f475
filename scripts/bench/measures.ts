/** What the benchmark measures; each measure returns table rows. Only loopback traffic; every loop is bounded. */
import { cpuMs, rawGet, startBareServer, WRK, wrk, wrkPosts, type Load, type StoredAnswer, type Target } from "./lib";
import { LARGE_FORUM } from "./seed-large";
import { percentile, sessionCookie, timed, token } from "./http";
import { pageWeight } from "./page-weight";

export type Row = { metric: string; value: string; target?: string; pass?: boolean; note?: string };
export type Ctx = {
  url: string;
  target: Target;
  duration: number;
  connections: number;
  load: (url: string, opts?: { connections?: number; duration?: number; headers?: Record<string, string> }) => Promise<Load>;
  /** Ticket codes of the 10,000-registration forum. */
  ticketCodes: string[];
  /** A free loopback port for a helper server (the bare node:http ceiling). */
  barePort: number;
  /** The server's process id (its CPU time per request, from /proc). */
  serverPid?: number;
};
export type Measure = { name: string; run: (ctx: Ctx) => Promise<Row[]> };

const YANTAN = "yantan-industrial-parks-2025";
const fmt = (l: Load) => `${l.rps} req/s, p50 ${l.p50} ms, p97.5 ${l.p97_5} ms, errors ${l.errors + l.non2xx}`;
const fmtWrk = (l: Load) => `${l.rps} req/s, p50 ${l.p50.toFixed(1)} ms, p99 ${l.p99.toFixed(1)} ms, errors ${l.errors + l.non2xx}`;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
/** A wrk run with the CPU time its target process spent meanwhile (null without /proc or a pid). */
type Costed = { load: Load; cpuMs: number | null };
async function costed(pid: number | undefined, run: () => Promise<Load | null>): Promise<Costed> {
  const before = cpuMs(pid);
  const load = (await run())!;
  const after = cpuMs(pid);
  return { load, cpuMs: before === null || after === null ? null : after - before };
}
/** The page measure's app/bare pairs (odd: the median is a measured pair). */
const PAIRS = 7;
/** The faster of some runs (the bare server with AsyncLocalStorages entered, measured twice). */
const fastest = (xs: Costed[]) => xs.reduce((best, x) => (x.load.rps > best.load.rps ? x : best));
const cpu = (c: Costed) => (c.cpuMs === null || !c.load.requests ? "" : `, server CPU ${((c.cpuMs * 1000) / c.load.requests).toFixed(1)} µs/request`);
/** The issue-15 targets that differ per engine: [Postgres, PGlite]. */
const byEngine = <T>(t: Target, pg: T, lite: T) => (t.engine === "postgres" ? pg : lite);
const ms = (n: number) => `${Math.round(n)} ms`;

/**
 * A bench stage in its own Node process on the target's database; its stdout. Asynchronous, not execFileSync: the
 * bench's event loop stays alive meanwhile (the RSS sampler; keep-alive sockets to the server closing on time).
 */
async function nodeScript(args: string[], target: Target): Promise<string> {
  const { execFile } = await import("node:child_process");
  const { promisify } = await import("node:util");
  const env = { ...process.env, DATABASE_URL: target.engine === "postgres" ? target.databaseUrl : "" };
  return (await promisify(execFile)(process.execPath, args, { env, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 })).stdout;
}

/** Runs `n` jobs with at most `c` at once; returns each job's latency. */
async function pool<T>(items: T[], c: number, job: (t: T) => Promise<void>): Promise<number[]> {
  const lat: number[] = [];
  let i = 0;
  await Promise.all(
    Array.from({ length: c }, async () => {
      while (i < items.length) {
        const item = items[i++];
        const t0 = performance.now();
        await job(item);
        lat.push(performance.now() - t0);
      }
    }),
  );
  return lat;
}

const GZIP = { "accept-encoding": "gzip" };
const PAGES = [
  ["forum page", `/events/${YANTAN}`],
  ["agenda page", `/events/${YANTAN}/agenda`],
] as const;

/**
 * Cache hits against the honest ceiling: a bare node:http server, in its own process, sending the identical gzipped
 * bytes and headers (fetched from the app first). Both loaded by wrk (-t1, the bench's connections); autocannon, in
 * JavaScript, saturates below either and would hide the difference. Without wrk the rows say so and carry no verdict.
 * The two alternate in PAIRS short windows (duration / 5 each); the verdict is the median pair's ratio and the median
 * of the app's p99s, and the row gives the spread of the pairs' ratios.
 */
const publicPages: Measure = {
  name: "public pages vs a bare node:http server",
  async run({ url, duration, connections, load, barePort, serverPid }) {
    const answers: StoredAnswer[] = [];
    for (const [label, path] of PAGES) {
      await rawGet(`${url}${path}`, GZIP); // the first visit may render; the second is a hit
      const hit = await rawGet(`${url}${path}`, GZIP);
      const h = new Map(hit.headers.map(([k, v]) => [k.toLowerCase(), v]));
      if (hit.status !== 200 || !h.get("x-huiwu-cache") || h.get("content-encoding") !== "gzip") throw new Error(`${label}: not a gzipped cache hit (${hit.status}, ${h.get("x-huiwu-cache")}, ${h.get("content-encoding")})`);
      // what a bare server would send too: the same headers, except those Node writes itself
      const headers = hit.headers.filter(([k]) => !/^(date|connection|keep-alive|transfer-encoding)$/i.test(k));
      answers.push({ path, status: 200, headers, body: hit.body });
    }
    const bare = await startBareServer(answers, barePort);
    const rows: Row[] = [];
    const opts = { duration, connections, headers: GZIP };
    const half = { ...opts, duration: Math.max(1, Math.round(duration / 2)) };
    const windowOpts = { ...opts, duration: Math.max(1, Math.round(duration / 5)) };
    try {
      for (const [i, [label, path]] of PAGES.entries()) {
        const size = kb(answers[i].body.byteLength);
        if (!WRK) {
          const [a, b] = [await load(`${url}${path}`, opts), await load(`${bare.url}${path}`, opts)];
          rows.push({ metric: `${label} (cached, ${size} gzip) vs bare node:http`, value: `${fmt(a)}; bare ${fmt(b)}`, target: "≥ 0.7 × bare, p99 < 30 ms", note: `ratio ${(a.rps / b.rps).toFixed(2)} by autocannon: wrk is not installed (apt install wrk), and autocannon saturates near 4,500 req/s on 2 cores, so this ratio is not the target's` });
          continue;
        }
        // App and bare alternate in short windows, PAIRS pairs, and the verdict is the median pair: one process's
        // throughput swings by a third from second to second on a shared 2-core machine (BENCHMARKS.md, stop 25), so a
        // pair measured seconds apart is the comparison, and the median pair is the one a burst did not decide.
        const pairs: { app: Costed; bare: Costed; ratio: number }[] = [];
        for (let r = 0; r < PAIRS; r++) {
          const app = await costed(serverPid, () => wrk(`${url}${path}`, windowOpts));
          const bareRun = await costed(bare.pid, () => wrk(`${bare.url}${path}`, windowOpts));
          pairs.push({ app, bare: bareRun, ratio: app.load.rps / bareRun.load.rps });
        }
        const byRatio = [...pairs].sort((x, y) => x.ratio - y.ratio);
        const { app: a, bare: b, ratio } = byRatio[(PAIRS - 1) / 2];
        const p99s = pairs.map((x) => x.app.load.p99);
        const p99 = percentile(p99s, 50);
        const failed = pairs.some((x) => x.app.load.errors + x.app.load.non2xx > 0);
        rows.push({
          metric: `${label} (cached, ${size} gzip) vs bare node:http, wrk -t1 -c${connections}, median of ${PAIRS} alternating ${windowOpts.duration} s pairs`,
          value: `${fmtWrk(a.load)}${cpu(a)}; bare ${fmtWrk(b.load)}${cpu(b)}; app p99 over the ${PAIRS} windows: median ${p99.toFixed(1)} ms, max ${Math.max(...p99s).toFixed(1)} ms`,
          target: "≥ 0.7 × bare, p99 < 30 ms",
          pass: ratio >= 0.7 && p99 < 30 && !failed,
          note: `ratio ${ratio.toFixed(2)} (pairs ${byRatio[0].ratio.toFixed(2)}–${byRatio[PAIRS - 1].ratio.toFixed(2)})`,
        });
      }
    } finally {
      await bare.stop();
    }
    if (WRK) {
      // The same bare server with four AsyncLocalStorages entered once, as Next leaves them after rendering pages: on
      // Node 20 they put an async_hooks init hook on every async resource (BENCHMARKS.md, the cache-hit ratio)
      const withAls = await startBareServer(answers, barePort, { asyncLocalStorages: 4 });
      try {
        const best = fastest([await costed(withAls.pid, () => wrk(`${withAls.url}${PAGES[0][1]}`, half)), await costed(withAls.pid, () => wrk(`${withAls.url}${PAGES[0][1]}`, half))]);
        rows.push({ metric: `${PAGES[0][0]}: bare node:http with 4 AsyncLocalStorages entered, wrk -t1 -c${connections}`, value: `${fmtWrk(best.load)}${cpu(best)}`, note: `${process.version}; what Next's storages alone cost a bare server` });
      } finally {
        await withAls.stop();
      }
    }
    const api = await load(`${url}/api/v1/events/${YANTAN}`, { duration, connections, headers: GZIP });
    rows.push({ metric: "forum read API (cached), autocannon", value: fmt(api) });
    // what a signed-in visitor gets: the page rendered for them (the cache is bypassed for sessions)
    const uncached = await load(`${url}/events/${YANTAN}/agenda`, { duration: Math.min(duration, 5), connections: 10, headers: { ...GZIP, cookie: "authjs.session-token=bench-not-a-session" } });
    rows.push({ metric: "agenda page rendered per request (cache bypassed)", value: fmt(uncached), note: "10 connections" });
    return rows;
  },
};

/**
 * Page weight as a phone on a slow network sees it (scripts/bench/page-weight.ts): gzipped HTML and the gzipped
 * JavaScript its scripts load; the brotli figure beside it is what a browser that asks for br (all current ones) gets.
 */
const pageWeightMeasure: Measure = {
  name: "public page weight (gzip)",
  async run({ url }) {
    const reports = (await rawGet(`${url}/reports`)).body.toString("utf8");
    const report = /href="(\/reports\/(?!feed\.xml)[a-z0-9-]+)"/.exec(reports)?.[1];
    const pages: [string, string][] = [["home", "/"], ...PAGES.map(([l, p]) => [l, p] as [string, string]), ...(report ? [["report page", report] as [string, string]] : [])];
    const rows: Row[] = [];
    for (const [label, path] of pages) {
      const [gz, br] = [await pageWeight(url, path, GZIP), await pageWeight(url, path, { "accept-encoding": "br, gzip" })];
      rows.push({ metric: `gzipped JS loaded by the ${label}`, value: `${kb(gz.js)} (${gz.scripts.length} scripts)`, target: "≤ 120 KB", pass: gz.js <= 120 * 1024, note: `brotli ${kb(br.js)}; HTML ${kb(gz.html.bytes)} gzip, ${kb(gz.html.raw)} raw` });
      if (path === PAGES[1][1]) rows.push({ metric: "gzipped HTML of the agenda page", value: kb(gz.html.bytes), target: "≤ 12 KB", pass: gz.html.bytes <= 12 * 1024 });
    }
    return rows;
  },
};

const editVisible: Measure = {
  name: "edit → visible on the public agenda",
  async run({ url }) {
    const t = await token(url, "organizer@huiwu.demo", "huiwu-organizer-2025");
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      await fetch(`${url}/events/${YANTAN}/agenda`); // warm the cache
      const capacity = 300 + i;
      const t0 = performance.now();
      const r = await fetch(`${url}/api/v1/events/${YANTAN}`, {
        method: "PATCH",
        headers: { authorization: `Bearer ${t}`, "content-type": "application/json" },
        body: JSON.stringify({ capacity }),
      });
      if (!r.ok) throw new Error(`PATCH ${r.status}`);
      for (;;) {
        const page = await (await fetch(`${url}/api/v1/events/${YANTAN}`)).json();
        if (page.capacity === capacity) break;
        if (performance.now() - t0 > 10_000) throw new Error("edit not visible after 10 s");
        await new Promise((res) => setTimeout(res, 10));
      }
      times.push(performance.now() - t0);
    }
    const worst = Math.max(...times);
    return [{ metric: "organizer edit (PATCH) → visible to the public", value: `median ${ms(percentile(times, 50))}, worst ${ms(worst)} of 5`, target: "< 1 s", pass: worst < 1000 }];
  },
};

const registrationRush: Measure = {
  name: "registration throughput",
  async run({ url, target }) {
    const USERS = Number(process.env.BENCH_REG_USERS || 600);
    const CAPACITY = Math.floor(USERS * 0.8);
    const org = await token(url, "organizer@huiwu.demo", "huiwu-organizer-2025");
    const patch = await fetch(`${url}/api/v1/events/${LARGE_FORUM.rushSlug}`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${org}`, "content-type": "application/json" },
      body: JSON.stringify({ capacity: CAPACITY }),
    });
    if (!patch.ok) throw new Error(`PATCH rush forum ${patch.status} ${await patch.text()}`);
    // accounts and tokens first (argon2 hashing is deliberately slow; it is not what this measures)
    const tokens: string[] = [];
    await pool(
      Array.from({ length: USERS }, (_, i) => i),
      8,
      async (i) => {
        const email = `rush-${i}@bench.example.com`;
        const password = `rush-password-${i}`;
        const su = await fetch(`${url}/api/v1/auth/signup`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password, name: `抢票${i}` }) });
        if (su.status !== 201) throw new Error(`signup ${su.status} ${await su.text()}`);
        tokens.push(await token(url, email, password));
      },
    );
    const statuses: Record<string, number> = {};
    const t0 = performance.now();
    const lat = await pool(tokens, 50, async (t) => {
      const r = await fetch(`${url}/api/v1/events/${LARGE_FORUM.rushSlug}/registrations`, {
        method: "POST",
        headers: { authorization: `Bearer ${t}`, "content-type": "application/json" },
        body: JSON.stringify({ category: "enterprise", organization: "基准测试企业", position: "代表" }),
      });
      const key = r.status === 201 ? (await r.json()).status : `http ${r.status}`;
      statuses[key] = (statuses[key] ?? 0) + 1;
    });
    const secs = (performance.now() - t0) / 1000;
    const perMin = Math.round((USERS / secs) * 60);
    const exact = statuses.confirmed === CAPACITY && statuses.waitlisted === USERS - CAPACITY;
    return [
      { metric: `registrations/minute (${USERS} users, 50 at once, ${CAPACITY} seats)`, value: `${perMin}/min (p50 ${ms(percentile(lat, 50))}, p95 ${ms(percentile(lat, 95))})`, target: byEngine(target, "≥ 8,000/min", "≥ 6,000/min"), pass: perMin >= byEngine(target, 8000, 6000) },
      { metric: "capacity exact, no errors", value: JSON.stringify(statuses), target: `confirmed ${CAPACITY}, waitlisted ${USERS - CAPACITY}`, pass: exact },
    ];
  },
};

const largeForum: Measure = {
  name: "10,000-registration forum",
  async run({ url, ticketCodes }) {
    const cookie = await sessionCookie(url, "organizer@huiwu.demo", "huiwu-organizer-2025");
    const get = (p: string) => timed(() => fetch(`${url}${p}`, { headers: { cookie } }));
    const base = `/admin/events/${LARGE_FORUM.slug}/registrations`;
    await get(base); // warm up the route
    const rows: Row[] = [];
    for (const [label, p] of [
      ["registration list, first page", base],
      ["registration list, filtered + searched", `${base}?status=confirmed&category=park&q=${encodeURIComponent("代表1")}`],
      ["registration list, page 100 sorted by name", `${base}?page=100&sort=fullName&dir=asc`],
    ] as const) {
      const runs = [];
      for (let i = 0; i < 5; i++) runs.push(await get(p));
      if (runs.some((r) => r.status !== 200)) throw new Error(`${label}: HTTP ${runs.map((r) => r.status).join(",")}`);
      const med = percentile(runs.map((r) => r.ms), 50);
      rows.push({ metric: label, value: `median ${ms(med)} (whole page, loopback)`, target: "< 150 ms", pass: med < 150 });
    }
    for (const f of ["csv", "xlsx"]) {
      const r = await get(`${base}/export?format=${f}`);
      if (r.status !== 200) throw new Error(`export ${f}: HTTP ${r.status}`);
      rows.push({ metric: `export ${f.toUpperCase()} (10,000 rows)`, value: `${ms(r.ms)}, ${(r.bytes / 1024 / 1024).toFixed(1)} MB`, target: "< 2 s", pass: r.ms < 2000 });
    }
    const staff = await token(url, "organizer@huiwu.demo", "huiwu-organizer-2025");
    // one desk, one scan at a time: the latency a person at the desk sees
    const scan = (segment: string) => async (code: string) => {
      const r = await fetch(`${url}/api/v1/checkins`, {
        method: "POST",
        headers: { authorization: `Bearer ${staff}`, "content-type": "application/json" },
        body: JSON.stringify({ ticketCode: code, segment }),
      });
      if (r.status !== 200) throw new Error(`check-in ${r.status} ${await r.text()}`);
      await r.arrayBuffer();
    };
    const single = await pool(ticketCodes.slice(500, 700), 1, scan("site_visit"));
    rows.push({ metric: "check-in by ticket code (200 scans, 1 desk)", value: `p50 ${ms(percentile(single, 50))}, p95 ${ms(percentile(single, 95))}`, target: "p95 < 20 ms", pass: percentile(single, 95) < 20 });
    // Ten desks at once, each scanning its next ticket as soon as the last is answered. The desks are ten devices,
    // not this process: with the requests sent from JavaScript (undici) the generator takes a share of the same two
    // cores as the server and its database thread, so the target's row is measured with wrk (C), as the cached pages
    // are; the JavaScript loop stays as a second row, on other tickets (every scan a first check-in in both).
    const desks = await wrkPosts(
      `${url}/api/v1/checkins`,
      ticketCodes.slice(0, 500).map((code) => JSON.stringify({ ticketCode: code, segment: "symposium" })),
      { connections: 10, headers: { authorization: `Bearer ${staff}` } },
    );
    if (desks) {
      if (desks.not200 || desks.errors || desks.count < 500) throw new Error(`check-in (wrk): ${desks.count} answers, ${desks.not200} not 200, ${desks.errors} socket errors`);
      rows.push({ metric: "check-in by ticket code (500 scans, 10 desks), wrk", value: `p50 ${ms(desks.p50)}, p95 ${ms(desks.p95)}, p99 ${ms(desks.p99)}`, target: "p95 < 30 ms", pass: desks.p95 < 30 });
    }
    const lat = await pool(ticketCodes.slice(1000, 1500), 10, scan("symposium"));
    const p95 = percentile(lat, 95);
    rows.push({
      metric: "check-in by ticket code (500 scans, 10 desks), sent from the bench's JavaScript",
      value: `p50 ${ms(percentile(lat, 50))}, p95 ${ms(p95)}`,
      ...(desks ? { note: "the generator shares the server's two cores; the wrk row above is the target's" } : { target: "p95 < 30 ms", pass: p95 < 30, note: "wrk is not installed (apt install wrk): measured from JavaScript, which shares the server's cores" }),
    });
    return rows;
  },
};

/** Issue 11: auto-assign a 2,000-delegate hall (and its banquet) in a separate process on a fresh database. */
const seatingHall: Measure = {
  name: "seating: 2,000-delegate hall auto-assign",
  async run({ target }) {
    const out = await nodeScript(["-r", "./scripts/bench/server-only-stub.cjs", "--import", "tsx", "scripts/bench/seating-hall.ts"], target);
    const r = JSON.parse(out.trim().split("\n").pop()!) as { hallMs: number[]; diningMs: number };
    const best = Math.min(...r.hallMs);
    return [
      { metric: "hall auto-assign, 2,000 delegates (best of 3)", value: `${best.toFixed(0)} ms`, target: "< 1000 ms", pass: best < 1000, note: `runs ${r.hallMs.map((x) => x.toFixed(0)).join(", ")} ms` },
      { metric: "banquet auto-assign, 2,000 delegates", value: `${r.diningMs.toFixed(0)} ms` },
    ];
  },
};

/**
 * Issue 11: the seating editor stays responsive with 2,000 seats. In system Chromium, signed in as the organizer: the
 * hall tab of the 10,000-registration forum (50 × 45 seats, 2,000 seated) until its grid is drawn, the longest main-
 * thread task meanwhile; then what a protocol officer does, each timed from the click until the seat shows the change
 * and the next frame is drawn: picking a seated delegate (the seat shows as picked), and moving a delegate to an empty
 * seat (the name shows in the new seat). 30 of each; the next move starts once the server has confirmed the last.
 */
const SEAT_CLICKS = 30;
const seatingEditor: Measure = {
  name: "seating editor with 2,000 seats",
  async run({ url, target }) {
    const { chromium } = await import("playwright-core");
    const cookie = await sessionCookie(url, "organizer@huiwu.demo", "huiwu-organizer-2025");
    const browser = await chromium.launch({ executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH || "/usr/bin/chromium", args: ["--no-sandbox"] });
    try {
      const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      await ctx.addCookies(cookie.split("; ").map((c) => ({ name: c.slice(0, c.indexOf("=")), value: c.slice(c.indexOf("=") + 1), url })));
      await ctx.addInitScript(() => {
        const w = window as unknown as { __longest: number };
        w.__longest = 0;
        new PerformanceObserver((l) => l.getEntries().forEach((e) => (w.__longest = Math.max(w.__longest, e.duration)))).observe({ type: "longtask", buffered: true });
      });
      const page = await ctx.newPage();
      const { hall } = LARGE_FORUM;
      const loads: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        await page.goto(`${url}/admin/events/${LARGE_FORUM.slug}/seating?tab=hall`);
        await page.waitForFunction((n) => document.querySelectorAll('[data-testid="hall-grid"] button[data-row]').length === n, hall.rows * hall.seatsPerRow, { timeout: 60_000 });
        loads.push(performance.now() - t0);
      }
      const longest = await page.evaluate(() => (window as unknown as { __longest: number }).__longest);
      // click → the seat shows it → the next frame: polled once per frame, at most 10 s
      // (a string: tsx would wrap a named function in a helper the page does not have)
      await page.evaluate(`window.__clickUntil = async (b, shown) => {
        const t0 = performance.now();
        b.click();
        for (let i = 0; i < 600 && !shown(); i++) await new Promise((r) => requestAnimationFrame(r));
        if (!shown()) throw new Error("seat " + b.dataset.row + "-" + b.dataset.seat + " did not update");
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        return performance.now() - t0;
      }`);
      type W = { __clickUntil: (b: HTMLElement, shown: () => boolean) => Promise<number> };
      const picks = await page.evaluate(async (n) => {
        const w = window as unknown as W;
        const seats = [...document.querySelectorAll<HTMLButtonElement>('[data-testid="hall-grid"] button[data-row]')].filter((b) => b.textContent);
        const out: number[] = [];
        for (let i = 0; i < n; i++) {
          const b = seats[(i * 97) % seats.length]!;
          // a build without the picked state on the seat (before issue 11's rework) is timed to the next frame
          out.push(await w.__clickUntil(b, () => !b.hasAttribute("aria-pressed") || b.getAttribute("aria-pressed") === "true"));
          await w.__clickUntil(b, () => !b.hasAttribute("aria-pressed") || b.getAttribute("aria-pressed") === "false"); // deselect
        }
        return out;
      }, SEAT_CLICKS);
      const moves: number[] = [];
      const saved: number[] = [];
      const grid = '[data-testid="hall-grid"]';
      for (let i = 0; i < SEAT_CLICKS; i++) {
        const t0 = performance.now();
        moves.push(
          await page.evaluate(
            async ({ i, grid }) => {
              const w = window as unknown as W;
              const all = [...document.querySelectorAll<HTMLButtonElement>(`${grid} button[data-row]`)];
              const seated = all.filter((b) => b.textContent);
              const empty = all.filter((b) => !b.textContent);
              const from = seated[(i * 67) % seated.length]!;
              const to = empty[(i * 31) % empty.length]!;
              const name = from.textContent!;
              from.click(); // pick
              await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
              return w.__clickUntil(to, () => (document.querySelector(`${grid} button[data-row="${to.dataset.row}"][data-seat="${to.dataset.seat}"]`)?.textContent ?? "") === name);
            },
            { i, grid },
          ),
        );
        // the server has confirmed (the tab is no longer busy) before the next move
        await page.waitForFunction(() => !document.querySelector('[data-testid="hall-tab"][aria-busy="true"]'), undefined, { timeout: 30_000 });
        saved.push(performance.now() - t0);
      }
      // to look at (bench/tmp/, not committed): the editor after the moves
      await page.screenshot({ path: `bench/tmp/seating-editor-${target.engine}.png`, fullPage: true });
      const best = Math.min(...loads);
      const p95 = percentile(picks, 95);
      const m95 = percentile(moves, 95);
      return [
        { metric: "seating editor, hall of 2,250 seats (2,000 seated): page until the grid is drawn", value: `best ${ms(best)}`, target: "< 1500 ms", pass: best < 1500, note: `runs ${loads.map(ms).join(", ")}; longest main-thread task of the last load ${longest ? ms(longest) : "under 50 ms (none reported)"}` },
        { metric: `seating editor, 2,000 seats: pick a delegate → seat shown picked (${SEAT_CLICKS} clicks)`, value: `p50 ${ms(percentile(picks, 50))}, p95 ${ms(p95)}`, target: "p95 < 100 ms", pass: p95 < 100 },
        { metric: `seating editor, 2,000 seats: move a delegate → name shown in the new seat (${SEAT_CLICKS} moves)`, value: `p50 ${ms(percentile(moves, 50))}, p95 ${ms(m95)}`, target: "p95 < 100 ms", pass: m95 < 100, note: `until the server confirmed: p50 ${ms(percentile(saved, 50))}, p95 ${ms(percentile(saved, 95))}` },
      ];
    } finally {
      await browser.close();
    }
  },
};

/** Issue 10: a 100-unit bulk invite and a 500-delegate roster export (XLSX), in a separate process on a fresh database. */
const delegationDocs: Measure = {
  name: "delegations: 100-unit bulk invite, 500-delegate roster export",
  async run({ target }) {
    const out = await nodeScript(["--import", "tsx", "scripts/bench/delegations.ts"], target);
    const r = JSON.parse(out.trim().split("\n").pop()!) as { bulkInvite100Ms: number[]; rosterExport500Ms: number[]; rosterXlsxBytes: number };
    const invite = Math.min(...r.bulkInvite100Ms);
    const roster = Math.min(...r.rosterExport500Ms);
    const runs = (xs: number[]) => `runs ${xs.map((x) => x.toFixed(0)).join(", ")} ms`;
    return [
      { metric: "bulk invite, 100 units (best of 3)", value: `${invite.toFixed(0)} ms`, target: "< 5000 ms", pass: invite < 5000, note: runs(r.bulkInvite100Ms) },
      { metric: "roster export XLSX, 500 delegates (best of 3)", value: `${roster.toFixed(0)} ms, ${(r.rosterXlsxBytes / 1024).toFixed(0)} KB`, target: "< 2000 ms", pass: roster < 2000, note: runs(r.rosterExport500Ms) },
    ];
  },
};

export const measures: Measure[] = [publicPages, pageWeightMeasure, editVisible, largeForum, registrationRush, seatingHall, seatingEditor, delegationDocs];
