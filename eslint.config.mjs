import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  // ---- arch-actions (issue 14 §4): components never import from app/. Server actions live in lib/<domain>/actions.ts
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
    files: ["next.config.js"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  globalIgnores([".next*/**", "out/**", "build/**", "next-env.d.ts", ".data*/**", "test-results/**", "playwright-report/**", "db/migrations/**", "bench/**"]),
]);
