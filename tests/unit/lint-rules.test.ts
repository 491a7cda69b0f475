/**
 * The layer and Drizzle lint rules of issue 14 §4 bite (eslint.config.mjs): each violation below fails `npm run lint`,
 * and the allowed neighbour of each passes. Fixture code is linted in memory under fake paths in the real tree.
 */
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const eslint = new ESLint({ cwd: ROOT });

async function ruleIds(code: string, file: string): Promise<string[]> {
  const [r] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return r.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`).filter((id) => id !== "@typescript-eslint/no-unused-vars");
}

const BOUNDARY = "import/no-restricted-paths";

describe("layer boundaries", () => {
  it("components never import db/", async () => {
    expect(await ruleIds(`import { users } from "@/db/schema";\nexport const t = users;\n`, "components/admin/violation.tsx")).toContain(BOUNDARY);
    expect(await ruleIds(`import { cn } from "@/lib/cn";\nexport const t = cn;\n`, "components/admin/fine.tsx")).not.toContain(BOUNDARY);
  }, 120_000);

  it("lib never imports app/", async () => {
    expect(await ruleIds(`import Layout from "@/app/layout";\nexport const t = Layout;\n`, "lib/events/violation.ts")).toContain(BOUNDARY);
    expect(await ruleIds(`import { users } from "@/db/schema";\nexport const t = users;\n`, "lib/events/fine.ts")).not.toContain(BOUNDARY);
  }, 120_000);

  it("db never imports lib/, except lib/shared", async () => {
    expect(await ruleIds(`import { verifyPassword } from "../../lib/auth/password";\nexport const t = verifyPassword;\n`, "db/seed/violation.ts")).toContain(BOUNDARY);
    expect(await ruleIds(`import { locales } from "../../lib/shared/locales";\nexport const t = locales;\n`, "db/schema/fine.ts")).not.toContain(BOUNDARY);
  }, 120_000);

  it("lib/shared imports nothing server-side", async () => {
    expect(await ruleIds(`import { getDb } from "@/lib/db";\nexport const t = getDb;\n`, "lib/shared/violation.ts")).toContain(BOUNDARY);
    expect(await ruleIds(`import { users } from "@/db/schema";\nexport const t = users;\n`, "lib/shared/violation.ts")).toContain(BOUNDARY);
    expect(await ruleIds(`import "server-only";\nexport const t = 1;\n`, "lib/shared/violation.ts")).toContain("no-restricted-imports");
    expect(await ruleIds(`import { readFileSync } from "node:fs";\nexport const t = readFileSync;\n`, "lib/shared/violation.ts")).toContain("no-restricted-imports");
    expect(await ruleIds(`import { locales } from "./locales";\nexport const t = locales;\n`, "lib/shared/fine.ts")).toEqual([]);
  }, 120_000);
});

describe("Drizzle writes always have a WHERE", () => {
  const head = `import { eq } from "drizzle-orm";\nimport type { Db } from "@/db/client";\nimport { users } from "@/db/schema";\n`;
  it("db.delete / tx.update without .where() is an error; with .where() it is fine; Map.delete is not Drizzle", async () => {
    expect(await ruleIds(`${head}export const f = (db: Db) => db.delete(users);\n`, "lib/accounts/violation.ts")).toContain("drizzle/enforce-delete-with-where");
    expect(await ruleIds(`${head}export const f = (tx: Db) => tx.update(users).set({ name: "x" });\n`, "lib/accounts/violation.ts")).toContain("drizzle/enforce-update-with-where");
    expect(
      await ruleIds(`${head}export const f = (tx: Db, id: string) => Promise.all([tx.delete(users).where(eq(users.id, id)), tx.update(users).set({ name: "x" }).where(eq(users.id, id))]);\n`, "lib/accounts/fine.ts"),
    ).toEqual([]);
    expect(await ruleIds(`const m = new Map<string, number>();\nexport const f = () => m.delete("a");\n`, "lib/accounts/fine.ts")).toEqual([]);
  }, 120_000);
});

describe("text colours meet WCAG AA contrast", () => {
  it("text-slate-400/300 as a text colour is an error in app/ and components/; slate-500, and placeholder: variants, are fine", async () => {
    const RULE = "no-restricted-syntax";
    expect(await ruleIds(`export const A = () => <span className="text-xs text-slate-400">x</span>;\n`, "components/ui/violation.tsx")).toContain(RULE);
    expect(await ruleIds("export const A = ({ on }: { on: boolean }) => <p className={`mt-1 ${on ? \"\" : \"x\"} text-slate-300`}>x</p>;\n", "app/violation.tsx")).toContain(RULE);
    expect(await ruleIds(`export const A = () => <span className="text-xs text-slate-500 placeholder:text-slate-400">x</span>;\n`, "components/ui/fine.tsx")).toEqual([]);
  }, 120_000);
});

describe("one way to get a date formatter", () => {
  it("new Intl.DateTimeFormat is an error outside lib/i18n/format.ts (in .ts and .tsx, next to the contrast rule); dateFormat() is fine", async () => {
    const RULE = "no-restricted-syntax";
    const bad = `export const f = (d: Date) => new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai" }).format(d);\n`;
    expect(await ruleIds(bad, "lib/events/violation.ts")).toContain(RULE);
    expect(await ruleIds(`export const A = ({ d }: { d: Date }) => <span>{new Intl.DateTimeFormat("en").format(d)}</span>;\n`, "components/ui/violation.tsx")).toContain(RULE);
    expect(await ruleIds(`export const A = () => <span className="text-slate-400">x</span>;\n`, "components/ui/violation.tsx")).toContain(RULE); // still the contrast rule
    expect(await ruleIds(bad, "lib/i18n/format.ts")).toEqual([]);
    const fine = `import { dateFormat } from "@/lib/i18n/format";\nexport const f = (d: Date) => dateFormat("zh-CN", { timeZone: "Asia/Shanghai" }).format(d);\n`;
    expect(await ruleIds(fine, "lib/events/fine.ts")).toEqual([]);
  }, 120_000);
});
