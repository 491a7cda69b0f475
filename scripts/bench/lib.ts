/** Benchmark plumbing: servers, databases, load, memory. Only loopback traffic; every loop is bounded. */
import { execFile, execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import postgres from "postgres";
import { SERVER_NODE_ARGS, SERVER_RUNTIME_ENV } from "../lib/server-runtime.mjs";

export type Engine = "pglite" | "postgres";

export type Target = { engine: Engine; databaseUrl?: string; dataDir?: string; cleanup: () => Promise<void> };

/** A fresh database per engine: a new Postgres database next to BENCH_DATABASE_URL / DATABASE_URL, or a temp DATA_DIR. */
export async function freshTarget(engine: Engine, postgresBase?: string): Promise<Target> {
  if (engine === "pglite") {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "huiwu-bench-"));
    return { engine, dataDir, cleanup: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  }
  const base = postgresBase || process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
  if (!base) throw new Error("Postgres benchmark needs DATABASE_URL (or BENCH_DATABASE_URL) pointing at a server where it may create databases.");
  // BENCH_DB_PREFIX lets runs that share a Postgres server side by side keep apart (names are [a-z0-9_] only)
  const prefix = (process.env.BENCH_DB_PREFIX || "huiwu_bench").toLowerCase().replace(/[^a-z0-9_]/g, "_");
  const name = `${prefix}_${Date.now().toString(36)}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    engine,
    databaseUrl: url.toString(),
    cleanup: async () => {
      const a = postgres(base, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

export function serverEnv(t: Target, port: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...SERVER_RUNTIME_ENV, // what `npm start` gives the server too (scripts/lib/server-runtime.mjs)
    ...process.env,
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    DATABASE_URL: t.databaseUrl ?? "",
    DATA_DIR: t.dataDir ?? "",
    NEXT_DIST_DIR: process.env.NEXT_DIST_DIR || ".next-bench",
    AUTH_SECRET: "bench-only-secret-bench-only-secret-0000",
    HUIWU_QUIET: "1",
    NEXT_TELEMETRY_DISABLED: "1",
    LOG_LEVEL: "warn",
    SEED_DEMO: "1", // the benchmark and tests/e2e/two-instances.spec.ts use the demo forum and accounts, on Postgres too
    // the benchmark signs up many users from one IP: raise the abuse limits for this run only
    RATE_LIMIT_SIGNUP_PER_IP: "1000000",
    RATE_LIMIT_SIGNIN_PER_IP: "1000000",
    RATE_LIMIT_SIGNIN_PER_ACCOUNT: "1000000",
    RATE_LIMIT_SIGNIN_PER_ACCOUNT_IP: "1000000",
    ...extra,
  };
}

export type Server = { url: string; proc: ChildProcess; stop: () => Promise<void>; /** "running", or how it ended with the tail of its output. */ status: () => string };

/**
 * `nodeFlags`: extra V8/Node flags for the server (e.g. a heap cap), given before the script. The server's stdout and
 * stderr go to `logFile` too (bench/tmp/, kept after the run), so a server lost mid-measure ("fetch failed") leaves
 * its last words: an out-of-memory abort, a crash, a signal.
 */
export async function startServer(env: NodeJS.ProcessEnv, nodeFlags: string[] = [], logFile?: string): Promise<Server> {
  const proc = spawn(process.execPath, [...nodeFlags, ...SERVER_NODE_ARGS, "scripts/serve.ts"], { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let log = "";
  const keep = (d: Buffer) => {
    log = (log + d).slice(-16_000); // the tail is what tells
    if (logFile) fs.appendFileSync(logFile, d);
  };
  if (logFile) fs.mkdirSync(path.dirname(logFile), { recursive: true });
  proc.stdout!.on("data", keep);
  proc.stderr!.on("data", keep);
  let ended: string | null = null;
  proc.once("exit", (code, signal) => (ended = `exited (code ${code}, signal ${signal})`));
  const url = `http://127.0.0.1:${env.PORT}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited early:\n${log}`);
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`server did not start in 120 s:\n${log}`);
    await sleep(300);
  }
  return {
    url,
    proc,
    status: () => (ended ? `server ${ended}; last output: ${log.slice(-1200)}` : "running"),
    stop: async () => {
      try {
        process.kill(-proc.pid!, "SIGTERM");
      } catch {
        /* already gone */
      }
      await new Promise((r) => (proc.exitCode !== null ? r(null) : proc.once("exit", r)));
    },
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export type Load = { rps: number; p50: number; p90: number; p97_5: number; p99: number; errors: number; non2xx: number; requests: number };

export async function load(url: string, opts: { connections?: number; duration?: number; headers?: Record<string, string> } = {}): Promise<Load> {
  const r = await autocannon({ url, connections: opts.connections ?? 50, duration: opts.duration ?? 10, headers: opts.headers });
  return {
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p90: r.latency.p90,
    p97_5: r.latency.p97_5,
    p99: r.latency.p99,
    errors: r.errors,
    non2xx: r.non2xx,
    requests: r.requests.total,
  };
}

/** Clock ticks per second of /proc/<pid>/stat's times (`getconf CLK_TCK`; 100 on Linux). */
const CLK_TCK = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/**
 * CPU time (user + system, all threads) a process has used so far, in ms, from /proc/<pid>/stat; null where there is
 * no /proc. The difference over a load run divided by its requests is the server's CPU per request — what sets its
 * req/s once it saturates a core, whatever the load generator does on the other.
 */
export function cpuMs(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" "); // f[0] is field 3 (state): utime is field 14, stime 15
    return ((Number(f[11]) + Number(f[12])) * 1000) / CLK_TCK;
  } catch {
    return null;
  }
}

