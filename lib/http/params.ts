/**
 * Path parameters of route handlers: a slug or id that cannot exist — NUL, wrong shape, absurd
 * length — is answered 404 before it reaches Postgres (which would 500 on NUL or on a malformed uuid). Query strings
 * get zod schemas too; a bad value there is 422. Used through the route family's `params:` / `query:` options.
 */
import { z } from "zod";

/** A forum or report slug: no control characters (NUL included) or slashes, at most 200 characters. */
export const slugParam = z.string().min(1).max(200).regex(/^[^\u0000-\u001f\u007f/\\]+$/);
/** A row id. */
export const uuidParam = z.uuid();
/** An opaque token in a URL (reply links, calendar feeds): URL-safe characters only. */
export const tokenParam = z.string().min(8).max(200).regex(/^[A-Za-z0-9_.~-]+$/);

export const slugParams = z.object({ slug: slugParam });
export const idParams = z.object({ id: uuidParam });

/**
 * Query strings of console PAGES (issue 12 item 10). A page answers a hand-edited or stale URL with its default view,
 * never a 500 and never an error page: a value that is malformed or out of range is IGNORED (the default applies and
 * the filter form shows it empty), e.g. `/admin/users?page=1e308` is page 1, `/admin/audit?from=2025-13-45` has no
 * start date. Route handlers (the API) are strict instead and answer 422 (`query:` schemas of the route family).
 * Each takes what Next gives a page: string, string[] (a repeated key: malformed) or undefined.
 */
const pageValue = (v: unknown) => (typeof v === "string" ? v.trim() : v);

/** A 1-based page number (at most `max`), else 1. */
export const pageNumberParam = (max = 100_000) => z.preprocess(pageValue, z.coerce.number().int().min(1).max(max)).catch(1);

/** A positive integer id cursor that Postgres bigint and JS numbers both hold exactly, else undefined. */
export const idCursorParam = z.preprocess(pageValue, z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional()).catch(undefined);

/** A small positive integer (a version number: Postgres integer), else undefined. */
export const intParam = z.preprocess(pageValue, z.coerce.number().int().min(1).max(2_147_483_647).optional()).catch(undefined);

/** "YYYY-MM-DD" that is a real calendar day (2025-13-45 and 2025-02-30 are not), else undefined. */
export const isoDayParam = z
  .preprocess(
    pageValue,
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .refine((d) => {
        const t = new Date(`${d}T00:00:00Z`);
        return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
      })
      .optional(),
  )
  .catch(undefined);
