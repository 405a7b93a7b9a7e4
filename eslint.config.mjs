import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import reactHooks from "eslint-plugin-react-hooks";

// Imports point down: app/ may use components/, hooks/ and lib/; components/ may use hooks/ and
// lib/; hooks/ and lib/ use neither. Relative paths that climb into those folders count too.
const intoApp = {
  regex: "^(@/|(\\.\\./)+)app(/|$)",
  message:
    "Only app/ imports from app/. Server actions live in lib/actions, shared code in lib/ or components/.",
};
const intoComponents = {
  regex: "^(@/|(\\.\\./)+)components(/|$)",
  message:
    "lib/ and hooks/ do not import components/. Move what both need into lib/ (React context: lib/realtime/provider.tsx).",
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      ".data/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      // Env is read in one place (lib/env.ts) so a missing variable fails loudly, once.
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through lib/env.ts." },
      ],
    },
  },
  {
    ignores: ["app/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [intoApp] }] },
  },
  {
    files: ["lib/**", "hooks/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [intoApp, intoComponents] }] },
  },
  {
    files: [
      "lib/env.ts",
      "instrumentation.ts",
      "scripts/**",
      "bench/**",
      "e2e/**",
      "tests/**",
      "playwright.config.ts",
      "vitest.config.ts",
      "next.config.mjs",
    ],
    rules: { "no-restricted-properties": "off" },
  },
  {
    // lib/db is the data layer beneath everything (docs/architecture.md): it imports only itself,
    // lib/env and the shared types/, never a domain, a provider or the UI. Last in this list, so
    // for lib/db it replaces any wider no-restricted-imports rule above.
    files: ["lib/db/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/*", "!@/lib", "@/lib/*", "!@/lib/db", "!@/lib/env", "!@/types", "../*"],
              message:
                "lib/db imports only lib/db, lib/env and types/: move the type to types/ or the logic to its domain.",
            },
          ],
        },
      ],
    },
  },
  {
    // The React Compiler's checks (react-hooks/* but the two classic rules) compile every
    // function of every file they see; code with no React in it (tests, scripts, the bench, the
    // server-only domain and data layers) has nothing for them to judge. Half of lint's time.
    files: ["tests/**/*.ts", "e2e/**", "scripts/**", "bench/**", "lib/**/*.ts", "supabase/**"],
    ignores: ["tests/**/*.tsx", "lib/**/*.tsx"],
    rules: Object.fromEntries(
      Object.keys(reactHooks.rules)
        .filter((rule) => rule !== "rules-of-hooks" && rule !== "exhaustive-deps")
        .map((rule) => [`react-hooks/${rule}`, "off"]),
    ),
  },
];

export default config;
