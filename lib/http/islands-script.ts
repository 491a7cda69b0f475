import "server-only";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { isProduction } from "@/lib/env";

/** Where public/islands.js is served; next.config.js gives this path, when asked with `?v=`, a year's immutable caching. */
export const ISLANDS_PATH = "/islands.js";

let versioned: string | undefined;

/**
 * The islands script's URL for the root layout: `/islands.js?v=<hash of its bytes>` (issue 15). With a URL that
 * changes whenever the file does, browsers keep it for a year without asking again, so a page view is one request,
 * not two (a plain `/islands.js` is `max-age=0`: every page view revalidated it with Next). Computed once per
 * production process (public/ does not change under a running server); in development on every render, so an edit
 * shows at once. Without the file (a broken checkout) the plain path: the page still renders and says nothing new.
 */
export function islandsScriptSrc(): string {
  if (versioned && isProduction()) return versioned;
  try {
    const bytes = readFileSync(path.join(process.cwd(), "public", "islands.js"));
    versioned = `${ISLANDS_PATH}?v=${createHash("sha256").update(bytes).digest("base64url").slice(0, 16)}`;
  } catch {
    return ISLANDS_PATH;
  }
  return versioned;
}
