import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", ".data/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Env is read in one place (lib/env.ts) so a missing variable fails loudly, once.
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration through lib/env.ts." }],
    },
  },
  {
    // lib/db is the data layer beneath every domain (docs/architecture.md): it imports only
    // itself, lib/env and the shared types/. The dashboard's query files listed here still take
    // Claims and page types from elsewhere until their reads take a transaction instead.
    files: ["lib/db/**"],
    ignores: ["lib/db/{aftercare-admin,bookings,call-detail,catalog,clinics,live-calls,procedures-admin}.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/*", "!@/lib/db", "!@/lib/env", "../*"],
              message: "lib/db imports no domain folder: move the type to types/ or the logic to the domain.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/env.ts", "instrumentation.ts", "scripts/**", "bench/**", "e2e/**", "tests/**", "playwright.config.ts", "vitest.config.ts"],
    rules: { "no-restricted-properties": "off" },
  },
];

export default config;
