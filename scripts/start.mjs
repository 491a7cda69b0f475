#!/usr/bin/env node
/**
 * `npm start`: build only when something that affects the build changed, then serve.
 *
 * The inputs of `next build` (sources, messages, public assets, lockfile, configs) are hashed; the hash is kept in
 * `<distDir>/huiwu-build-hash` after a successful build. Same hash and a complete build → serve at once. Anything else
 * (first start, a pulled change, an interrupted build, another NEXT_DIST_DIR) → `next build` first.
 * `HUIWU_FORCE_BUILD=1` always builds.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { SERVER_RUNTIME_ENV } from "./lib/server-runtime.mjs";

const root = path.resolve(import.meta.dirname, "..");
const distDir = process.env.NEXT_DIST_DIR || ".next";
const stamp = path.join(root, distDir, "huiwu-build-hash");

/** Folders and files whose content goes into the build. */
const INPUTS = ["app", "components", "lib", "db", "messages", "public", "instrumentation.ts", "next.config.js", "package-lock.json", "package.json", "postcss.config.mjs", "tsconfig.json"];
const SKIP = new Set(["node_modules", ".git"]);

function walk(root, rel, out) {
  const abs = path.join(root, rel);
  let st;
  try {
    st = fs.statSync(abs);
  } catch {
    return;
  }
  if (st.isDirectory()) {
    for (const name of fs.readdirSync(abs).sort()) {
      if (SKIP.has(name) || name.startsWith(".")) continue;
      walk(root, path.join(rel, name), out);
    }
  } else if (st.isFile()) {
    out.push(rel);
  }
}

/** sha256 over the build inputs of `root` (paths and contents) and the dist dir name. */
export function buildHash(root, distDir) {
  const files = [];
  for (const input of INPUTS) walk(root, input, files);
  const h = createHash("sha256");
  h.update(`dist:${distDir}\n`);
  for (const f of files) {
    h.update(`${f}\n`);
    h.update(fs.readFileSync(path.join(root, f)));
    h.update("\n");
  }
  return h.digest("hex");
}

function npm(script, env = process.env) {
  const r = spawnSync(process.platform === "win32" ? "npm.cmd" : "npm", ["run", script], { cwd: root, stdio: "inherit", env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const want = buildHash(root, distDir);
  const have = fs.existsSync(stamp) ? fs.readFileSync(stamp, "utf8").trim() : "";
  const complete = fs.existsSync(path.join(root, distDir, "BUILD_ID"));
  if (process.env.HUIWU_FORCE_BUILD === "1" || want !== have || !complete) {
    if (fs.existsSync(stamp)) fs.rmSync(stamp);
    npm("build");
    fs.writeFileSync(stamp, `${want}\n`);
  } else {
    console.log(`Build is up to date (${distDir}, sources unchanged): serving it. HUIWU_FORCE_BUILD=1 rebuilds.`);
  }
  npm("serve", { ...SERVER_RUNTIME_ENV, ...process.env }); // the server's malloc and heap settings, not the build's
}
