/**
 * `npm run dev` — one command from a fresh clone to a running app on the embedded defaults:
 * starts PostgreSQL (embedded, under .data/, unless DATABASE_URL is set), applies the platform
 * shim and migrations, seeds the demo clinic, and runs Next.js on http://localhost:3000.
 *
 *   --prod         build if needed, then `next start` instead of `next dev`
 *   --port N       app port (default PORT or 3000)
 *   --ephemeral    throw-away database and files in a temp folder (end-to-end tests)
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import nextEnv from "@next/env";

import { devAddresses } from "../config/dev-origins.mjs";
import { prepareDatabase, SEEDED_STAFF } from "./lib/database";
import { freePort } from "./lib/ports";
import { localSecrets } from "./lib/secrets";

nextEnv.loadEnvConfig(process.cwd(), !process.argv.includes("--prod"));

const { values } = parseArgs({
  options: {
    prod: { type: "boolean", default: false },
    port: { type: "string" },
    ephemeral: { type: "boolean", default: false },
  },
});

const appPort = Number(values.port ?? process.env.PORT ?? 3000);
const dataDir = values.ephemeral
  ? mkdtempSync(path.join(os.tmpdir(), "callwaiting-"))
  : path.resolve(process.env.DATA_DIR ?? ".data");
const log = (line: string) => console.log(`[callwaiting] ${line}`);

async function main() {
  const useExternal = Boolean(process.env.DATABASE_URL) && !values.ephemeral;
  const db = await prepareDatabase({
    databaseUrl: useExternal ? process.env.DATABASE_URL : undefined,
    dataDir,
    port: values.ephemeral ? await freePort() : Number(process.env.EMBEDDED_PG_PORT ?? 54329),
    persistent: !values.ephemeral,
    fast: values.ephemeral,
    seed: !useExternal || process.env.SEED_ON_START === "true",
    log,
  });

  const secrets = await localSecrets(dataDir);
  const appUrl =
    process.env.APP_URL && !values.ephemeral ? process.env.APP_URL : `http://localhost:${appPort}`;
  const env = {
    ...process.env,
    // Generated secrets fill gaps; anything set explicitly wins.
    ...Object.fromEntries(Object.entries(secrets).filter(([key]) => !process.env[key])),
    DATABASE_URL: db.url,
    DATA_DIR: dataDir,
    APP_URL: appUrl,
    PORT: String(appPort),
    NEXT_TELEMETRY_DISABLED: "1",
    ENABLE_CALL_SIMULATOR: process.env.ENABLE_CALL_SIMULATOR ?? (useExternal ? "false" : "true"),
  };

  const nextBin = path.resolve("node_modules/.bin/next");
  if (values.prod && !existsSync(".next/BUILD_ID")) {
    log("No production build found: running next build");
    const build = spawnSync(nextBin, ["build"], { stdio: "inherit", env });
    if (build.status !== 0) throw new Error("next build failed");
  }

  log(
    `Database: ${db.embedded ? "embedded PostgreSQL" : "DATABASE_URL"}; files in ${path.join(dataDir, "storage")}`,
  );
  if (!useExternal) {
    log("Sign in with a seeded account:");
    for (const staff of SEEDED_STAFF)
      log(`  ${staff.role.padEnd(12)} ${staff.email} / ${staff.password}`);
  }
  log(`App: ${appUrl}`);
  // Every address it answers on works in a browser: next.config.mjs allows them all as dev
  // origins (config/dev-origins.mjs).
  if (!values.prod)
    log(
      `Also at: ${devAddresses(appPort)
        .filter((url) => !url.startsWith(appUrl))
        .join(", ")}`,
    );

  const child = spawn(nextBin, [values.prod ? "start" : "dev", "-p", String(appPort)], {
    stdio: "inherit",
    env,
  });
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    child.kill("SIGTERM");
    await db.stop().catch(() => undefined);
    if (values.ephemeral) rmSync(dataDir, { recursive: true, force: true });
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  child.on("exit", (code) => void shutdown(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(`[callwaiting] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
