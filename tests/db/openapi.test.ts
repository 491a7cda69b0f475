/**
 * Issue 12 item 12: the OpenAPI document agrees with the server.
 *  - its operations are exactly the methods the route files export (and lib/api/routes.ts, the HTTP server's source
 *    for `Allow` on 405s — tests/unit/http-server.test.ts);
 *  - it is a valid OpenAPI 3.1 document, with `servers` and `security` on every operation ([] when public);
 *  - every operation, called with a malformed, an empty, a non-JSON, a non-object, a NUL-carrying and an oversize body
 *    (uploads: oversize declared and streamed, and without their header), answers with ONE code per problem — 400
 *    malformed everywhere, 413, 415, 422 — and every answer's status is documented for that operation.
 * The property-based fuzz over the whole document is tests/db/api-fuzz.test.ts.
 */
import fs from "node:fs";
import path from "node:path";
import SwaggerParser from "@apidevtools/swagger-parser";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { openApiDocument } from "@/lib/api/openapi";
import { API_ROUTES, DIRECT_API_ROUTES, OTHER_API_ROUTES } from "@/lib/api/routes";
import { jsonBodyLimit } from "@/lib/http/body-limit";
import { MAX_UPLOAD_BYTES } from "@/lib/storage/limits";
import { call, documented, isPublic, isUpload, jsonBodyOf, opName, operationsOf, type Operation } from "../fixtures/api-harness";
import { useAppDb } from "../fixtures/app-db";
import { createTestDb, testEngines } from "../fixtures/db";
import { buildGuardWorld, type BuiltWorld } from "../fixtures/guard-world";

vi.mock("@/lib/auth/actor", () => import("../fixtures/actor"));
// the table-cards PDF would start Chromium: what is checked here is the status, not the PDF
vi.mock("@/lib/printables/pdf", async (original) => ({
  ...(await original<typeof import("@/lib/printables/pdf")>()),
  htmlToPdf: async () => Buffer.from("%PDF-1.4\n%%EOF\n"),
  pdfResponse: async () => new Response("%PDF-1.4\n%%EOF\n", { headers: { "content-type": "application/pdf" } }),
}));

const ROOT = path.resolve(import.meta.dirname, "../..");
const ORIGIN = "https://meet.example.org";

/** Every app/api route file as a template ("/api/v1/events/{slug}", catch-alls as "*") with its exported methods. */
function routeFiles(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === "route.ts") {
        const src = fs.readFileSync(p, "utf8");
        const methods = new Set<string>();
        for (const m of src.matchAll(/export\s+(?:async\s+)?(?:const|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)) methods.add(m[1]);
        for (const m of src.matchAll(/export\s+const\s*\{([^}]*)\}/g)) for (const n of m[1].split(",").map((s) => s.trim())) if (/^(GET|POST|PUT|PATCH|DELETE)$/.test(n)) methods.add(n);
        const template =
          "/" +
          path
            .relative(path.join(ROOT, "app"), path.dirname(p))
            .split(path.sep)
            .filter((s) => !/^\(.*\)$/.test(s))
            .map((s) => (/^\[\.\.\./.test(s) ? "*" : s.replace(/^\[(.+)\]$/, "{$1}")))
            .join("/");
        out[template] = [...methods].sort();
      }
    }
  };
  walk(path.join(ROOT, "app", "api"));
  return out;
}

