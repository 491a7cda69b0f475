/**
 * THE server-action family. Every server action is one line in a "use server" module
 * `lib/<domain>/actions.ts`:
 *
 *   export const saveBusAction = eventAction("agenda.edit", busSchema, ({ db, actor, input }) => saveBus(db, actor, input));
 *
 * Each variant does, in this order and in this one place:
 *   authenticate → parse (zod; NUL refused) → resolve the forum scope from the VALIDATED input → permission → call →
 *   ActionResult. Expected failures (DomainError) become `{ok:false, error, code, fieldErrors}`; anything else is
 *   logged with a reference and answered generically (toFailure). Next's redirect()/notFound() pass through.
 *
 * - eventAction: forum-scoped permissions (lib/auth/permissions.ts). The forum is the `eventId` field of the parsed
 *   input, or what `opts.scope(db, input)` resolves from another id (a delegation id → its forum). An anonymous
 *   caller is always "unauthenticated", whatever the input. A caller who may not act on the forum is "forbidden" —
 *   also when the scope is malformed or unknown, so field errors are only ever shown to someone allowed to act.
 * - userAction: a signed-in user acting on their own things (profile.edit, registration.own, …).
 * - publicAction: deliberately open (sign-in, sign-up, token-addressed replies); `reason` says why, for the reader
 *   and the guard manifest.
 *
 * The returned function takes the input (FormData or a plain object), or `(previousState, formData)` as React's
 * useActionState calls it — so the same export serves forms, client calls and tests.
 */
