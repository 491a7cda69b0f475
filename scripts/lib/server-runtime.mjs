/**
 * Environment of the server process that only takes effect at process start (so `scripts/serve.ts` cannot set it
 * itself): `npm start` (scripts/start.mjs) and `npm run bench` (scripts/bench/lib.ts) start the server with it.
 *
 * glibc malloc, measured by `npm run bench` (issue 15): argon2 sign-ups (19 MiB each, on the libuv threads), zlib and
 * brotli buffers are large, short-lived native allocations. By default glibc gives each thread its own arena and
 * raises its mmap threshold after the first large free, so those blocks are then carved from arenas that never shrink;
 * the server kept ~280 MB of native memory beyond the V8 heap and PGlite's WASM heap. Two arenas and a fixed 128 KiB
 * mmap threshold (large blocks are mmapped and returned on free) cut that by ~115 MB. A variable already set wins.
 */
export const SERVER_RUNTIME_ENV = { MALLOC_ARENA_MAX: "2", MALLOC_MMAP_THRESHOLD_: "131072" };
