/**
 * Issue 15: public pages ship no client-side message catalogue. `pickMessages` cuts a route group's part of it, and
 * the import walk below proves the public pages' client components need none: no "use client" module reachable from
 * them (statically: a `dynamic(() => import(…))` chunk loads only where it renders) imports next-intl or Radix.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { messagesByLocale } from "@/lib/i18n/messages";
import { pickMessages } from "@/lib/i18n/pick";

describe("pickMessages", () => {
  const zh = messagesByLocale["zh-CN"] as unknown as Record<string, Record<string, unknown>>;

  it("keeps the nesting of the namespaces it picks, and nothing else", () => {
    const picked = pickMessages(zh, ["events.parallel", "ui"]);
    expect(Object.keys(picked).sort()).toEqual(["events", "ui"]);
    expect(picked.events).toEqual({ parallel: zh.events.parallel });
    expect(picked.ui).toBe(zh.ui);
  });

  it("merges a namespace with one of its parts in either order, without touching the catalogue", () => {
    const before = JSON.stringify(zh);
    expect(pickMessages(zh, ["events.parallel", "events"]).events).toEqual(zh.events);
    expect(pickMessages(zh, ["events", "events.parallel"]).events).toEqual(zh.events);
    expect(pickMessages(zh, ["registration.mine", "registration.myAgenda"]).registration).toEqual({ mine: zh.registration.mine, myAgenda: zh.registration.myAgenda });
    expect(JSON.stringify(zh)).toBe(before);
  });

  it("refuses a namespace the catalogue does not have", () => {
    expect(() => pickMessages(zh, ["events.noSuchPart"])).toThrow(/events\.noSuchPart/);
  });
});

const ROOT = path.resolve(import.meta.dirname, "../..");

function resolveImport(from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? path.join(ROOT, spec.slice(2)) : spec.startsWith(".") ? path.resolve(path.dirname(from), spec) : null;
  if (!base) return null;
  for (const f of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) if (fs.existsSync(f) && fs.statSync(f).isFile()) return f;
  return null;
}

/** Every package a client module reachable from `entries` imports statically, with the module that imports it. */
function clientPackages(entries: string[]): Map<string, string> {
  const out = new Map<string, string>();
  const seen = new Set<string>();
  const walk = (file: string, client: boolean) => {
    const key = `${file}:${client}`;
    if (seen.has(key)) return;
    seen.add(key);
    const src = fs.readFileSync(file, "utf8");
    const isClient = client || /^\s*(?:\/\*[\s\S]*?\*\/\s*)?["']use client["']/.test(src);
    // static imports and re-exports only; type-only imports vanish at build time
    for (const m of src.matchAll(/^(?:import|export)\s+(?!type\s)[^;]*?from\s+["']([^"']+)["']/gm)) {
      const target = resolveImport(file, m[1]);
      if (target) walk(target, isClient);
      else if (isClient && !m[1].startsWith(".") && !m[1].startsWith("@/")) out.set(m[1], path.relative(ROOT, file));
    }
  };
  for (const e of entries) walk(path.join(ROOT, e), false);
  return out;
}

describe("public pages' client code", () => {
  const pages = [
    "app/layout.tsx",
    "app/error.tsx",
    "app/not-found.tsx",
    "app/(public)/layout.tsx",
    "app/(public)/page.tsx",
    "app/(public)/events/[slug]/page.tsx",
    "app/(public)/events/[slug]/agenda/page.tsx",
    "app/(public)/reports/page.tsx",
    "app/(public)/reports/[slug]/page.tsx",
    "app/(public)/speakers/page.tsx",
    "app/(public)/speakers/[id]/page.tsx",
  ];

  it("imports neither next-intl (no client catalogue, no message formatter) nor Radix", () => {
    const pkgs = clientPackages(pages);
    const offending = [...pkgs].filter(([p]) => p === "next-intl" || p.startsWith("use-intl") || p.startsWith("@radix-ui/"));
    // A client island on these pages takes its texts as props translated on the server (see ParallelGroup), and loads
    // heavy widgets with next/dynamic where they render (see components/layout/account-dropdown-lazy.tsx).
    expect(offending, "client modules of the public pages that import next-intl or Radix [package, importer]").toEqual([]);
    expect(pkgs.get("next/navigation")).toBe("components/layout/language-switch.tsx"); // the walk does see the client side
  });

  it("would notice: the register form's page does load next-intl on the client", () => {
    expect(clientPackages(["app/(public)/events/[slug]/register/page.tsx"]).has("next-intl")).toBe(true);
  });
});
