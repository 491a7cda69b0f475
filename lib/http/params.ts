/**
 * Path parameters of route handlers (issue 12 item 10): a slug or id that cannot exist — NUL, wrong shape, absurd
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
