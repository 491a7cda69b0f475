/**
 * The messages between the server's two threads (scripts/serve.ts, the front; scripts/lib/backend-thread.ts, the back
 * end) over the worker's message port: `ready` once, then calls answered by the other side — `version` (front → back
 * end: the public content version, read through the app's database handle) and `report` (back end → front: the page
 * cache's state, for /api/health) — and `direct` (front → back end: a request for a direct route, lib/api/routes.ts,
 * answered by `direct-answer`; scripts/lib/direct-routes.ts).
 */
import type { MessagePort, Worker } from "node:worker_threads";

export type DemoLines = { accounts: { role: string; email: string; password: string }[]; forum: { slug: string; unit: string; replyPath: string } | null };
/** `direct`: the back end's direct routes ("POST /api/v1/checkins"), which the front sends as `direct` calls. */
export type Ready = { op: "ready"; port: number; versioned: boolean; direct: string[]; demo: DemoLines };
type Call = { op: "version" | "report"; id: number };
type Answer<Op extends string = "answer"> = { op: Op; id: number; value?: unknown; error?: string };
/** The worker (the front's side) or its parentPort (the back end's). */
type Port = Worker | MessagePort;

/**
 * The asking side of calls over a message port: each message gets an id, and its promise settles with the other
 * side's answer of that id (`answerOp`: `value`, or `error`), or is rejected once the port has closed (the other
 * thread ended). One mechanism for both kinds of call (`caller`, `directCaller`).
 */
function pendingCalls(port: Port, answerOp: string) {
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let next = 1;
  let gone = false;
  port.on("message", (m: { op: string; id: number; value?: unknown; error?: string }) => {
    const p = m.op === answerOp ? pending.get(m.id) : undefined;
    if (!p) return;
    pending.delete(m.id);
    if (m.error !== undefined) p.reject(new Error(m.error));
    else p.resolve(m.value);
  });
  const closed = () => {
    gone = true;
    for (const p of pending.values()) p.reject(new Error("the other thread's port closed"));
    pending.clear();
  };
  port.on("close", closed);
  port.on("exit", closed);
  return <T,>(message: { op: string } & Record<string, unknown>) =>
    new Promise<T>((resolve, reject) => {
      if (gone) return reject(new Error("the other thread's port closed"));
      const id = next++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      port.postMessage({ ...message, id });
    });
}

/** Calls over a message port, answered by `answerCalls` on the other side. */
export function caller(port: Port) {
  const send = pendingCalls(port, "answer");
  return <T,>(op: Call["op"]) => send<T>({ op });
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

/**
 * A request for a direct route, as the front passes it to the back end: instead of a second HTTP exchange over
 * loopback (the front's client, the back end's server, and back), one message each way — the request's line, its
 * headers as the front left them (the client's address settled, the id set) and its whole body (small: the front
 * sends only a body declared by Content-Length, at most DIRECT_BODY_MAX in ./http-server.ts).
 */
export type DirectCall = { op: "direct"; id: number; method: string; url: string; headers: Record<string, string | string[]>; body: Uint8Array<ArrayBuffer>; https: boolean };
/** The route's answer: status, headers as [name, value, name, value …] (every Set-Cookie kept), body; or `failed` (a 500). */
export type DirectReply = { status: number; headers: string[]; body: Uint8Array } | { failed: true };
export type DirectRequest = Omit<DirectCall, "op" | "id">;

/** The front's side: send a direct call, get the back end's reply (rejected when the port closes first). */
export function directCaller(port: Port): (call: DirectRequest) => Promise<DirectReply> {
  const send = pendingCalls(port, "direct-answer");
  return (call) => send<DirectReply>({ op: "direct", ...call });
}

/** The back end's side: answer every direct call with `answer` (which answers every failure itself). */
export function answerDirectCalls(port: Port, answer: (call: DirectCall) => Promise<DirectReply>) {
  port.on("message", (m: DirectCall) => {
    if (m.op !== "direct") return;
    void answer(m)
      .catch((): DirectReply => ({ failed: true }))
      .then((value) => port.postMessage({ op: "direct-answer", id: m.id, value } satisfies Answer<"direct-answer">));
  });
}
