import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";

const NO_NEW_DATE_FORMAT = {
  selector: "NewExpression[callee.object.name='Intl'][callee.property.name='DateTimeFormat']",
  message: "Use dateFormat() from lib/i18n/format.ts (one cached formatter per locale and options), not new Intl.DateTimeFormat.",
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  // ---- arch-actions: components never import from app/. Server actions live in lib/<domain>/actions.ts
  // ("use server" modules on the family in lib/actions/define.ts), which components may import.
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(@/app/|(\\.\\./)+app/)",
              message: "Components never import from app/: put server actions in lib/<domain>/actions.ts and shared code in lib/ or components/.",
            },
          ],
        },
      ],
    },
  },
  // ---- end arch-actions
  {
    // Configuration is read in ONE place (lib/env.ts: zod-validated, typed, documented in the README).
    files: ["app/**", "lib/**", "components/**", "db/**"],
    ignores: ["lib/env.ts"],
    rules: {
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration through `env` from @/lib/env (declare new variables there)." }],
    },
  },
  {
    // The incoming request is read through ONE module (lib/http/request-headers.ts): a direct route (lib/api/routes.ts)
    // runs without Next, where next/headers does not exist. Setting a cookie (server actions) is the one exception.
    files: ["app/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}"],
    ignores: ["lib/shared/**", "lib/http/request-headers.ts", "lib/accounts/actions.ts"],
    rules: {
      "no-restricted-imports": ["error", { paths: [{ name: "next/headers", message: "Read the request through requestHeaders() / requestCookie() from @/lib/http/request-headers." }] }],
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
    // One way to get a date formatter: lib/i18n/format.ts dateFormat() keeps one per (locale, options); building one
    // per call cost ~4 % of the server's CPU in a registration rush. (app/ and components/ .tsx get the rule below,
    // merged with the contrast rule: one config's no-restricted-syntax replaces another's.)
    files: ["app/**/*.ts", "components/**/*.ts", "lib/**/*.ts", "lib/**/*.tsx", "db/**/*.ts", "scripts/**/*.ts"],
    ignores: ["lib/i18n/format.ts"],
    rules: { "no-restricted-syntax": ["error", NO_NEW_DATE_FORMAT] },
  },
  {
    // Text must reach WCAG AA contrast (4.5:1; Lighthouse accessibility 100, scripts/lighthouse.mjs --a11y): on white,
    // slate-400 is 2.6:1 and slate-300 1.5:1, so they are not text colours. Variants (placeholder:, disabled:, hover:)
    // are not matched; a decorative glyph may take them with an eslint-disable comment saying so.
    files: ["app/**/*.tsx", "components/**/*.tsx"],
    rules: {
      "no-restricted-syntax": [
        "error",
        ...["Literal[value=/(^|\\s)text-slate-[34]00(\\s|$)/]", "TemplateElement[value.raw=/(^|\\s)text-slate-[34]00(\\s|$)/]"].map((selector) => ({
          selector,
          message: "text-slate-300/400 fail WCAG AA contrast on white (2.6:1 at best): use text-slate-500 or darker.",
        })),
        NO_NEW_DATE_FORMAT,
      ],
    },
  },
  {
    files: ["next.config.js"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  globalIgnores([".next*/**", "out/**", "build/**", "next-env.d.ts", ".data*/**", "test-results/**", "playwright-report/**", "db/migrations/**", "bench/**"]),
]);
