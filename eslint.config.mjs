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
    files: ["next.config.js"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  globalIgnores([".next*/**", "out/**", "build/**", "next-env.d.ts", ".data*/**", "test-results/**", "playwright-report/**", "db/migrations/**", "bench/**"]),
]);
