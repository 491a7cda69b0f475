import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error plain ESM script without types
import { buildHash } from "../../scripts/start.mjs";

/** `npm start` builds only when an input of the build changed (issue 13 §15). */
describe("npm start's build hash", () => {
  function tree() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "huiwu-start-"));
    fs.mkdirSync(path.join(dir, "app"));
    fs.mkdirSync(path.join(dir, "node_modules"));
    fs.writeFileSync(path.join(dir, "app", "page.tsx"), "export default 1;");
    fs.writeFileSync(path.join(dir, "package-lock.json"), "{}");
    fs.writeFileSync(path.join(dir, "README.md"), "readme");
    return dir;
  }

  it("is stable, ignores non-inputs, and changes with any source, the lockfile or the dist dir", () => {
    const dir = tree();
    const h = buildHash(dir, ".next");
    expect(buildHash(dir, ".next")).toBe(h);
    fs.writeFileSync(path.join(dir, "README.md"), "changed readme");
    fs.writeFileSync(path.join(dir, "node_modules", "x.js"), "1");
    expect(buildHash(dir, ".next")).toBe(h);
    expect(buildHash(dir, ".next-other")).not.toBe(h);
    fs.writeFileSync(path.join(dir, "app", "page.tsx"), "export default 2;");
    const h2 = buildHash(dir, ".next");
    expect(h2).not.toBe(h);
    fs.writeFileSync(path.join(dir, "package-lock.json"), '{"a":1}');
    expect(buildHash(dir, ".next")).not.toBe(h2);
    fs.writeFileSync(path.join(dir, "app", "new.tsx"), "");
    expect(buildHash(dir, ".next")).not.toBe(h2);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
