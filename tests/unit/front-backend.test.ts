/**
 * The two halves of the production server (scripts/lib/http-server.ts, scripts/lib/http-backend.ts): the front passes every request it does not
 * answer from the page cache to the back end and streams the answer back unchanged — status, every header (each
 * Set-Cookie), bodies of any size both ways — and the back end trusts the front's view of the client only with the
 * front's per-process mark.
 */
import { randomBytes } from "node:crypto";
import http, { type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { MessageChannel } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

let seen: IncomingMessage | undefined;
let slowBodyStopped = false;
/** Stands in for Next's request handler. */
async function fakeNext(req: IncomingMessage, res: ServerResponse) {
  seen = req;
  if (req.url === "/whoami") return res.end(String(req.headers["x-forwarded-for"]));
  if (req.url === "/cookies") {
    res.setHeader("set-cookie", ["a=1; Path=/; HttpOnly", "b=2; Path=/; Max-Age=60"]);
    res.statusCode = 303;
    res.statusMessage = "See Other";
    res.setHeader("location", "/me");
    return res.end();
  }
  if (req.url === "/echo") {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    res.setHeader("content-type", "application/octet-stream");
    return res.end(Buffer.concat(chunks)); // Content-Length
  }
  if (req.url === "/stream") {
    // chunked, in pieces with pauses between them: arrives whole and in order
    res.setHeader("content-type", "text/csv; charset=utf-8");
    for (let i = 0; i < 50; i++) {
      res.write(`${i},${"行".repeat(2000)}\n`);
      if (i % 10 === 0) await new Promise((r) => setTimeout(r, 5));
    }
    return res.end();
  }
  if (req.url === "/endless") {
    res.setHeader("content-type", "text/plain");
    const timer = setInterval(() => res.write("x".repeat(1024)), 5);
    res.on("close", () => {
      clearInterval(timer);
      slowBodyStopped = true;
    });
    return;
  }
  res.end("ok");
}
vi.mock("next", () => ({ default: () => ({ prepare: async () => {}, getRequestHandler: () => fakeNext }) }));

const { newSecrets, startFront } = await import("../../scripts/lib/http-server");
const { startBackend } = await import("../../scripts/lib/http-backend");
const { directCaller } = await import("../../scripts/lib/thread-calls");
const port = 45000 + Math.floor(Math.random() * 2000);
const base = `http://127.0.0.1:${port}`;
let front: Server;
let backend: { server: Server; port: number };

beforeAll(async () => {
  const secrets = newSecrets();
  backend = await startBackend(secrets, undefined, { directRoutes: new Map() }); // no build: every route reaches the stand-in
  front = await startFront(port, "127.0.0.1", { port: backend.port, secrets });
});
afterAll(async () => {
  await new Promise<void>((r) => front.close(() => r()));
  await new Promise<void>((r) => backend.server.close(() => r()));
});

/** A request as it goes over the wire (node:http: raw headers, no decompression). */
function raw(url: string, init: { method?: string; headers?: Record<string, string>; body?: Buffer } = {}): Promise<{ status: number; message: string; raw: string[]; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: init.method ?? "GET", headers: init.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, message: res.statusMessage!, raw: res.rawHeaders, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end(init.body);
  });
}
function values(rawHeaders: string[], name: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < rawHeaders.length; i += 2) if (rawHeaders[i].toLowerCase() === name) out.push(rawHeaders[i + 1]);
  return out;
}

