import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      "@/": root,
      // `server-only` throws outside React Server Components; tests run that code directly.
      "server-only": fileURLToPath(new URL("./tests/helpers/server-only.ts", import.meta.url)),
    },
  },
  test: {
    projects: [
      // Unit tests share module state by design (no database, no server): worker threads that
      // keep modules loaded between files take the unit projects from 45 s + 18 s to 17 s + 9 s
      // on two cores (import time was most of it). They also pass with --sequence.shuffle.
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
          pool: "threads",
          isolate: false,
        },
      },
      {
        extends: true,
        // Hooks and components, in a browser-like DOM.
        test: {
          name: "unit-dom",
          include: ["tests/unit/**/*.test.tsx"],
          environment: "happy-dom",
          pool: "threads",
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One database for the run: files share it, so run them one at a time.
          fileParallelism: false,
          // In one process whose modules stay loaded (every file points lib/env at the same
          // database and server): 21 s of imports become 5 s.
          isolate: false,
        },
      },
      {
        extends: true,
        // Long fault runs behind a flag: `npm run test:soak` (SOAK_MINUTES, SOAK_CALLS), never in npm test.
        test: {
          name: "soak",
          include: ["tests/soak/**/*.test.ts"],
          environment: "node",
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
