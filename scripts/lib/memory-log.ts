import fs from "node:fs";

/**
 * HUIWU_MEMORY_LOG=<file> (the benchmark sets it): append process.memoryUsage() as a JSON line every 250 ms, so a
 * run can say per phase whether memory is V8 heap, native (external) or ArrayBuffers (PGlite's WASM heap is one).
 * Each of the server's threads writes its own: the back end's lines (no `thread`: its heap is Next's, the one the
 * bench reports as the server's), the front's (`thread: "front"`), PGlite's (`thread: "pglite"`, db/pglite-worker.mjs).
 * rss is the whole process's, whichever thread reads it.
 */
export function logMemory(file: string | undefined, thread?: string) {
  if (!file) return;
  setInterval(() => fs.appendFile(file, JSON.stringify({ t: Date.now(), ...(thread ? { thread } : {}), ...process.memoryUsage() }) + "\n", () => {}), 250).unref();
}
