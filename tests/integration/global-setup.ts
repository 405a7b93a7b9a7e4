import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

import { startAppServer } from "../../scripts/lib/app-server";
import { prepareDatabase } from "../../scripts/lib/database";
import { freePort } from "../../scripts/lib/ports";
import { startTwilioDouble } from "../doubles/twilio";
import { startVapiDouble } from "../doubles/vapi";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    dataDir: string;
    appUrl: string;
    webhookSecret: string;
    twilioUrl: string;
    vapiUrl: string;
  }
}

export const WEBHOOK_SECRET = "integration-webhook-secret-0123456789";
export const TWILIO_AUTH_TOKEN = "integration-twilio-token-0123456789";
export const AUTH_JWT_SECRET = "integration-session-secret-0123456789abcdef";
export const AGENT_SECRET = "integration-agent-secret-0123456789";
export const CRON_SECRET = "integration-cron-secret-0123456789";
export const TWILIO_ACCOUNT_SID = `AC${"0".repeat(32)}`;
export const VAPI_API_KEY = "integration-vapi-private-key";

/**
 * A real PostgreSQL (embedded, migrated, seeded) and the real Next.js production server on
 * top of it, shared by the integration tests and thrown away after.
 */
export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "callwaiting-it-"));
  const db = await prepareDatabase({
    dataDir,
    port: await freePort(),
    persistent: false,
    fast: true,
    seed: true,
  });
  // Follow-up texts go through the real Twilio SDK to a local double of Twilio's API.
  const twilio = await startTwilioDouble({ authToken: TWILIO_AUTH_TOKEN });
  // Pushes to Vapi (the clinic's number, assistants) go through the real SDK to a double of
  // Vapi's API, which checks the Twilio account the server imports numbers with.
  const vapi = await startVapiDouble(VAPI_API_KEY, {
    twilio: { accountSid: TWILIO_ACCOUNT_SID, authToken: TWILIO_AUTH_TOKEN },
  });
  const server = await startAppServer({
    DATABASE_URL: db.url,
    DATA_DIR: dataDir,
    AUTH_JWT_SECRET,
    VAPI_WEBHOOK_SECRET: WEBHOOK_SECRET,
    TWILIO_AUTH_TOKEN,
    TWILIO_ACCOUNT_SID,
    TWILIO_API_BASE_URL: twilio.url,
    TWILIO_TIMEOUT_MS: "1000",
    SMS_PROVIDER: "twilio",
    FOLLOW_UP_AGENT_SECRET: AGENT_SECRET,
    CRON_SECRET,
    VAPI_API_KEY,
    VAPI_API_BASE_URL: vapi.url,
  });
  project.provide("databaseUrl", db.url);
  project.provide("dataDir", dataDir);
  project.provide("appUrl", server.url);
  project.provide("webhookSecret", WEBHOOK_SECRET);
  project.provide("twilioUrl", twilio.url);
  project.provide("vapiUrl", vapi.url);
  return async () => {
    await server.stop();
    await twilio.close();
    await vapi.close();
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
