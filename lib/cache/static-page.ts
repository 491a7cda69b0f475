/**
 * Anonymous public pages served without React's runtime (issue 15, "public pages": ≤ 120 KB of gzipped JavaScript,
 * where React and Next's router alone weigh 132 KB).
 *
 * A cached public page is what an anonymous visitor reads: its links are plain links and its islands (the language
 * switch, the print button, the agenda's room filter) are answered by public/islands.js, not by React. Hydrating it
 * would download and run React, Next's router and the page's RSC payload for nothing. So when the page cache stores a
 * page (lib/cache/page-cache.ts), it drops Next's scripts from the HTML — the `/_next/` script files and their
 * preloads, Turbopack's chunk list and the inline RSC payload (`self.__next_f`) — and keeps everything else (styles,
 * metadata, islands.js, any other inline script). Links then load pages in full, each a cache hit.
 *
 * Only when that is safe: every client component the page's RSC payload references must be inert without React —
 * Next's own (its router's boundaries, `next/link`, which renders an <a>) or one listed in INERT_APP_MODULES. A page
 * that renders any other client component (a form, a dropdown, a provider) keeps React, untouched. The module ids come
 * from the build's client-reference manifests (`inertClientModules`), so this holds for pages not written yet.
 * Signed-in visitors, client-side navigations and pages with the cache off are rendered by Next as always.
 *
 * Pure apart from reading the manifests: the front (scripts/serve.ts) loads the ids once at start.
 */
import fs from "node:fs";
import path from "node:path";
import { SCRIPT_ELEMENT as SCRIPT } from "@/lib/http/security-headers";

/**
 * The app's client modules a page needs no React for: the error page's texts (a context for app/error.tsx), the error
 * page itself (a client error boundary; without React there are no client errors), and the language switch, whose
 * markup public/islands.js answers (React only turns its reload into a soft refresh).
 */
const INERT_APP_MODULES = ["components/i18n/error-page-text.tsx", "app/error.tsx", "components/layout/language-switch.tsx"];
const INERT = new RegExp(`^\\[project\\]/(?:node_modules/next/dist/|${INERT_APP_MODULES.map((m) => m.replace(/[.]/g, "\\.")).join("|")})`);

type Manifest = { clientModules: Record<string, { id: string | number }> };

/**
 * The ids of the inert client modules, from every client-reference manifest under the build's `server/app/(public)`
 * (the pages the cache stores). Null when there is no such build (then no page is served without React).
 */
export function inertClientModules(distDir: string): Set<string> | null {
  const root = path.resolve(distDir, "server", "app", "(public)");
  if (!fs.existsSync(root)) return null;
  const ids = new Set<string>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, e.name);
      if (e.isDirectory()) walk(file);
      else if (e.name.endsWith("_client-reference-manifest.js")) {
        const m = manifestOf(fs.readFileSync(file, "utf8"));
        if (!m) unreadable = true;
        else for (const [key, mod] of Object.entries(m.clientModules ?? {})) if (INERT.test(key)) ids.add(String(mod.id));
      }
    }
  };
  let unreadable = false;
  walk(root);
  return ids.size && !unreadable ? ids : null; // a manifest this code cannot read: no page is called inert
}

/**
 * The manifest object of a `*_client-reference-manifest.js` file: Next writes it as
 * `globalThis.__RSC_MANIFEST["<page>"] = <JSON>;` after one line that creates the map. Read as JSON, not run as code
 * (a V8 context per file cost ~40 ms each at start). Null when the file is not of that form.
 */
export function manifestOf(source: string): Manifest | null {
  const at = /globalThis\.__RSC_MANIFEST\[("(?:[^"\\]|\\.)*")\]\s*=\s*/.exec(source);
  if (!at) return null;
  try {
    return JSON.parse(source.slice(at.index + at[0].length).trim().replace(/;$/, "")) as Manifest;
  } catch {
    return null;
  }
}

const FLIGHT = /^\s*self\.__next_f\.push\((\[[\s\S]*\])\)\s*;?\s*$/;

/** The client-reference module ids of a page's RSC payload (its `I[…]` rows), or null if it has no payload. */
export function clientReferences(html: string): string[] | null {
  let payload = "";
  let found = false;
  for (const m of html.matchAll(SCRIPT)) {
    const f = FLIGHT.exec(m[2]);
    if (!f) continue;
    found = true;
    try {
      const chunk = JSON.parse(f[1]) as unknown[];
      if (chunk[0] === 1 && typeof chunk[1] === "string") payload += chunk[1];
      else if (chunk[0] !== 0 && chunk[0] !== 2) return null; // binary rows (3): not read here, so not known to be inert
    } catch {
      return null; // a payload this code does not understand: treat the page as unknown
    }
  }
  if (!found) return null;
  const ids: string[] = [];
  for (const row of payload.matchAll(/(?:^|\n)[0-9a-f]+:I\[("(?:[^"\\]|\\.)*"|\d+),/g)) ids.push(row[1].startsWith('"') ? (JSON.parse(row[1]) as string) : row[1]);
  return ids;
}

/** Next's own script: a file under /_next/, Turbopack's chunk list, or the RSC payload. */
function isNextScript(attrs: string, body: string): boolean {
  const src = /\bsrc\s*=\s*"([^"]*)"/i.exec(attrs)?.[1];
  if (src !== undefined) return src.startsWith("/_next/");
  return /^\s*\(?self\.__next_f\b/.test(body) || /^\s*\(globalThis\["TURBOPACK"\]/.test(body);
}

/**
 * The page without React's runtime, or null when it must keep it (a client component that is not inert, or no RSC
 * payload found — not a page rendered by Next as this code knows it).
 */
export function withoutReactRuntime(html: string, inert: Set<string>): string | null {
  const refs = clientReferences(html);
  if (!refs || refs.some((id) => !inert.has(id))) return null;
  return html
    .replace(SCRIPT, (tag, attrs: string, body: string) => (isNextScript(attrs, body) ? "" : tag))
    .replace(/<link\b[^>]*>/gi, (tag) => (/\brel="(?:preload|modulepreload)"/i.test(tag) && /\bhref="\/_next\/[^"]*\.js"/i.test(tag) ? "" : tag));
}