import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { Db } from "@/db/client";
import { can, NO_FORUM, requireActor } from "@/lib/auth/guard";
import { currentActor } from "@/lib/auth/actor";
import type { Actor, Permission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { NUL_MESSAGE, nulPath } from "@/lib/http/nul";
import { DomainError, formDataToObject, issueRefs, toFailure, type FieldErrorRefs } from "./result";

export type ActionInput = FormData | Record<string, unknown>;

/** What an action module exports: callable with the input, or as `(previousState, formData)` by useActionState. */
export type Action<T, F extends Failure = Failure> = {
  (input: ActionInput): Promise<{ ok: true; data?: Data<T> } | F>;
  (previous: unknown, input: ActionInput): Promise<{ ok: true; data?: Data<T> } | F>;
};
/** A command that returns nothing answers `{ok: true}` (data undefined, as ActionResult<undefined> expects). */
type Data<T> = [T] extends [void] ? undefined : T;

/**
 * An action used directly as `<form action={…}>` whose answer nobody reads (it redirects): React types form actions
 * as returning void, so such a use site casts to this.
 */
export type FormAction = (formData: FormData) => Promise<void>;

export type Failure = Awaited<ReturnType<typeof toFailure>>;

type CommonOptions<F extends Failure> = {
  /** Path(s) to revalidatePath after a success. */
  revalidate?: Revalidate | Revalidate[];
  /**
   * Add to a failure what the form needs besides the message — the values to show again, the editor's conflict
   * details, a Retry-After — or put a message in the caller's language. Runs for every failure, refusals included.
   */
  failure?: (f: Failure, info: { error: unknown; input: Record<string, unknown> }) => F | Promise<F>;
};

export type ActionContext<S extends z.ZodType, A> = { db: Db; actor: A; input: z.infer<S> };

type Revalidate = string | { path: string; type: "layout" | "page" };

export type EventActionOptions<S extends z.ZodType, F extends Failure = Failure> = CommonOptions<F> & {
  /**
   * The forum the action is on, from the parsed input (default: its `eventId`). Return null when the id names
   * nothing: the caller is then refused like one without the permission. When the input is invalid, the resolver
   * sees only the fields that are themselves valid (others are undefined) — so it can still tell an organizer of
   * the forum (who gets the field errors) from anyone else (who gets "forbidden").
   */
  scope?: (db: Db, input: z.infer<S>) => Promise<string | null>;
};

const uuid = z.uuid();

export function eventAction<S extends z.ZodType, T, F extends Failure = Failure>(
  permission: Permission,
  schema: S,
  fn: (ctx: ActionContext<S, Actor>) => Promise<T> | T,
  opts: EventActionOptions<S, F> = {},
): Action<T, F> {
  return entry(opts, async (raw) => {
    const actor = await requireActor();
    const db = await getDb();
    const parsed = parseInput(schema, raw);
    const scopeInput = parsed.ok ? parsed.data : salvage(schema, raw);
    let eventId: string | null = null;
    try {
      eventId = opts.scope ? await opts.scope(db, scopeInput as z.infer<S>) : idOf((scopeInput as { eventId?: unknown } | undefined)?.eventId);
    } catch (e) {
      if (parsed.ok) throw e; // a resolver failing on valid input is a bug: logged as such
    }
    if (!(await can(actor, permission, { eventId: eventId ?? NO_FORUM }, db))) throw forbidden();
    return call(parsed, opts, (input) => fn({ db, actor, input }));
  });
}

export function userAction<S extends z.ZodType, T, F extends Failure = Failure>(
  permission: Permission,
  schema: S,
  fn: (ctx: ActionContext<S, Actor>) => Promise<T> | T,
  opts: CommonOptions<F> = {},
): Action<T, F> {
  return entry(opts, async (raw) => {
    const actor = await requireActor();
    const db = await getDb();
    if (!(await can(actor, permission, {}, db))) throw forbidden();
    return call(parseInput(schema, raw), opts, (input) => fn({ db, actor, input }));
  });
}

export function publicAction<S extends z.ZodType, T, F extends Failure = Failure>(
  reason: string,
  schema: S,
  fn: (ctx: ActionContext<S, Actor | null>) => Promise<T> | T,
  opts: CommonOptions<F> = {},
): Action<T, F> {
  void reason; // documentation: why this action is open to anyone (mirrored by the guard manifest's note)
  return entry(opts, async (raw) => {
    const actor = await currentActor();
    const parsed = parseInput(schema, raw);
    return call(parsed, opts, async (input) => fn({ db: await getDb(), actor, input }));
  });
}

// ---------------------------------------------------------------------------------------------------------------

function entry<T, F extends Failure>(opts: CommonOptions<F>, body: (raw: Record<string, unknown>) => Promise<T>): Action<T, F> {
  return async function action(...args: unknown[]) {
    const raw = plainInput(args.length >= 2 ? args[args.length - 1] : args[0]);
    try {
      return { ok: true, data: await body(raw) };
    } catch (e) {
      if (isNextControlFlow(e)) throw e;
      const f = await toFailure(e);
      return opts.failure ? await opts.failure(f, { error: e, input: raw }) : f;
    }
  } as Action<T, F>;
}

/** The input as a plain object: FormData fields (repeated keys → arrays), or the object itself. */
export function plainInput(input: unknown): Record<string, unknown> {
  if (input instanceof FormData) return formDataToObject(input);
  return input && typeof input === "object" && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
}

type Parsed<T> = { ok: true; data: T } | { ok: false; error: DomainError };

/** zod, plus the one NUL check for actions (Postgres cannot store U+0000). */
/** The tail every variant shares once the caller is let in: refuse invalid input, call, refresh the pages. */
async function call<D, T>(parsed: Parsed<D>, opts: CommonOptions<Failure>, fn: (input: D) => Promise<T> | T): Promise<T> {
  if (!parsed.ok) throw parsed.error;
  const data = await fn(parsed.data);
  revalidate(opts.revalidate);
  return data;
}

function parseInput<S extends z.ZodType>(schema: S, raw: Record<string, unknown>): Parsed<z.infer<S>> {
  const fieldErrors: FieldErrorRefs = {};
  const nul = nulPath(raw);
  if (nul !== null) fieldErrors[nul || "_"] = [NUL_MESSAGE];
  const r = schema.safeParse(raw);
  if (r.success && nul === null) return { ok: true, data: r.data };
  if (!r.success) {
    for (const [k, v] of Object.entries(issueRefs(r.error.issues))) (fieldErrors[k] ??= []).push(...v);
  }
  return { ok: false, error: new DomainError("invalid", "errors.checkFields", { fieldErrors }) };
}

/** The fields of an object schema that are valid on their own (for resolving the scope of an invalid input). */
function salvage(schema: z.ZodType, raw: Record<string, unknown>): Record<string, unknown> {
  const shape = objectShape(schema);
  if (!shape) return {};
  const out: Record<string, unknown> = {};
  for (const [k, field] of Object.entries(shape)) {
    if (nulPath(raw[k]) !== null) continue;
    const r = field.safeParse(raw[k]);
    if (r.success) out[k] = r.data;
  }
  return out;
}

function objectShape(schema: z.ZodType): Record<string, z.ZodType> | null {
  let s: unknown = schema;
  for (let i = 0; i < 8 && s; i++) {
    if (s instanceof z.ZodObject) return s.shape as Record<string, z.ZodType>;
    if (s instanceof z.ZodPipe) s = s.in instanceof z.ZodTransform ? s.out : s.in; // z.preprocess() / .transform() / .pipe()
    else return null;
  }
  return null;
}

const idOf = (v: unknown) => {
  const r = uuid.safeParse(v);
  return r.success ? r.data : null;
};

const forbidden = () => new DomainError("forbidden", "errors.forbidden");

function revalidate(r: CommonOptions<Failure>["revalidate"]) {
  for (const p of r === undefined ? [] : Array.isArray(r) ? r : [r]) {
    if (typeof p === "string") revalidatePath(p);
    else revalidatePath(p.path, p.type);
  }
}

/** redirect(), notFound(), forbidden() … throw errors Next must see; they are not failures of the action. */
function isNextControlFlow(e: unknown): boolean {
  const digest = (e as { digest?: unknown })?.digest;
  return typeof digest === "string" && /^(NEXT_REDIRECT|NEXT_NOT_FOUND|NEXT_HTTP_ERROR_FALLBACK|BAILOUT_TO_CLIENT_SIDE_RENDERING|DYNAMIC_SERVER_USAGE)/.test(digest);
}