describe("the front passes what it does not cache to the back end, unchanged", () => {
  it("status, status text, redirects and every Set-Cookie come back as the back end wrote them", async () => {
    const r = await raw(`${base}/cookies`);
    expect(r.status).toBe(303);
    expect(r.message).toBe("See Other");
    expect(values(r.raw, "set-cookie")).toEqual(["a=1; Path=/; HttpOnly", "b=2; Path=/; Max-Age=60"]);
    expect(values(r.raw, "location")).toEqual(["/me"]);
    expect(values(r.raw, "x-content-type-options")).toEqual(["nosniff"]); // the back end's default headers
  });

  it("a 3 MB request body reaches the back end byte for byte, and its answer comes back whole", async () => {
    const body = randomBytes(3 * 1024 * 1024);
    const r = await raw(`${base}/echo`, { method: "POST", headers: { "content-type": "application/octet-stream" }, body });
    expect(r.status).toBe(200);
    expect(Buffer.compare(r.body, body)).toBe(0);
  });

  it("a chunked (streamed) answer arrives whole and in order", async () => {
    const r = await raw(`${base}/stream`);
    const lines = r.body.toString("utf8").trim().split("\n");
    expect(lines).toHaveLength(50);
    expect(lines.map((l) => Number(l.split(",")[0]))).toEqual([...Array(50).keys()]);
    expect(lines.every((l) => l.endsWith("行".repeat(2000)))).toBe(true);
  });

  it("a client that goes away stops the back end's answer too", async () => {
    slowBodyStopped = false;
    await new Promise<void>((resolve, reject) => {
      const req = http.get(`${base}/endless`, (res) => {
        res.once("data", () => {
          req.destroy();
          resolve();
        });
      });
      req.on("error", () => {});
      setTimeout(() => reject(new Error("no data")), 5000);
    });
    await expect.poll(() => slowBodyStopped, { timeout: 5000 }).toBe(true);
  });

  it("the request id: a well-formed incoming one is kept, anything else replaced, the same one on both sides", async () => {
    const kept = await raw(`${base}/x`, { headers: { "x-request-id": "lb-abc123456" } });
    expect(values(kept.raw, "x-request-id")).toEqual(["lb-abc123456"]);
    expect(seen?.headers["x-request-id"]).toBe("lb-abc123456");
    const replaced = await raw(`${base}/x`, { headers: { "x-request-id": "bad id <script>" } });
    expect(values(replaced.raw, "x-request-id")[0]).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("trust between the halves", () => {
  it("through the front the back end sees the client's address, decided by the front; forged forwarding headers are gone", async () => {
    const r = await raw(`${base}/whoami`, { headers: { "x-forwarded-for": "198.51.100.7" } });
    expect(r.body.toString()).toBe("127.0.0.1");
  });

  it("a forged front mark or bypass header gives a client nothing: it is stripped, or does not match", async () => {
    const viaFront = await raw(`${base}/whoami`, { headers: { "x-forwarded-for": "198.51.100.7", "x-huiwu-front": "guess", "x-huiwu-bypass": "guess" } });
    expect(viaFront.body.toString()).toBe("127.0.0.1");
    expect(seen?.headers["x-huiwu-front"]).toBeUndefined();
    expect(seen?.headers["x-huiwu-bypass"]).toBeUndefined();
    // straight to the back end's loopback port (a local process): a direct client, its own address
    const direct = await raw(`http://127.0.0.1:${backend.port}/whoami`, { headers: { "x-forwarded-for": "198.51.100.7", "x-huiwu-front": "guess" } });
    expect(direct.body.toString()).toBe("127.0.0.1");
  });

  it("a direct request to the back end still gets a CSP nonce and the security headers", async () => {
    const r = await raw(`http://127.0.0.1:${backend.port}/x`);
    expect(values(r.raw, "content-security-policy")[0]).toMatch(/'nonce-/);
    expect(values(r.raw, "x-frame-options")).toEqual(["DENY"]);
  });
});

describe("the back end unreachable", () => {
  it("502 in the client's language with a reference, no internals; the front keeps serving", async () => {
    const secrets = newSecrets();
    const lonely = await startFront(port + 1, "127.0.0.1", { port: 1, secrets }); // nothing listens on port 1
    try {
      const zh = await raw(`http://127.0.0.1:${port + 1}/events`);
      expect(zh.status).toBe(502);
      expect(zh.body.toString()).toMatch(/^出错了（编号 [0-9a-f]{8}），请重试。$/);
      expect(zh.body.toString()).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|Error/);
      const en = await raw(`http://127.0.0.1:${port + 1}/api/v1/events/x/checkin`, { method: "POST", headers: { "accept-language": "en", "content-type": "application/json" }, body: Buffer.from("{}") });
      expect(en.status).toBe(502);
      expect(JSON.parse(en.body.toString())).toEqual({ error: expect.stringMatching(/^Something went wrong \(ref [0-9a-f]{8}\)/), code: "unavailable" });
      expect(values(en.raw, "x-content-type-options")).toEqual(["nosniff"]);
    } finally {
      await new Promise<void>((r) => lonely.close(() => r()));
    }
  });

  it("a direct route's call when the back end's port has closed: 502 in the client's language, at once", async () => {
    const secrets = newSecrets();
    const channel = new MessageChannel();
    const call = directCaller(channel.port1);
    channel.port2.close();
    await new Promise((r) => setTimeout(r, 20)); // the close reaches port1
    const lonely = await startFront(port + 2, "127.0.0.1", { port: 1, secrets, direct: { routes: new Set(["POST /api/v1/checkins"]), call } });
    try {
      const en = await raw(`http://127.0.0.1:${port + 2}/api/v1/checkins`, { method: "POST", headers: { "accept-language": "en", "content-type": "application/json" }, body: Buffer.from('{"ticketCode":"X"}') });
      expect(en.status).toBe(502);
      expect(JSON.parse(en.body.toString())).toEqual({ error: expect.stringMatching(/^Something went wrong \(ref [0-9a-f]{8}\)/), code: "unavailable" });
    } finally {
      await new Promise<void>((r) => lonely.close(() => r()));
    }
  });
});
