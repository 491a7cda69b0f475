/**
 * The messages between the server's two threads (scripts/serve.ts, the front; scripts/lib/backend-thread.ts, the back
 * end) over the worker's message port: `ready` once, then calls answered by the other side — `version` (front → back
 * end: the public content version, read through the app's database handle) and `report` (back end → front: the page
 * cache's state, for /api/health).
 */
import type { MessagePort, Worker } from "node:worker_threads";

export type DemoLines = { accounts: { role: string; email: string; password: string }[]; forum: { slug: string; unit: string; replyPath: string } | null };
export type Ready = { op: "ready"; port: number; versioned: boolean; demo: DemoLines };
type Call = { op: "version" | "report"; id: number };
type Answer = { op: "answer"; id: number; value?: unknown; error?: string };
/** The worker (the front's side) or its parentPort (the back end's). */
type Port = Worker | MessagePort;

/** Calls over a message port, answered by `answerCalls` on the other side. */
export function caller(port: Port) {
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let next = 1;
  port.on("message", (m: Answer) => {
    const p = m.op === "answer" ? pending.get(m.id) : undefined;
    if (!p) return;
    pending.delete(m.id);
    if (m.error !== undefined) p.reject(new Error(m.error));
    else p.resolve(m.value);
  });
  return <T,>(op: Call["op"]) =>
    new Promise<T>((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      port.postMessage({ op, id } satisfies Call);
    });
}

export function answerCalls(port: Port, answer: (op: Call["op"]) => Promise<unknown>) {
  port.on("message", (m: Call) => {
    if (m.op !== "version" && m.op !== "report") return;
    answer(m.op).then(
      (value) => port.postMessage({ op: "answer", id: m.id, value } satisfies Answer),
      (e: unknown) => port.postMessage({ op: "answer", id: m.id, error: e instanceof Error ? e.message : String(e) } satisfies Answer),
    );
  });
}
