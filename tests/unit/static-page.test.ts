/**
 * Anonymous public pages stored without React's runtime (lib/cache/static-page.ts, issue 15): Next's scripts go, the
 * rest of the page stays, and a page referencing any client component that is not inert keeps React untouched.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cachedPage, registerInertClientModules, registerPublicVersionSource } from "@/lib/cache/page-cache";
import { clientReferences, inertClientModules, withoutReactRuntime } from "@/lib/cache/static-page";

/** A page as Next 16 (Turbopack) renders it: its RSC payload split over two pushes, rows referencing client modules. */
function page(refs: string[], extra = "") {
  const rows = ['1:"$Sreact.fragment"', '4:"/_next/static/chunks/a.js"', ...refs.map((id, i) => `${(16 + i).toString(16)}:I[${id},["$4"],"default"]`), "0:{}"].join("\n") + "\n";
  const cut = Math.floor(rows.length / 2);
  const push = (s: string) => `<script>self.__next_f.push(${JSON.stringify([1, s])})</script>`;
  return [
    '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"/>',
    '<link rel="stylesheet" href="/_next/static/chunks/x.css" data-precedence="next"/>',
    '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/b.js"/>',
    '<link rel="preload" as="image" href="/media/photo.webp"/>',
    '<script src="/_next/static/chunks/a.js" async=""></script><script src="/islands.js" async=""></script>',
    '<script src="/_next/static/chunks/polyfills.js" noModule=""></script>',
    '<title>议程</title></head><body><main><a href="/speakers">嘉宾</a>',
    '<button type="button" data-island="language-switch">English</button></main>',
    '<script id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/chunks/b.js"]})</script>',
    "<script>(self.__next_f=self.__next_f||[]).push([0])</script>",
    push(rows.slice(0, cut)),
    push(rows.slice(cut)),
    extra,
    "</body></html>",
  ].join("");
}

describe("a page without React's runtime", () => {
  const inert = new Set(["339756", "522016"]);

  it("reads the client references of the RSC payload, across pushes", () => {
    expect(clientReferences(page(["339756", "522016", "222018"]))).toEqual(["339756", "522016", "222018"]);
    expect(clientReferences(page(['"[project]/components/x.tsx [app-client]"']))).toEqual(["[project]/components/x.tsx [app-client]"]);
    expect(clientReferences("<html><body>no payload</body></html>")).toBeNull();
  });

  it("drops Next's scripts and script preloads and keeps everything else", () => {
    const out = withoutReactRuntime(page(["339756", "522016"], '<script type="application/ld+json">{"@type":"Event"}</script>'), inert)!;
    expect(out).not.toBeNull();
    expect(out).not.toMatch(/_next\/static\/chunks\/[ab]\.js|polyfills|__next_f|TURBOPACK/);
    for (const kept of ['href="/_next/static/chunks/x.css"', 'href="/media/photo.webp"', '<script src="/islands.js" async=""></script>', "<title>议程</title>", '<a href="/speakers">嘉宾</a>', 'data-island="language-switch"', '<script type="application/ld+json">{"@type":"Event"}</script>'])
      expect(out).toContain(kept);
  });

  it("keeps React for a page that references a client component that is not inert (negative control)", () => {
    const html = page(["339756", "182162"]); // 182162: say, the registration form
    expect(withoutReactRuntime(html, inert)).toBeNull();
    expect(withoutReactRuntime(html, new Set([...inert, "182162"]))).not.toBeNull(); // the same page, were it inert
  });

  it("keeps React for what it cannot read: no payload, an unparsable or a binary chunk", () => {
    expect(withoutReactRuntime("<html><body><script src=\"/_next/static/chunks/a.js\"></script></body></html>", inert)).toBeNull();
    expect(withoutReactRuntime(page(["339756"], "<script>self.__next_f.push([1,x])</script>"), inert)).toBeNull();
    expect(withoutReactRuntime(page(["339756"], '<script>self.__next_f.push([3,"AAAA"])</script>'), inert)).toBeNull();
  });
});

describe("the inert modules, from the build's client-reference manifests", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it("are Next's own and the listed app modules, never another client component", () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "static-page-"));
    const at = path.join(dir, "server", "app", "(public)", "events", "[slug]");
    fs.mkdirSync(at, { recursive: true });
    const modules = {
      "[project]/node_modules/next/dist/esm/client/components/layout-router.js": { id: 339756 },
      "[project]/node_modules/next/dist/client/app-dir/link.js": { id: 522016 },
      "[project]/components/i18n/error-page-text.tsx": { id: 222018 },
      "[project]/app/error.tsx": { id: 408821 },
      "[project]/components/registrations/register-form.tsx": { id: 182162 },
      "[project]/node_modules/next-intl/dist/esm/production/shared/NextIntlClientProvider.js": { id: 175696 },
    };
    fs.writeFileSync(path.join(at, "page_client-reference-manifest.js"), `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\nglobalThis.__RSC_MANIFEST["/(public)/events/[slug]/page"] = ${JSON.stringify({ clientModules: modules })};`);
    expect([...inertClientModules(dir)!].sort()).toEqual(["222018", "339756", "408821", "522016"]);
    expect(inertClientModules(path.join(dir, "missing"))).toBeNull();
    // one manifest it cannot read (not Next's form): then no page is called inert at all
    fs.writeFileSync(path.join(at, "..", "page_client-reference-manifest.js"), "module.exports = {}");
    expect(inertClientModules(dir)).toBeNull();
  });
});

describe("the page cache stores such pages without React once the front registers the inert modules", () => {
  afterEach(() => registerInertClientModules(null));

  it("stores the stripped page, and the page as rendered when one of its client components is not inert", async () => {
    registerPublicVersionSource(async () => 1);
    const render = (html: string) => async () => new Response(html, { headers: { "content-type": "text/html; charset=utf-8" } });
    registerInertClientModules(new Set(["339756"]));
    const stripped = await cachedPage(`zh-CN|/static-test-${Date.now()}`, render(page(["339756"])));
    expect(stripped!.body.toString()).not.toContain("/_next/static/chunks/a.js");
    const kept = await cachedPage(`zh-CN|/static-test-kept-${Date.now()}`, render(page(["339756", "182162"])));
    expect(kept!.body.toString()).toBe(page(["339756", "182162"]));
    registerInertClientModules(null);
    const unregistered = await cachedPage(`zh-CN|/static-test-off-${Date.now()}`, render(page(["339756"])));
    expect(unregistered!.body.toString()).toBe(page(["339756"]));
  });
});
