/**
 * Property-based fuzz of the whole API from its OpenAPI document (issue 12 acceptance): fast-check picks an operation,
 * a caller (anonymous, an attendee, the forum's staff or organizer, another forum's organizer, an admin), path
 * parameters (real ids of a fixture world, or junk), a query and a body generated from the document's own schemas —
 * mostly conforming, partly broken (wrong types, missing fields, NUL, bidi controls, huge numbers, malformed JSON,
 * the wrong Content-Type). Every answer must be below 500 and its status documented for that operation.
 * Bounded: FUZZ_RUNS runs per engine (default 400: ~10 s on PGlite); FUZZ_SEED replays a run.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { openApiDocument } from "@/lib/api/openapi";
import { call, documented, isUpload, jsonBodyOf, opName, operationsOf, type Operation } from "../fixtures/api-harness";
import { useAppDb } from "../fixtures/app-db";
import { createTestDb, testEngines } from "../fixtures/db";
import { buildGuardWorld, type BuiltWorld, type GuardCaller } from "../fixtures/guard-world";
import { anyJson, arbitraryOf, nastyString, type Hints } from "../fixtures/json-schema-arbitrary";

vi.mock("@/lib/auth/actor", () => import("../fixtures/actor"));
vi.mock("@/lib/printables/pdf", async (original) => ({
  ...(await original<typeof import("@/lib/printables/pdf")>()),
  htmlToPdf: async () => Buffer.from("%PDF-1.4\n%%EOF\n"),
  pdfResponse: async () => new Response("%PDF-1.4\n%%EOF\n", { headers: { "content-type": "application/pdf" } }),
}));

const RUNS = Number(process.env.FUZZ_RUNS ?? 400);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

const doc = openApiDocument("http://localhost:3000");
const ops = operationsOf(doc);
const CALLERS: GuardCaller[] = ["anonymous", "attendee", "staff", "organizer", "otherOrganizer", "admin"];

type Generated = { caller: GuardCaller; params: Record<string, string | null>; query: [string, string][]; body: { text: string | null; type: string | null; upload: boolean } };

/** Real values of each path parameter in the fixture world; null = use the real one. */
function realParam(w: BuiltWorld["world"], o: Operation, name: string): string {
  if (name === "slug") return o.path.startsWith("/api/v1/reports/") ? w.reportSlug : w.eventSlug;
  if (name === "id") return o.path.startsWith("/api/v1/delegations/") ? w.delegationId! : o.path.startsWith("/api/v1/auth/tokens/") ? w.tokenId : w.registrationId;
  if (name === "token") return w.replyToken!;
  return "no-such-calendar.ics";
}

const text = (v: unknown) => (v === undefined ? "" : typeof v === "string" ? v : JSON.stringify(v));

function hintsOf(w: BuiltWorld["world"]): Hints {
  const ids = [w.personId, w.registrationId, w.attendeeRegistrationId].filter((x): x is string => Boolean(x));
  return {
    email: fc.oneof(fc.emailAddress(), fc.constantFrom("attendee@example.com", "新用户@例子.公司")),
    password: fc.constantFrom("correct-horse-battery", "short"),
    name: fc.constantFrom("张三", "Li Si", "\u202e反向", "\u3164"),
    phone: fc.oneof(fc.stringMatching(/^1[3-9]\d{9}$/), fc.constant("+8613800000000")),
    ticketCode: fc.constantFrom(w.ticketCode ?? "x", "no-such-ticket"),
    organization: fc.constantFrom("自贡市商务局", "某单位"),
    position: fc.constantFrom("处长", "Director"),
    quota: fc.integer({ min: 1, max: 3 }),
    people: fc.array(fc.constantFrom(...ids), { minLength: 1, maxLength: 3 }),
    room: fc.constantFrom(w.roomId ?? null, null),
    session: fc.constantFrom(w.sessionId, null),
    segment: fc.constantFrom("symposium", "site_visit", "event"),
    groupId: fc.constantFrom(w.busId ?? null, null),
  };
}

