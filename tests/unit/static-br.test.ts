/** Build assets in brotli (scripts/lib/static-br.ts): compressed once, served only from the build's static folder. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { brotliDecompressSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { staticBrotli } from "../../scripts/lib/static-br";

function tree() {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), "huiwu-static-br-"));
  fs.mkdirSync(path.join(dist, "static", "chunks"), { recursive: true });
  const js = "console.log('会务');\n".repeat(500);
  fs.writeFileSync(path.join(dist, "static", "chunks", "a.js"), js);
  fs.writeFileSync(path.join(dist, "static", "chunks", "b.png"), "png");
  fs.writeFileSync(path.join(dist, "secret.js"), "outside");
  return { dist, js };
}

describe("static assets in brotli", () => {
  it("first ask starts the compression (Next answers), then every ask gets the same brotli body", async () => {
    const { dist, js } = tree();
    const s = staticBrotli(dist);
    expect(s.asset("/_next/static/chunks/a.js")).toBeNull();
    await s.settled();
    const br = s.asset("/_next/static/chunks/a.js")!;
    expect(brotliDecompressSync(br).toString("utf8")).toBe(js);
    expect(br.length).toBeLessThan(js.length / 10);
    expect(s.asset("/_next/static/chunks/a.js")).toBe(br);
  });

  it("never leaves the static folder, and leaves other types and unknown files to Next", async () => {
    const { dist } = tree();
    const s = staticBrotli(dist);
    for (const p of ["/_next/static/../secret.js", "/_next/static/%2e%2e/secret.js", "/_next/static/chunks/b.png", "/_next/static/chunks/missing.js", "/_next/static/%E0%A4%A.js", "/other/a.js"]) s.asset(p);
    await s.settled();
    for (const p of ["/_next/static/../secret.js", "/_next/static/%2e%2e/secret.js", "/_next/static/chunks/b.png", "/_next/static/chunks/missing.js", "/other/a.js"]) expect(s.asset(p), p).toBeNull();
  });

  it("answers only GET/HEAD that accept br, with immutable caching and Vary", async () => {
    const { dist } = tree();
    const s = staticBrotli(dist);
    s.asset("/_next/static/chunks/a.js");
    await s.settled();
    const res = { head: null as null | [number, Record<string, unknown>], body: undefined as unknown, writeHead(code: number, h: Record<string, unknown>) { this.head = [code, h]; }, end(b?: unknown) { this.body = b; } };
    const req = (method: string, ae: string) => ({ method, headers: { "accept-encoding": ae } }) as never;
    expect(s.serve(req("GET", "gzip, deflate"), res as never, "/_next/static/chunks/a.js")).toBe(false);
    expect(s.serve(req("POST", "br"), res as never, "/_next/static/chunks/a.js")).toBe(false);
    expect(s.serve(req("GET", "gzip, deflate, br"), res as never, "/_next/static/chunks/a.js")).toBe(true);
    expect(res.head![0]).toBe(200);
    expect(res.head![1]).toMatchObject({ "content-encoding": "br", "cache-control": "public, max-age=31536000, immutable", vary: "Accept-Encoding" });
    expect(String(res.head![1]["content-type"])).toContain("javascript");
  });
});
