/** Benchmark plumbing: servers, databases, load, memory. Only loopback traffic; every loop is bounded. */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import postgres from "postgres";

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
  const name = `huiwu_bench_${Date.now().toString(36)}`;
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

export type Server = { url: string; proc: ChildProcess; stop: () => Promise<void> };

export async function startServer(env: NodeJS.ProcessEnv): Promise<Server> {
  const proc = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let log = "";
  proc.stdout!.on("data", (d) => (log += d));
  proc.stderr!.on("data", (d) => (log += d));
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

/** Peak resident memory of a process tree (the server and its children), sampled every 200 ms. */
export function rssSampler(rootPid: number) {
  let peak = 0;
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
  const timer = setInterval(() => {
    // the node processes only (not the tsx wrapper's own small footprint? it counts: it is part of the server)
    const total = tree().reduce((s, p) => s + rss(p), 0);
    peak = Math.max(peak, total);
  }, 200);
  return { stop: () => (clearInterval(timer), peak) };
}
