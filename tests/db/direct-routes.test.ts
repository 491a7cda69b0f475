/**
 * Direct routes (DIRECT_API_ROUTES, lib/api/routes.ts; scripts/lib/direct-routes.ts): the back end runs the real
 * check-in route itself, through the real front, on a real database; Next (a stand-in here, which runs the same
 * route the way Next adapts a request) still gets every request the back end does not answer directly. The route's
 * code reads who calls, the language and the client's address from the request it is given — outside Next, where
 * `headers()` does not exist (Vitest's stand-in for next/headers answers an empty request here).
 */
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import http from "node:http";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { seedIfEmpty, YANTAN_SLUG } from "@/db/seed";
import { auditLog, checkins, events, registrations, users } from "@/db/schema";
import { issueToken } from "@/lib/auth/tokens";
import { useAppDb } from "../fixtures/app-db";
import { createTestDb } from "../fixtures/db";
import { withRequest } from "../fixtures/request";

const { POST: checkinRoute } = await import("@/app/api/v1/checkins/route");

let nextCalls = 0;
/** Next, reduced to the check-in route: the request's headers reach the route through next/headers (the stand-in). */
async function fakeNext(req: IncomingMessage, res: ServerResponse) {
  nextCalls++;
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const r = await withRequest({ headers: Object.fromEntries(headers) }, () =>
    checkinRoute(new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers, body: Buffer.concat(chunks) })),
  );
  res.statusCode = r.status;
  r.headers.forEach((v, k) => res.setHeader(k, v));
  res.end(Buffer.from(await r.arrayBuffer()));
}
vi.mock("next", () => ({ default: () => ({ prepare: async () => {}, getRequestHandler: () => fakeNext }) }));
const { startHttpServer } = await import("../../scripts/lib/http-backend");

const port = 47000 + Math.floor(Math.random() * 2000);

/** A raw request (chunked when asked: Node's fetch always sends a Content-Length for a string body). */
function send(body: string, headers: Record<string, string>, chunked = false): Promise<{ status: number; headers: http.IncomingHttpHeaders; json: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: "/api/v1/checkins", method: "POST", headers: { "content-type": "application/json", ...headers, ...(chunked ? {} : { "content-length": Buffer.byteLength(body) }) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, json: JSON.parse(Buffer.concat(chunks).toString() || "{}") }));
    });
    req.on("error", reject);
    if (chunked) {
      req.write(body.slice(0, 5));
      req.end(body.slice(5));
    } else req.end(body);
  });
}

