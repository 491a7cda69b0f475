import { describe, expect, it } from "vitest";
import { messagesByLocale } from "@/lib/i18n/messages";

function keys(obj: unknown, prefix = ""): string[] {
  if (obj === null || typeof obj !== "object") return [prefix];
  return Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("UI strings", () => {
  it("en has exactly the keys of zh-CN, none empty", () => {
    const zh = keys(messagesByLocale["zh-CN"]).sort();
    const en = keys(messagesByLocale.en).sort();
    expect(en).toEqual(zh);
    const flat = (o: unknown): string[] => (o && typeof o === "object" ? Object.values(o).flatMap(flat) : [String(o)]);
    for (const v of [...flat(messagesByLocale["zh-CN"]), ...flat(messagesByLocale.en)]) expect(v.trim()).not.toBe("");
  });
});
