/**
 * Environment of the server process that only takes effect at process start (so `scripts/serve.ts` cannot set it
 * itself): `npm start` (scripts/start.mjs) and `npm run bench` (scripts/bench/lib.ts) start the server with it.
 * A variable already set in the environment wins (NODE_OPTIONS as a whole).
 *
 * Measured by `npm run bench` (issue 15, under load, peak RSS of the whole run):
 *
 * - glibc malloc: argon2 sign-ups (19 MiB each, on the libuv threads), zlib and brotli buffers are large, short-lived
 *   native allocations. By default glibc gives each thread its own arena and raises its mmap threshold after the first
 *   large free, so those blocks are then carved from arenas that never shrink: the server kept ~280 MB of native
 *   memory beyond the V8 heap and PGlite's WASM heap. Two arenas and a fixed 128 KiB mmap threshold (large blocks are
 *   mmapped and returned on free): ~165 MB. PGlite 893 → 736 MB.
 * - V8: with the default limit (a quarter of the machine's memory, up to 4 GB) the heap grows to ~340 MB though the
 *   live data stays under 200 MB (heapUsed peaked at 199 MB with the cap below, through the 10,000-registration
 *   forum, its exports and the 600-user rush). A 256 MB old space and 8 MB semi-spaces make V8 collect sooner:
 *   Postgres 563 → 409 MB, with every measure passing as before. The cap is 384 MB, not the 256 measured: live data
 *   reached ~214 MB in the seating editor of a 10,000-registration forum, and on PGlite one idle run lost the server
 *   there ("fetch failed") — headroom is worth more than the last MBs. Raise it (NODE_OPTIONS) for much larger forums.
 *   Since the server keeps no source maps (scripts/lib/source-maps.ts) heapUsed peaks at ~130–150 MB there.
 *   Semi-spaces 8 → 4 MB (stop 26; BENCHMARKS.md): peak RSS of the whole bench on Postgres 356–368 → 290–297 MB,
 *   PGlite 434 → 421 MB (two full runs each, one machine). The same phase alone, alternating the two settings twice
 *   (the 10,000-registration forum: lists, exports, desks): no slower — first list page 129–132 against 168–192 ms,
 *   ten desks p95 28–30 against 29–34 ms; the 600-user rush 11,928 against 12,368/min alone, 14,548–15,577 in the
 *   full runs.
 * - libuv's pool (argon2 hashing, zlib, fs) no larger than the machine's cores (default 4): each argon2 hash holds
 *   19 MiB, and on 2 cores four at once are not faster than two. The 600-user rush alone on Postgres: peak RSS
 *   322 → 286 MB at the same rate.
 */
import os from "node:os";

/**
 * How Node runs the server's TypeScript (`npm run serve`, the bench, the e2e server): tsx's CommonJS hooks only.
 * `--import tsx` also registers its ES-module hooks, which Node runs on a thread of their own with its own V8 heap
 * for the life of the process: ~20 MB of RSS for nothing, since the server's own files are CommonJS (no "type":
 * "module") and Next is loaded with a plain import() of a package. Consequence: what scripts/serve.ts imports must
 * be requireable (no ES-module-only package on that path; the app's own code is bundled by Next and unaffected).
 */
export const SERVER_NODE_ARGS = ["--require", "tsx/cjs"];

export const SERVER_RUNTIME_ENV = {
  UV_THREADPOOL_SIZE: String(Math.min(4, Math.max(2, os.availableParallelism()))),
  MALLOC_ARENA_MAX: "2",
  MALLOC_MMAP_THRESHOLD_: "131072",
  NODE_OPTIONS: "--max-old-space-size=384 --max-semi-space-size=4",
};