describe("direct routes: the check-in route answered by the back end itself (pglite)", () => {
  let h: DbHandle;
  let server: Server;
  let token: string;
  let eventId: string;
  let staffName: string;
  const fresh: string[] = [];

  beforeAll(async () => {
    h = await createTestDb("pglite");
    await seedIfEmpty(h.db);
    useAppDb(h);
    [{ id: eventId }] = await h.db.select({ id: events.id }).from(events).where(eq(events.slug, YANTAN_SLUG));
    const [staff] = await h.db.select().from(users).where(eq(users.email, "staff@huiwu.demo"));
    staffName = staff.name;
    token = (await issueToken(h.db, staff.id)).token;
    const rows = await h.db.select({ id: registrations.id, code: registrations.ticketCode }).from(registrations).where(and(eq(registrations.eventId, eventId), eq(registrations.status, "confirmed")));
    const used = new Set((await h.db.select({ id: checkins.registrationId }).from(checkins)).map((r) => r.id));
    fresh.push(...rows.filter((r) => !used.has(r.id)).map((r) => r.code));
    server = await startHttpServer(port, "127.0.0.1", {
      directRoutes: new Map([
        ["POST /api/v1/checkins", checkinRoute],
        // a handler that fails outside the wrapper family (which answers its own failures): the server's own 500
        ["POST /api/v1/events/import", async () => { throw new Error("secret detail /srv/db"); }],
      ]),
    });
  });
  afterAll(async () => {
    await new Promise<void>((r) => server?.close(() => r()));
    await h?.close();
  });

  it("a scan with a small declared body is answered without Next: the bearer token's user, the client's address in the audit row, the request id", async () => {
    const before = nextCalls;
    const code = fresh.pop()!;
    const r = await send(JSON.stringify({ ticketCode: code, segment: "symposium" }), { authorization: `Bearer ${token}`, "x-request-id": "direct-test-0001" });
    expect(r.status).toBe(200);
    expect(r.json.already).toBe(false);
    expect(r.json.checkedInBy).toBe(staffName);
    expect(nextCalls).toBe(before); // Next never saw it
    expect(r.headers["x-request-id"]).toBe("direct-test-0001");
    expect(r.headers["content-type"]).toMatch(/^application\/json/);
    expect(r.headers["x-content-type-options"]).toBe("nosniff"); // the back end's default headers, as for every answer
    const rows = await h.db.select({ ip: auditLog.ip }).from(auditLog).where(and(eq(auditLog.action, "checkin.perform"), eq(auditLog.eventId, eventId)));
    expect(rows.map((x) => x.ip)).toEqual(["127.0.0.1"]); // the front's view of the client (no proxy trusted), read from the request
  });

  it("ten desks at once: every scan answered once, each its own (the replies find their requests)", async () => {
    const codes = fresh.splice(-20);
    expect(codes.length).toBe(20);
    const names = new Map((await h.db.select({ code: registrations.ticketCode, name: registrations.fullName }).from(registrations)).map((r) => [r.code, r.name]));
    const before = nextCalls;
    let next = 0;
    const answers: { code: string; status: number; name: unknown }[] = [];
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        while (next < codes.length) {
          const code = codes[next++];
          const r = await send(JSON.stringify({ ticketCode: code, segment: "site_visit" }), { authorization: `Bearer ${token}` });
          answers.push({ code, status: r.status, name: (r.json.registration as { name?: unknown } | undefined)?.name });
        }
      }),
    );
    expect(answers).toHaveLength(20);
    for (const a of answers) expect(a, a.code).toEqual({ code: a.code, status: 200, name: names.get(a.code) });
    expect(nextCalls).toBe(before);
  });

  it("the same request through Next (a chunked body) gets the same answer", async () => {
    const code = fresh.pop()!;
    const body = JSON.stringify({ ticketCode: code, segment: "symposium" });
    const before = nextCalls;
    const viaNext = await send(body, { authorization: `Bearer ${token}` }, true);
    expect(nextCalls).toBe(before + 1);
    const direct = await send(body, { authorization: `Bearer ${token}` });
    expect(nextCalls).toBe(before + 1);
    expect(viaNext.status).toBe(200);
    expect(direct.status).toBe(200);
    expect(viaNext.json.already).toBe(false);
    expect(direct.json).toEqual({ ...viaNext.json, already: true }); // same person, same first check-in time and desk
  });

  it("failures in the caller's language, as through Next: 401 without a token, 401 with a bad one, 422 for a bad body, 404 for an unknown code", async () => {
    for (const lang of ["zh-CN", "en"] as const) {
      const al = { "accept-language": lang === "en" ? "en" : "zh-CN" };
      const cases = [
        { body: JSON.stringify({ ticketCode: "X" }), headers: { ...al }, status: 401 },
        { body: JSON.stringify({ ticketCode: "X" }), headers: { ...al, authorization: "Bearer nope" }, status: 401 },
        { body: "{", headers: { ...al, authorization: `Bearer ${token}` }, status: 400 },
        { body: JSON.stringify({ ticketCode: 5 }), headers: { ...al, authorization: `Bearer ${token}` }, status: 422 },
        { body: JSON.stringify({ ticketCode: "NO-SUCH-TICKET-CODE" }), headers: { ...al, authorization: `Bearer ${token}` }, status: 404 },
      ];
      for (const c of cases) {
        const direct = await send(c.body, c.headers);
        const viaNext = await send(c.body, c.headers, true);
        expect(direct.status, c.body).toBe(c.status);
        expect(direct.json).toEqual(viaNext.json);
        const error = String(direct.json.error);
        expect(/[\u4e00-\u9fff]/.test(error), `${lang}: ${error}`).toBe(lang === "zh-CN");
      }
    }
  });

  it("a body larger than the direct limit, and other methods, are Next's (405 with Allow from the back end)", async () => {
    const before = nextCalls;
    const big = JSON.stringify({ ticketCode: "X", pad: "x".repeat(70 * 1024) });
    const r = await send(big, { authorization: `Bearer ${token}` });
    expect(nextCalls).toBe(before + 1);
    expect(r.status).toBe(404); // unknown keys are dropped: the code "X" is unknown
    const get = await fetch(`http://127.0.0.1:${port}/api/v1/checkins`);
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("OPTIONS, POST");
  });

  it("a direct handler that throws: 500 with a reference in the caller's language, nothing of the error", async () => {
    for (const [al, chinese] of [["zh-CN", true], ["en", false]] as const) {
      const r = await fetch(`http://127.0.0.1:${port}/api/v1/events/import`, { method: "POST", headers: { "accept-language": al, "x-request-id": "direct-fail-0001" }, body: "{}" });
      expect(r.status).toBe(500);
      const text = await r.text();
      expect(text).not.toContain("secret");
      const body = JSON.parse(text);
      expect(body.code).toBe("internal");
      expect(body.error).toContain("direct-f"); // the reference: the request id's first 8 characters
      expect(/[\u4e00-\u9fff]/.test(body.error)).toBe(chinese);
    }
  });
});
