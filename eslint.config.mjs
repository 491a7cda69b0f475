import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Configuration is read in ONE place (lib/env.ts: zod-validated, typed, documented in the README).
    files: ["app/**", "lib/**", "components/**", "db/**"],
    ignores: ["lib/env.ts"],
    rules: {
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration through `env` from @/lib/env (declare new variables there)." }],
    },
  },
  // ---- arch-ui: layer boundaries (components → app is arch-actions' block). app → lib → db; lib/shared is
  // the client-safe bottom layer that db/schema and components both import.
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}", "db/**/*.ts"],
    rules: {
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            { target: "./components", from: "./db", message: "Components never import db/: read data in a page or through lib/<domain>." },
            { target: "./lib", from: "./app", message: "lib/ never imports app/: move the shared code into lib/." },
            { target: "./db", from: "./lib", except: ["./shared"], message: "db/ never imports lib/ (only lib/shared): inject what it needs." },
            { target: "./lib/shared", from: ["./app", "./db", "./components"], message: "lib/shared is imported by client code: nothing server-side in it." },
            { target: "./lib/shared", from: "./lib", except: ["./shared"], message: "lib/shared is imported by client code: it imports only lib/shared." },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/shared/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: ["server-only", "drizzle-orm", "postgres", "@electric-sql/pglite", "next/headers"].map((name) => ({ name, message: "lib/shared is imported by client code: nothing server-side in it." })),
          patterns: [{ regex: "^(node:|drizzle-orm/)", message: "lib/shared is imported by client code: nothing server-side in it." }],
        },
      ],
    },
  },
  {
    // An UPDATE or DELETE through the Drizzle handle (db / tx) always has a .where(): no accidental whole-table writes.
    files: ["app/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}", "db/**/*.ts", "scripts/**/*.ts"],
    plugins: { drizzle },
    rules: {
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
    },
  },
  // ---- end arch-ui
  {
    files: ["next.config.js"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  globalIgnores([".next*/**", "out/**", "build/**", "next-env.d.ts", ".data*/**", "test-results/**", "playwright-report/**", "db/migrations/**", "bench/**"]),
]);