/**
 * wrk (a C load generator: autocannon, in JavaScript, saturates near 4,500 req/s on 2 cores and hides the difference
 * between a fast and a slow server): `wrk -t1 -c<connections> -d<duration>s --latency`, parsed. Null when wrk is not
 * installed (Debian/Ubuntu: `apt install wrk`).
 */
export const WRK = ["/usr/bin/wrk", "/usr/local/bin/wrk"].find((p) => fs.existsSync(p)) ?? null;

export async function wrk(url: string, opts: { connections?: number; duration?: number; headers?: Record<string, string> } = {}): Promise<Load | null> {
  if (!WRK) return null;
  const args = ["-t1", `-c${opts.connections ?? 50}`, `-d${opts.duration ?? 10}s`, "--latency", "--timeout", "5s"];
  for (const [k, v] of Object.entries(opts.headers ?? {})) args.push("-H", `${k}: ${v}`);
  const out = await new Promise<string>((resolve, reject) =>
    execFile(WRK, [...args, url], { timeout: ((opts.duration ?? 10) + 30) * 1000 }, (err, stdout) => (err ? reject(err) : resolve(stdout))),
  );
  return parseWrk(out);
}

/**
 * A fixed number of POSTs through wrk, each with its own JSON body (`bodies`, one per request, in order), over
 * `connections` keep-alive connections, each sending its next request when its answer arrives — ten check-in desks,
 * each scanning a different ticket. wrk stops once `bodies.length` answers are in (the ≤ `connections` requests
 * still in flight then are not counted). Latency percentiles come from wrk's own histogram. Null without wrk.
 */
export async function wrkPosts(
  url: string,
  bodies: string[],
  opts: { connections: number; headers?: Record<string, string> },
): Promise<{ p50: number; p95: number; p99: number; count: number; not200: number; errors: number } | null> {
  if (!WRK) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "huiwu-wrk-"));
  try {
    const bodyFile = path.join(dir, "bodies.txt");
    fs.writeFileSync(bodyFile, bodies.map((b) => b.replace(/\n/g, " ")).join("\n") + "\n");
    const headers = Object.entries({ "content-type": "application/json", ...opts.headers });
    const lua = `
      local bodies = {}
      for line in io.lines(${JSON.stringify(bodyFile)}) do bodies[#bodies + 1] = line end
      local headers = { ${headers.map(([k, v]) => `[${JSON.stringify(k)}] = ${JSON.stringify(v)}`).join(", ")} }
      -- done() runs in wrk's main Lua state, not the thread's: it reads the thread's count through thread:get
      local threads = {}
      setup = function(thread) threads[#threads + 1] = thread end
      local sent, answered = 0, 0
      not200 = 0
      request = function()
        sent = sent + 1
        return wrk.format("POST", nil, headers, bodies[((sent - 1) % #bodies) + 1])
      end
      response = function(status)
        answered = answered + 1
        if status ~= 200 then not200 = not200 + 1 end
        if answered >= #bodies then
          wrk.thread:stop()
          -- wrk's main thread sleeps for the whole -d; told so, the bench interrupts it (SIGINT: wrk reports at once)
          io.write("ALL ANSWERED\\n")
          io.flush()
        end
      end
      -- any answer but 200 counts (wrk's own status errors are only those above 399)
      done = function(summary, latency)
        local not200 = 0
        for _, t in ipairs(threads) do not200 = not200 + (t:get("not200") or 0) end
        io.write(string.format("RESULT %d %d %d %d %d %d\\n", latency:percentile(50), latency:percentile(95), latency:percentile(99), summary.requests, not200, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
      end`;
    const script = path.join(dir, "posts.lua");
    fs.writeFileSync(script, lua);
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(WRK, ["-t1", `-c${opts.connections}`, "-d120s", "--timeout", "5s", "-s", script, url], { stdio: ["ignore", "pipe", "inherit"] });
      let stdout = "";
      const timer = setTimeout(() => child.kill("SIGKILL"), 150_000);
      child.stdout!.on("data", (d: Buffer) => {
        const before = stdout;
        stdout += d;
        if (!before.includes("ALL ANSWERED") && stdout.includes("ALL ANSWERED")) child.kill("SIGINT");
      });
      child.on("error", reject);
      child.on("close", (code, signal) => {
        clearTimeout(timer);
        if (signal === "SIGKILL") reject(new Error(`wrk: no end in 150 s: ${stdout.slice(0, 300)}`));
        else if (code !== 0 && !/RESULT/.test(stdout)) reject(new Error(`wrk exited ${code ?? signal}: ${stdout.slice(0, 300)}`));
        else resolve(stdout);
      });
    });
    const m = /RESULT (\d+) (\d+) (\d+) (\d+) (\d+) (\d+)/.exec(out);
    if (!m) throw new Error(`wrk: no result in ${out.slice(0, 300)}`);
    const [p50, p95, p99, count, not200, errors] = m.slice(1).map(Number);
    return { p50: p50 / 1000, p95: p95 / 1000, p99: p99 / 1000, count, not200, errors };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** wrk's text report → Load (latencies in ms). */
