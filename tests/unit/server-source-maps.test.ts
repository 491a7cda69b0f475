/**
 * The production server keeps no source maps of the modules it loads after start-up (scripts/lib/source-maps.ts):
 * under tsx Node would keep every one Next's chunks ship (~64 MB of heap, issue 15), unless --enable-source-maps asks.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SERVER_NODE_ARGS } from "../../scripts/lib/server-runtime.mjs";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** In a server-like process (the server's own loader flags): is the map of a module loaded before / after the call kept? */
function keptMaps(nodeOptions = "") {
  const script = `
    const fs = require("node:fs"), os = require("node:os"), path = require("node:path"), { findSourceMap } = require("node:module");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "huiwu-maps-"));
    const mod = (name) => {
      const map = Buffer.from(JSON.stringify({ version: 3, sources: [name + ".ts"], sourcesContent: ["x".repeat(1000)], names: [], mappings: "AAAA" })).toString("base64");
      const file = path.join(dir, name + ".js");
      fs.writeFileSync(file, "module.exports = 1;\\n//# sourceMappingURL=data:application/json;base64," + map + "\\n");
      require(file);
      return Boolean(findSourceMap(file));
    };
    const before = mod("before");
    require(${JSON.stringify(path.join(ROOT, "scripts/lib/source-maps.ts"))}).withoutSourceMaps();
    const after = mod("after");
    fs.rmSync(dir, { recursive: true, force: true });
    console.log(JSON.stringify({ before, after }));`;
  const env = { ...process.env, NODE_OPTIONS: nodeOptions };
  const r = spawnSync(process.execPath, [...SERVER_NODE_ARGS, "-e", script], { cwd: ROOT, env, encoding: "utf8", timeout: 60_000 });
  expect(r.stderr).toBe("");
  return JSON.parse(r.stdout.trim()) as { before: boolean; after: boolean };
}

describe("the server's source maps", () => {
  it("keeps none of modules loaded after withoutSourceMaps() (tsx had turned them on: kept before)", () => {
    expect(keptMaps()).toEqual({ before: true, after: false });
  });

  it("keeps them when --enable-source-maps asks for them", () => {
    expect(keptMaps("--enable-source-maps")).toEqual({ before: true, after: true });
  });
});
