import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import type { TestProject } from "vitest/node";

import { prepareDatabase } from "../../scripts/lib/database";
import { freePort } from "../../scripts/lib/ports";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    dataDir: string;
    appUrl: string;
    webhookSecret: string;
  }
}

export const WEBHOOK_SECRET = "integration-webhook-secret-0123456789";
export const TWILIO_AUTH_TOKEN = "integration-twilio-token-0123456789";

/**
 * A real PostgreSQL (embedded, migrated, seeded) and the real Next.js production server on
 * top of it, shared by the integration tests and thrown away after.
 */
export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "callwaiting-it-"));
  const db = await prepareDatabase({ dataDir, port: await freePort(), persistent: false, fast: true, seed: true });

  if (!existsSync(".next/BUILD_ID")) {
    const build = spawnSync(path.resolve("node_modules/.bin/next"), ["build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (build.status !== 0) throw new Error("next build failed");
  }
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  const server = spawn(path.resolve("node_modules/.bin/next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: db.url,
      DATA_DIR: dataDir,
      APP_URL: appUrl,
      AUTH_JWT_SECRET: "integration-session-secret-0123456789abcdef",
      VAPI_WEBHOOK_SECRET: WEBHOOK_SECRET,
      TWILIO_AUTH_TOKEN,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  await waitForHealth(appUrl, server);

  project.provide("databaseUrl", db.url);
  project.provide("dataDir", dataDir);
  project.provide("appUrl", appUrl);
  project.provide("webhookSecret", WEBHOOK_SECRET);
  return async () => {
    server.kill("SIGTERM");
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}

async function waitForHealth(url: string, server: ChildProcess) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("next start did not become healthy within 60 s");
}