export function parseWrk(out: string): Load {
  const lat = (p: string) => {
    const m = new RegExp(`^\\s*${p.replace(".", "\\.")}%\\s+([\\d.]+)(us|ms|s)\\s*$`, "m").exec(out);
    if (!m) return NaN;
    const n = Number(m[1]);
    return m[2] === "us" ? n / 1000 : m[2] === "s" ? n * 1000 : n;
  };
  const num = (re: RegExp) => Number(re.exec(out)?.[1] ?? 0);
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  return {
    rps: Math.round(num(/Requests\/sec:\s+([\d.]+)/)),
    p50: lat("50"),
    p90: lat("90"),
    p97_5: NaN, // wrk reports 50/75/90/99
    p99: lat("99"),
    errors: socketErrors ? socketErrors.slice(1).reduce((s, x) => s + Number(x), 0) : 0,
    non2xx: num(/Non-2xx or 3xx responses:\s+(\d+)/),
    requests: num(/(\d+) requests in/),
  };
}

/** A stored answer for the bare server: exactly these headers and these (already encoded) bytes. */
export type StoredAnswer = { path: string; status: number; headers: [string, string][]; body: Buffer };

/**
 * The honest ceiling for a cache hit: a bare node:http server, in its own process, that answers each path with the
 * identical status, headers and bytes the app sent (no routing beyond one Map lookup, no per-request work).
 */