const sorted = (o: Record<string, readonly string[]>) =>
  Object.fromEntries(
    Object.entries(o)
      .map(([k, v]) => [k, [...v].sort()] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  );

describe("the document describes exactly the server's operations", () => {
  it("route files ⇔ lib/api/routes.ts ⇔ the document", () => {
    expect(sorted({ ...API_ROUTES, ...OTHER_API_ROUTES })).toEqual(sorted(routeFiles()));
    const doc = openApiDocument(ORIGIN);
    const fromDoc: Record<string, string[]> = {};
    for (const [p, ops] of Object.entries(doc.paths)) fromDoc[p] = Object.keys(ops).map((m) => m.toUpperCase());
    expect(sorted(fromDoc)).toEqual(sorted(API_ROUTES));
  });

  it("direct routes (run by the back end before Next) are static API routes whose files export those methods", () => {
    const files = routeFiles();
    for (const [p, methods] of Object.entries(DIRECT_API_ROUTES)) {
      expect(p, "a direct route has no path parameters").not.toMatch(/[{*]/);
      for (const m of methods) expect(files[p], `${p} exports ${m}`).toContain(m);
    }
  });

  it("is a valid OpenAPI 3.1 document with servers, and security on every operation ([] when public)", async () => {
    const doc = openApiDocument(ORIGIN);
    await SwaggerParser.validate(structuredClone(doc) as never);
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers).toEqual([{ url: ORIGIN, description: expect.any(String) }]);
    for (const o of operationsOf(doc)) {
      expect(Array.isArray(o.security), opName(o)).toBe(true);
      // a guarded operation documents 401 and 403; a public one has nothing to refuse a caller for
      if (!isPublic(o)) expect(documented(o, 401) && documented(o, 403), opName(o)).toBe(true);
    }
    const publicOps = operationsOf(doc).filter(isPublic).map(opName);
    expect(publicOps).toEqual(expect.arrayContaining(["GET /api/v1/events", "GET /api/v1/events/{slug}", "POST /api/v1/auth/signup", "POST /api/v1/auth/token", "PUT /api/v1/replies/{token}/delegates"]));
    expect(publicOps).not.toContain("PATCH /api/v1/events/{slug}");
  });

  it("request bodies the routes parse with zod are those schemas", () => {
    const op = operationsOf().find((o) => opName(o) === "PATCH /api/v1/events/{slug}")!;
    const schema = jsonBodyOf(op)!.schema as { properties: Record<string, { enum?: string[] }> };
    expect(schema.properties.status.enum).toEqual(["draft", "published", "cancelled", "completed"]);
    const signup = jsonBodyOf(operationsOf().find((o) => opName(o) === "POST /api/v1/auth/signup")!)!.schema as { required: string[]; properties: Record<string, { minLength?: number }> };
    expect(signup.required).toEqual(["name", "email", "password"]);
    expect(signup.properties.password.minLength).toBe(10);
  });
});

/** A stream of `size` bytes (never held whole), optionally a JSON string value so it is JSON up to the cut. */
function bigBody(size: number): ReadableStream<Uint8Array> {
  let sent = 0;
  const chunk = new Uint8Array(64 * 1024).fill(0x61);
  return new ReadableStream<Uint8Array>(
    {
      pull(c) {
        if (sent >= size) return c.close();
        if (sent === 0) {
          const head = new TextEncoder().encode('{"a":"');
          sent += head.length;
          return c.enqueue(head);
        }
        const n = Math.min(chunk.length, size - sent);
        sent += n;
        c.enqueue(chunk.subarray(0, n));
      },
    },
    { highWaterMark: 0 },
  );
}

describe.each(testEngines())("every operation's answers are documented, on %s", (engine) => {
  let h: DbHandle;
  let built: BuiltWorld;
  const ops = operationsOf();
  const tally = { calls: 0, undocumented: [] as string[], serverErrors: [] as string[] };

  beforeAll(async () => {
    h = await createTestDb(engine);
    useAppDb(h);
    built = await buildGuardWorld(h.db);
  });
  afterAll(async () => {
    console.log(`[${engine}] openapi conformance: ${tally.calls} calls, ${tally.serverErrors.length} server errors, ${tally.undocumented.length} undocumented statuses`);
    await h?.close();
  });

  /** Real values for each path parameter, so the body is actually read (after the guard and the scope). */
  const paramsFor = (o: Operation): Record<string, string> => {
    const w = built.world;
    const p: Record<string, string> = {};
    if (o.path.includes("{slug}")) p.slug = o.path.startsWith("/api/v1/reports/") ? w.reportSlug : w.eventSlug;
    if (o.path.includes("{id}")) p.id = o.path.startsWith("/api/v1/delegations/") ? w.delegationId! : o.path.startsWith("/api/v1/auth/tokens/") ? w.tokenId : w.attendeeRegistrationId;
    if (o.path.includes("{personId}")) p.personId = w.personId!;
    if (o.path.includes("{token}")) p.token = w.replyToken!;
    if (o.path.includes("{file}")) p.file = "no-such-calendar-token.ics";
    return p;
  };
  /** The caller strong enough for anything (site admin), or the owner for one's own things. */
  const actorFor = (o: Operation) => (isPublic(o) ? null : o.path.startsWith("/api/v1/registrations/") || o.path.startsWith("/api/v1/auth/tokens/") || o.path.startsWith("/api/v1/me") ? built.callers.attendee : built.callers.admin);

  async function expectStatus(o: Operation, res: Response, expected: number | null, what: string) {
    tally.calls++;
    const body = await res.text();
    if (res.status >= 500) tally.serverErrors.push(`${opName(o)} ${what}: ${res.status} ${body.slice(0, 200)}`);
    if (!documented(o, res.status)) tally.undocumented.push(`${opName(o)} ${what}: ${res.status}`);
    if (expected !== null) expect(res.status, `${opName(o)} ${what}: ${body.slice(0, 300)}`).toBe(expected);
    expect(documented(o, res.status), `${opName(o)} ${what}: ${res.status} is not documented`).toBe(true);
  }

  const jsonOps = ops.filter((o) => jsonBodyOf(o));
  const uploadOps = ops.filter(isUpload);

  it.each(jsonOps.map((o) => [opName(o), o] as const))("%s: one code per body problem — 400 malformed/empty, 415 not JSON, 422 not an object or NUL, 413 too large", async (_n, o) => {
    const base = { params: paramsFor(o), actor: actorFor(o) };
    const json = { "content-type": "application/json" };
    await expectStatus(o, await call(o, { ...base, headers: json, body: '{"a": 1,' }), 400, "malformed JSON");
    await expectStatus(o, await call(o, { ...base, headers: json, body: "" }), 400, "empty body");
    await expectStatus(o, await call(o, { ...base, headers: { "content-type": "text/plain" }, body: "{}" }), 415, "text/plain");
    await expectStatus(o, await call(o, { ...base, headers: json, body: "[1, 2]" }), 422, "an array");
    await expectStatus(o, await call(o, { ...base, headers: json, body: '{"name": "a\\u0000b"}' }), 422, "NUL in a value");
    const limit = jsonBodyLimit();
    await expectStatus(o, await call(o, { ...base, headers: { ...json, "content-length": String(limit + 1) }, body: bigBody(limit + 1) }), 413, "declared too large");
    await expectStatus(o, await call(o, { ...base, headers: json, body: bigBody(limit + 64 * 1024) }), 413, "streamed too large");
  });

  it.each(uploadOps.map((o) => [opName(o), o] as const))("%s: 400 without X-Huiwu-Upload, 413 over the limit (declared or streamed), 422 empty", async (_n, o) => {
    const base = { params: paramsFor(o), actor: actorFor(o), query: o.path.endsWith("/media") ? "role=photo" : undefined };
    const up = { "x-huiwu-upload": "1" };
    await expectStatus(o, await call(o, { ...base, headers: {}, body: "a,b\n" }), 400, "no upload header");
    await expectStatus(o, await call(o, { ...base, headers: { ...up, "content-length": String(MAX_UPLOAD_BYTES + 1) }, body: bigBody(MAX_UPLOAD_BYTES + 1) }), 413, "declared too large");
    await expectStatus(o, await call(o, { ...base, headers: up, body: bigBody(MAX_UPLOAD_BYTES + 64 * 1024) }), 413, "streamed too large");
    await expectStatus(o, await call(o, { ...base, headers: up, body: "" }), 422, "empty");
  });

  it.each(ops.map((o) => [opName(o), o] as const))("%s: anonymous, junk parameters and a junk query are answered with documented statuses", async (_n, o) => {
    const body = jsonBodyOf(o) ? "{}" : isUpload(o) ? "x" : undefined;
    const headers: Record<string, string> = jsonBodyOf(o) ? { "content-type": "application/json" } : isUpload(o) ? { "x-huiwu-upload": "1" } : {};
    await expectStatus(o, await call(o, { params: paramsFor(o), headers, body }), isPublic(o) ? null : 401, "anonymous");
    const junk = Object.fromEntries(Object.keys(paramsFor(o)).map((k) => [k, "\u0000../%zz"]));
    await expectStatus(o, await call(o, { params: junk, actor: actorFor(o), headers, body }), Object.keys(junk).length ? 404 : null, "junk path parameters");
    await expectStatus(o, await call(o, { params: paramsFor(o), actor: actorFor(o), headers, body, query: "from=-1&to=1e308&mode=%00&room=x&lang=xx&position=9&role=%00&include=" }), null, "junk query");
  });

  it("no server errors, nothing undocumented", () => {
    expect(tally.serverErrors).toEqual([]);
    expect(tally.undocumented).toEqual([]);
  });
});