function generatorFor(o: Operation, hints: Hints): fc.Arbitrary<Generated> {
  const pathParams = [...o.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
  const queryParams = o.parameters.filter((p) => p.in === "query");
  const json = jsonBodyOf(o);
  const query = fc
    .tuple(
      ...queryParams.map((p) => fc.option(arbitraryOf(p.schema, doc, 0.8).map((v) => [p.name, text(v)] as [string, string]), { freq: 2 })),
      fc.option(fc.tuple(fc.string({ maxLength: 6 }), nastyString), { freq: 5 }),
    )
    .map((xs) => xs.filter((x): x is [string, string] => x !== null));
  const body: fc.Arbitrary<Generated["body"]> = json
    ? fc.oneof(
        { weight: 12, arbitrary: arbitraryOf(json.schema, doc, 0.85, 0, hints).map((v) => ({ text: JSON.stringify(v), type: "application/json", upload: false })) },
        { weight: 1, arbitrary: fc.constantFrom('{"a":', "", "nul\u0000l", "[]", "{}", "true").map((t) => ({ text: t, type: "application/json", upload: false })) },
        { weight: 1, arbitrary: anyJson.map((v) => ({ text: JSON.stringify(v) ?? "null", type: "application/json", upload: false })) },
        { weight: 1, arbitrary: fc.constantFrom("text/plain", "application/x-www-form-urlencoded", null).map((type) => ({ text: "{}", type, upload: false })) },
      )
    : isUpload(o)
      ? fc.record({
          text: fc.oneof(fc.string({ maxLength: 200 }), fc.constant("姓名,邮箱\n张三,a@example.com\n"), fc.constant("单位,名额,联络员,手机\n某局,1,某人,13800000000\n"), fc.constant("PK\u0003\u0004junk"), fc.constant("\u0000")),
          type: fc.constantFrom("application/octet-stream", "text/csv", null),
          upload: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
        })
      : fc.constant({ text: null, type: null, upload: false });
  return fc.record({
    caller: fc.constantFrom(...CALLERS),
    params: fc.record(Object.fromEntries(pathParams.map((n) => [n, fc.option(fc.oneof(nastyString, fc.string({ minLength: 1, maxLength: 30 })), { freq: 2 })]))) as fc.Arbitrary<Record<string, string | null>>,
    query,
    body,
  });
}

describe.each(testEngines())("API fuzz from the OpenAPI document on %s", (engine) => {
  let h: DbHandle;
  let built: BuiltWorld;
  const results = { runs: 0, serverErrors: [] as string[], undocumented: [] as string[], statuses: new Map<string, number>() };

  beforeAll(async () => {
    h = await createTestDb(engine);
    useAppDb(h);
    built = await buildGuardWorld(h.db);
  });
  afterAll(async () => {
    const by = [...results.statuses].sort(([a], [b]) => a.localeCompare(b)).map(([s, n]) => `${s}×${n}`).join(" ");
    console.log(`[${engine}] API fuzz (seed ${SEED}): ${results.runs} runs over ${ops.length} operations, ${results.serverErrors.length} server errors, ${results.undocumented.length} undocumented statuses; ${by}`);
    await h?.close();
  });

  it(`${RUNS} random calls: no 5xx, every status documented`, async () => {
    const hints = hintsOf(built.world);
    const arb = fc.constantFrom(...ops).chain((o) => generatorFor(o, hints).map((g) => ({ o, g })));
    await fc.assert(
      fc.asyncProperty(arb, async ({ o, g }) => {
        const params = Object.fromEntries(Object.entries(g.params).map(([k, v]) => [k, v ?? realParam(built.world, o, k)]));
        const headers: Record<string, string> = { "accept-language": "zh-CN" };
        if (g.body.type) headers["content-type"] = g.body.type;
        if (g.body.upload) headers["x-huiwu-upload"] = "1";
        const actor = g.caller === "anonymous" ? null : built.callers[g.caller];
        const query = new URLSearchParams(g.query).toString();
        const res = await call(o, { params, query, headers, body: g.body.text, actor });
        const text = await res.text();
        results.runs++;
        results.statuses.set(String(res.status), (results.statuses.get(String(res.status)) ?? 0) + 1);
        const what = `${opName(o)} as ${g.caller} params=${JSON.stringify(params)} query=${query} body=${JSON.stringify(g.body).slice(0, 300)} → ${res.status} ${text.slice(0, 200)}`;
        if (res.status >= 500) results.serverErrors.push(what);
        if (!documented(o, res.status)) results.undocumented.push(what);
        return true; // collected, so one run reports every failure (and its inputs) instead of stopping at the first
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    expect(results.serverErrors).toEqual([]);
    expect(results.undocumented).toEqual([]);
  });
});