export async function startBareServer(answers: StoredAnswer[], port: number, opts: { asyncLocalStorages?: number } = {}): Promise<{ url: string; pid: number | undefined; stop: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "huiwu-bare-"));
  const manifest = answers.map((a, i) => {
    fs.writeFileSync(path.join(dir, `${i}.bin`), a.body);
    return { path: a.path, status: a.status, headers: a.headers.flat(), file: path.join(dir, `${i}.bin`) };
  });
  fs.writeFileSync(path.join(dir, "manifest.json"), JSON.stringify(manifest));
  const code = `
    const http = require("node:http"), fs = require("node:fs"), { AsyncLocalStorage } = require("node:async_hooks");
    // optionally as many AsyncLocalStorages entered once as Next leaves enabled: Node 20 then runs an async_hooks init
    // hook for every async resource the server creates (the cache-hit ratio's cause, BENCHMARKS.md)
    for (let i = 0; i < Number(process.argv[3] || 0); i++) new AsyncLocalStorage().enterWith({});
    const answers = new Map(JSON.parse(fs.readFileSync(process.argv[1], "utf8")).map((a) => [a.path, { ...a, body: fs.readFileSync(a.file) }]));
    http.createServer((req, res) => {
      const a = answers.get(req.url);
      if (!a) { res.writeHead(404); return res.end(); }
      res.writeHead(a.status, a.headers);
      res.end(a.body);
    }).listen(Number(process.argv[2]), "127.0.0.1", () => console.log("ready"));`;
  const proc = spawn(process.execPath, ["-e", code, path.join(dir, "manifest.json"), String(port), String(opts.asyncLocalStorages ?? 0)], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    proc.stdout!.once("data", () => resolve());
    proc.once("exit", (c) => reject(new Error(`bare server exited (${c})`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: proc.pid,
    stop: async () => {
      proc.kill("SIGTERM");
      await new Promise((r) => (proc.exitCode !== null ? r(null) : proc.once("exit", r)));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** GET over node:http, no decompression: the status, headers and bytes exactly as they went over the wire. */
export function rawGet(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: [string, string][]; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const raw = res.rawHeaders;
        const out: [string, string][] = [];
        for (let i = 0; i < raw.length; i += 2) out.push([raw[i], raw[i + 1]]);
        resolve({ status: res.statusCode ?? 0, headers: out, body: Buffer.concat(chunks) });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.setTimeout(30_000, () => req.destroy(new Error(`GET ${url}: timeout`)));
  });
}

/**
 * Resident memory of the server's process tree, sampled every 200 ms, with the peak per phase: `phase(name)` starts
 * one (the bench names them after its measures). With `memoryLog` (the file scripts/serve.ts writes when
 * HUIWU_MEMORY_LOG is set: process.memoryUsage() every 250 ms) each phase also gets the server's own peak heap,
 * external and ArrayBuffer figures — what tells the V8 heap from native memory (PGlite's WASM heap is an ArrayBuffer).
 */
export type PhaseMemory = {
  phase: string;
  peakRss: number;
  heapUsed?: number;
  heapTotal?: number;
  external?: number;
  arrayBuffers?: number;
  /** PGlite's thread (db/pglite-worker.mjs logs its own lines, `thread: "pglite"`): its V8 heap and the WASM memory. */
  pgliteHeapTotal?: number;
  pgliteWasm?: number;
  /** The front's thread (scripts/serve.ts: the public port and the page cache): its V8 heap. */
  frontHeapTotal?: number;
};

export function rssSampler(rootPid: number, memoryLog?: string) {
  let peak = 0;
  const phases: { phase: string; from: number; to?: number; peakRss: number }[] = [];
  const tree = () => {
    const kids = new Map<number, number[]>();
    for (const d of fs.readdirSync("/proc")) {
      if (!/^\d+$/.test(d)) continue;
      try {
        const stat = fs.readFileSync(`/proc/${d}/stat`, "utf8");
        const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
        kids.set(ppid, [...(kids.get(ppid) ?? []), Number(d)]);
      } catch {
        /* process ended */
      }
    }
    const out: number[] = [];
    const walk = (p: number) => {
      out.push(p);
      for (const c of kids.get(p) ?? []) walk(c);
    };
    walk(rootPid);
    return out;
  };
  const rss = (pid: number) => {
    try {
      const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
      return m ? Number(m[1]) * 1024 : 0;
    } catch {
      return 0;
    }
  };
  const sample = () => {
    // every process of the server's tree counts (the tsx loader runs in the server process itself)
    const total = tree().reduce((s, p) => s + rss(p), 0);
    peak = Math.max(peak, total);
    const cur = phases[phases.length - 1];
    if (cur) cur.peakRss = Math.max(cur.peakRss, total);
  };
  const timer = setInterval(sample, 200);
  const byPhase = (): PhaseMemory[] => {
    const log = memoryLog && fs.existsSync(memoryLog)
      ? fs.readFileSync(memoryLog, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as { t: number; thread?: string; wasm?: number } & NodeJS.MemoryUsage)
      : [];
    return phases.map((p) => {
      const during = log.filter((m) => m.t >= p.from && m.t <= (p.to ?? Infinity));
      const inside = during.filter((m) => !m.thread);
      const worker = during.filter((m) => m.thread === "pglite");
      const front = during.filter((m) => m.thread === "front");
      const max = (k: keyof NodeJS.MemoryUsage) => (inside.length ? Math.max(...inside.map((m) => m[k])) : undefined);
      const wmax = (f: (m: (typeof worker)[number]) => number) => (worker.length ? Math.max(...worker.map(f)) : undefined);
      return {
        phase: p.phase,
        peakRss: p.peakRss,
        heapUsed: max("heapUsed"),
        heapTotal: max("heapTotal"),
        external: max("external"),
        arrayBuffers: max("arrayBuffers"),
        pgliteHeapTotal: wmax((m) => m.heapTotal),
        pgliteWasm: wmax((m) => m.wasm ?? 0),
        frontHeapTotal: front.length ? Math.max(...front.map((m) => m.heapTotal)) : undefined,
      };
    });
  };
  return {
    /** Start a phase (ends the previous one). */
    phase: (name: string) => {
      sample();
      const now = Date.now();
      const cur = phases[phases.length - 1];
      if (cur) cur.to = now;
      phases.push({ phase: name, from: now, peakRss: 0 });
      sample();
    },
    stop: () => {
      sample();
      clearInterval(timer);
      const cur = phases[phases.length - 1];
      if (cur) cur.to = Date.now();
      return { peak, phases: byPhase() };
    },
  };
}
