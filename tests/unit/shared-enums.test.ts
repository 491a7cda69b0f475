/** lib/shared: one definition of each vocabulary, one source of its labels (issue 14 §3, issue 13 item 11). */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { messagesByLocale } from "@/lib/i18n/messages";
import { DELEGATE_CATEGORIES, EVENT_STATUSES, HOST_ROLES, LABELLED, REGISTRATION_SOURCES, REGISTRATION_STATUSES, SESSION_KINDS } from "@/lib/shared/enums";

const ROOT = path.resolve(import.meta.dirname, "../..");

describe("shared vocabularies", () => {
  it("every value has a label in the shared namespace, in both locales", () => {
    for (const locale of ["zh-CN", "en"] as const) {
      const shared = messagesByLocale[locale].shared as Record<string, Record<string, string>>;
      for (const [ns, values] of Object.entries(LABELLED)) {
        expect(Object.keys(shared[ns] ?? {}).sort(), `${locale} shared.${ns}`).toEqual([...values].sort());
      }
    }
  });

  it("no other namespace repeats a vocabulary's labels (one source for charts, forms, tables, exports)", () => {
    const tuples = Object.entries(LABELLED).map(([ns, v]) => [ns, [...v].sort().join(",")] as const);
    const copies: string[] = [];
    const walk = (o: unknown, where: string) => {
      if (!o || typeof o !== "object") return;
      const keys = Object.keys(o).sort().join(",");
      for (const [ns, k] of tuples) if (k === keys && ns !== "rank" && !where.startsWith("shared.") && !where.endsWith("Help")) // help texts per value are not labels copies.push(`${where} (= shared.${ns})`);
      for (const [k, v] of Object.entries(o)) walk(v, where ? `${where}.${k}` : k);
    };
    walk(messagesByLocale["zh-CN"], "");
    expect(copies).toEqual([]);
  });

  it("the database enums are the shared tuples", () => {
    expect(schema.delegateCategory.enumValues).toEqual([...DELEGATE_CATEGORIES]);
    expect(schema.sessionKind.enumValues).toEqual([...SESSION_KINDS]);
    expect(schema.registrationStatus.enumValues).toEqual([...REGISTRATION_STATUSES]);
    expect(schema.registrationSource.enumValues).toEqual([...REGISTRATION_SOURCES]);
    expect(schema.eventStatus.enumValues).toEqual([...EVENT_STATUSES]);
    expect(schema.hostRole.enumValues).toEqual([...HOST_ROLES]);
  });

  it("no literal copy of a vocabulary outside lib/shared (app, lib, components, db/schema)", () => {
    // A list is "copied" when 3+ of a tuple's values appear as adjacent string literals, e.g. ["government", "park", "expert"].
    const lists = [DELEGATE_CATEGORIES, SESSION_KINDS, REGISTRATION_STATUSES, REGISTRATION_SOURCES, HOST_ROLES, EVENT_STATUSES];
    const patterns = lists.map((l) => new RegExp(l.slice(0, 3).map((v) => `["']${v}["']`).join(",\\s*")));
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
        const rel = path.join(dir, e.name);
        if (e.isDirectory()) {
          if (rel !== path.join("lib", "shared") && rel !== path.join("db", "migrations") && rel !== path.join("db", "seed")) walk(rel);
        } else if (/\.(ts|tsx)$/.test(e.name)) {
          const src = fs.readFileSync(path.join(ROOT, rel), "utf8");
          if (patterns.some((p) => p.test(src))) offenders.push(rel);
        }
      }
    };
    for (const d of ["app", "lib", "components", "db"]) walk(d);
    expect(offenders).toEqual([]);
  });
});
