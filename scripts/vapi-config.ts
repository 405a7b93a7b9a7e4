/**
 * `npm run vapi:config -- --clinic harbour-aesthetics [--profile low_latency] [--url https://app.example.com]`
 * Prints the clinic's full Vapi assistant JSON, built from the database (no patient data).
 */
import path from "node:path";
import { parseArgs } from "node:util";

import nextEnv from "@next/env";
import { Client } from "pg";

import { loadAssistantSource } from "../lib/db/assistant";
import { wrap } from "../lib/db/transaction";
import { assistantFor, buildAssistant, LATENCY_PROFILES, type LatencyProfile } from "../lib/vapi/assistant";
import { prepareDatabase } from "./lib/database";
import { localConfig } from "./lib/local-config";

nextEnv.loadEnvConfig(process.cwd(), true);
const config = localConfig();
const { values } = parseArgs({ options: { clinic: { type: "string" }, profile: { type: "string" }, url: { type: "string", default: config.url } } });
if (!values.clinic) {
  console.error("usage: npm run vapi:config -- --clinic <slug> [--profile standard|low_latency] [--url <public app url>]");
  process.exit(2);
}
if (values.profile && !LATENCY_PROFILES.includes(values.profile as LatencyProfile)) {
  console.error(`--profile must be one of ${LATENCY_PROFILES.join(", ")}`);
  process.exit(2);
}

// The running app's database, or the embedded one started just for this.
let embedded: { stop(): Promise<void> } | undefined;
let client = new Client({ connectionString: config.databaseUrl });
try {
  await client.connect();
} catch (error) {
  if (process.env.DATABASE_URL || (error as { code?: string }).code !== "ECONNREFUSED") throw error;
  const db = await prepareDatabase({ dataDir: path.resolve(process.env.DATA_DIR ?? ".data"), port: Number(process.env.EMBEDDED_PG_PORT ?? 54329), seed: false });
  embedded = db;
  client = new Client({ connectionString: db.url });
  await client.connect();
}
try {
  const clinic = await client.query<{ id: string }>("select id from public.clinics where slug = $1", [values.clinic]);
  if (!clinic.rows[0]) {
    console.error(`No clinic with slug "${values.clinic}"`);
    process.exit(1);
  }
  const source = await loadAssistantSource(wrap(client), clinic.rows[0].id);
  const env = { APP_URL: values.url, VAPI_CREDENTIAL_ID: process.env.VAPI_CREDENTIAL_ID };
  const assistant = values.profile
    ? buildAssistant(source, { serverUrl: `${values.url.replace(/\/$/, "")}/api/webhooks/vapi`, credentialId: env.VAPI_CREDENTIAL_ID, profile: values.profile as LatencyProfile })
    : assistantFor(source, env);
  console.log(JSON.stringify(assistant, null, 2));
} finally {
  await client.end();
  await embedded?.stop();
}
