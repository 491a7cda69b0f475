/** The lint rule bites: a component importing from app/ fails `npm run lint` (eslint.config.mjs). */
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

async function lint(code: string, file: string) {
  const eslint = new ESLint({ cwd: ROOT });
  const [r] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return r.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("components never import from app/", () => {
  it("an @/app/ or ../app/ import in components/ is an error; lib/ actions are fine; pages may import app/", async () => {
    expect(await lint(`import { x } from "@/app/admin/events/actions";\nexport const y = x;\n`, "components/admin/violation.tsx")).toEqual([expect.stringContaining("never import from app/")]);
    expect(await lint(`import { x } from "../../app/admin/actions";\nexport const y = x;\n`, "components/admin/violation.tsx")).toHaveLength(1);
    expect(await lint(`import { x } from "@/lib/events/actions";\nexport const y = x;\n`, "components/admin/fine.tsx")).toEqual([]);
    expect(await lint(`import { x } from "@/app/admin/x";\nexport const y = x;\n`, "app/admin/page-like.tsx")).toEqual([]);
  }, 120_000);
});
