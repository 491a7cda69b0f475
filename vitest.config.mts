import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "tests/fixtures/empty.ts"),
    },
  },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/db/**/*.test.ts"],
    environment: "node",
    setupFiles: ["tests/setup/next.ts"],
    // a bearer token's revocation or demotion counts at the very next request (the cache re-reads the user's version
    // each time); tests/db/token-cache.test.ts sets its own window and proves it holds
    env: { AUTH_CACHE_RECHECK_MS: "0" },
    // next-auth imports "next/server" without an extension (fine for bundlers, not for Node ESM): let Vite resolve it.
    server: { deps: { inline: ["next-auth", "@auth/core"] } },
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // PGlite instances are memory-hungry WASM; two workers match the 2-core CI machine.
    maxWorkers: 2,
  },
});
