/**
 * THE route-handler family: the preamble every app/api route used to write by hand — who is calling →
 * which forum → may they → parse params/query/body → call → JSON or error — once.
 *
 *   export const PATCH = eventRoute("event.edit", { params: slugParams, body: eventPatchSchema }, async ({ db, actor, event, body }) => {
 *     return eventAdminJson(await patchEvent(db, actor, event.id, body));
 *   });
 *
 * Order (eventRoute): authenticate (401) → path params (404 when they cannot exist: NUL, wrong shape) → query (422)
 * → the forum: by `params.slug`, or `opts.scope(db, {params, query, body})` for routes addressed by another id →
 * permission (403; an unknown forum is checked as "no forum", so only site-wide roles learn it is missing, then
 * 404) → body (413/415/400/422 through THE JSON reader, lib/http/json-body.ts; read after the permission check
 * unless the scope needs it) → handler.
 * The handler returns a Response, or a plain value answered as JSON with `opts.status` (default 200).
 * Every failure goes through THE error mapping, errorResponse (lib/http/domain-errors.ts).
 *
 * userRoute: a signed-in user's own things (no forum). publicRoute: deliberately open (`reason` says why), e.g.
 * public reads and token-addressed links; the actor is passed when there is one.
 */
import "server-only";
import type { SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { currentActor } from "@/lib/auth/actor";
import { can, canSql, NO_FORUM, requireActor } from "@/lib/auth/guard";
import type { Actor, Permission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { eventById, eventBySlug, type EventRow } from "@/lib/events/lookup";
import { errorResponse } from "@/lib/http/domain-errors";
import { readJson } from "@/lib/http/json-body";
import { NUL_MESSAGE, nulPath } from "@/lib/http/nul";
import { requestLocale } from "@/lib/i18n/request";
import type { Locale } from "@/lib/i18n/config";
import { DomainError, parse } from "./result";

type AnyObject = z.ZodType<Record<string, unknown>>;
type Out<S> = S extends z.ZodType ? z.infer<S> : Record<string, never>;

export type RouteOptions<P, Q, B> = {
  /** Path params schema (lib/http/params.ts: slugParams, idParams …). A mismatch is 404. */
  params?: P;
  /** Query string schema (values are strings; arrays for repeated keys). A mismatch is 422. */
  query?: Q;
  /** JSON body schema, read through the one size-capped reader. A mismatch is 422 with fieldErrors. */
  body?: B;
  /** Status of a plain-object answer (default 200). */
  status?: number;
  /** Body size cap in bytes (default JSON_BODY_LIMIT_BYTES, 4 MB). */
  maxBytes?: number;
  /** Where, for the log of an unexpected error (default "METHOD /path"; set it when the path holds a secret). */
  where?: string;
  /**
   * A different answer for some failures (a 409 that carries the conflicting row, an upload's own refusal, "please
   * sign in" in the caller's language); return undefined to fall back to errorResponse.
   */
  failure?: (e: unknown, locale: Locale) => Response | undefined | Promise<Response | undefined>;
};

export type RouteContext<P, Q, B, A> = {
  db: Db;
  actor: A;
  req: Request;
  params: Out<P>;
  query: Out<Q>;
  body: Out<B>;
  locale: Locale;
};

export type { EventRow };

type Result = Response | object | null;
type Ctx = { params: Promise<Record<string, string | string[] | undefined>> };
export type RouteHandler = (req: Request, ctx?: Ctx) => Promise<Response>;

export type EventRouteOptions<P, Q, B> = RouteOptions<P, Q, B> & {
  /** The forum id for routes not addressed by slug (e.g. /registrations/{id}); null = unknown (→ 403/404). */
  scope?: (db: Db, input: { params: Out<P>; query: Out<Q>; body: Out<B>; actor: Actor }) => Promise<string | null>;
};

export function eventRoute<P extends AnyObject | undefined = undefined, Q extends AnyObject | undefined = undefined, B extends AnyObject | undefined = undefined>(
  permission: Permission,
  opts: EventRouteOptions<P, Q, B>,
  handler: (ctx: RouteContext<P, Q, B, Actor> & { event: EventRow }) => Promise<Result> | Result,
): RouteHandler {
  return entry(opts, async (req, ctx) => {
    const actor = await requireActor();
    const db = await getDb();
    const params = await pathParams(opts.params, ctx);
    const query = queryOf(opts.query, req);
    let body = undefined as Out<B>;
    if (opts.scope && opts.body) body = await bodyOf(opts, req);
    let event: EventRow | null = null;
    if (opts.scope) {
      const id = await opts.scope(db, { params, query, body, actor });
      event = id ? await eventById(db, id) : null;
    } else {
      const slug = (params as { slug?: unknown }).slug;
      event = typeof slug === "string" ? await eventBySlug(db, slug) : null;
    }
    if (!(await can(actor, permission, { eventId: event?.id ?? NO_FORUM }, db))) throw forbidden();
    if (!event) throw new DomainError("not_found", "errors.forumNotFound");
    if (!opts.scope && opts.body) body = await bodyOf(opts, req);
    return handler({ db, actor, req, params, query, body, event, locale: await requestLocale() });
  });
}

/**
 * A forum command whose own statement finds the forum AND checks the permission — for a hot path where the forum is
 * known only from the input (the check-in desk: the ticket's forum) and every statement counts. Authenticate (401) →
 * body → handler, which gets `allowed(eventId)`: the permission as an SQL condition on a forum id column, from the
 * same matrix (canSql, lib/auth/guard.ts). The command must write nothing and throw "forbidden" when it is false.
 */
export function eventCommandRoute<B extends AnyObject>(
  permission: Permission,
  opts: RouteOptions<undefined, undefined, B> & { body: B },
  handler: (ctx: Omit<RouteContext<undefined, undefined, B, Actor>, "params" | "query"> & { allowed: (eventId: SQL) => SQL }) => Promise<Result> | Result,
): RouteHandler {
  return entry(opts, async (req) => {
    const actor = await requireActor();
    const body = await bodyOf(opts, req);
    const allowed = (eventId: SQL) => canSql(actor, permission, eventId);
    return handler({ db: await getDb(), actor, req, body, allowed, locale: await requestLocale() });
  });
}

export function userRoute<P extends AnyObject | undefined = undefined, Q extends AnyObject | undefined = undefined, B extends AnyObject | undefined = undefined>(
  permission: Permission,
  opts: RouteOptions<P, Q, B>,
  handler: (ctx: RouteContext<P, Q, B, Actor>) => Promise<Result> | Result,
): RouteHandler {
  return entry(opts, async (req, ctx) => {
    const actor = await requireActor();
    const db = await getDb();
    if (!(await can(actor, permission, {}, db))) throw forbidden();
    const params = await pathParams(opts.params, ctx);
    const query = queryOf(opts.query, req);
    const body = opts.body ? await bodyOf(opts, req) : (undefined as Out<B>);
    return handler({ db, actor, req, params, query, body, locale: await requestLocale() });
  });
}

export function publicRoute<P extends AnyObject | undefined = undefined, Q extends AnyObject | undefined = undefined, B extends AnyObject | undefined = undefined>(
  reason: string,
  opts: RouteOptions<P, Q, B>,
  handler: (ctx: RouteContext<P, Q, B, Actor | null>) => Promise<Result> | Result,
): RouteHandler {
  void reason; // documentation: why this route is open to anyone (mirrored by the guard manifest's note)
  return entry(opts, async (req, ctx) => {
    const params = await pathParams(opts.params, ctx);
    const query = queryOf(opts.query, req);
    const body = opts.body ? await bodyOf(opts, req) : (undefined as Out<B>);
    const actor = await currentActor();
    return handler({ db: await getDb(), actor, req, params, query, body, locale: await requestLocale() });
  });
}

// ---------------------------------------------------------------------------------------------------------------

const forbidden = () => new DomainError("forbidden", "errors.forbidden");

function entry(opts: RouteOptions<unknown, unknown, unknown>, body: (req: Request, ctx: Ctx) => Promise<Result>): RouteHandler {
  return async function route(req: Request, ctx?: Ctx): Promise<Response> {
    try {
      const out = await body(req, ctx ?? { params: Promise.resolve({}) });
      if (out instanceof Response) return out;
      return Response.json(out, { status: opts.status ?? 200 });
    } catch (e) {
      const special = opts.failure ? await opts.failure(e, await requestLocale()) : undefined;
      return special ?? errorResponse(e, opts.where ?? `${req.method} ${safePath(req.url)}`);
    }
  };
}

class NotFound extends DomainError {
  constructor() {
    super("not_found", "Not found.");
  }
}

async function pathParams<P>(schema: P | undefined, ctx: Ctx): Promise<Out<P>> {
  const raw = (await ctx.params) ?? {};
  if (!schema) {
    if (nulPath(raw) !== null) throw new NotFound();
    return raw as Out<P>;
  }
  const r = (schema as unknown as z.ZodType).safeParse(raw);
  if (!r.success || nulPath(raw) !== null) throw new NotFound();
  return r.data as Out<P>;
}

function queryOf<Q>(schema: Q | undefined, req: Request): Out<Q> {
  if (!schema) return {} as Out<Q>;
  const sp = new URL(req.url).searchParams;
  const raw: Record<string, string | string[]> = {};
  for (const k of new Set(sp.keys())) {
    const all = sp.getAll(k);
    raw[k] = all.length > 1 ? all : all[0];
  }
  const nul = nulPath(raw);
  if (nul !== null) throw new DomainError("invalid", NUL_MESSAGE, { fieldErrors: { [nul || "_"]: [NUL_MESSAGE] } });
  return parse(schema as unknown as z.ZodType, raw) as Out<Q>;
}

async function bodyOf<B>(opts: { body?: B; maxBytes?: number }, req: Request): Promise<Out<B>> {
  return parse(opts.body as unknown as z.ZodType, await readJson(req, opts.maxBytes)) as Out<B>;
}

/** The path for the log, with long opaque segments (tokens) elided. */
function safePath(url: string): string {
  try {
    return new URL(url).pathname.replace(/\/[A-Za-z0-9_-]{24,}(?=\/|$)/g, "/…");
  } catch {
    return "?";
  }
}
