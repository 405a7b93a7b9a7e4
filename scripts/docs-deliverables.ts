/**
 * `npm run docs:deliverables` — regenerates docs/deliverables/: the SQL schema with RLS and the
 * demo clinic's full Vapi assistant JSON, as a clinic's engineer would take them to Supabase
 * and Vapi. Tests fail when these files fall out of date.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { Client } from "pg";

import { loadAssistantSource } from "../lib/db/assistant";
import { wrap } from "../lib/db/transaction";
import { buildAssistant } from "../lib/vapi/assistant";
import { prepareDatabase } from "./lib/database";
import { ASSISTANT_FILE, EXAMPLE_APP_URL, SCHEMA_FILE, schemaSql } from "./lib/deliverables";
import { freePort } from "./lib/ports";

writeFileSync(SCHEMA_FILE, schemaSql());
const dataDir = path.join((await import("node:os")).tmpdir(), `callwaiting-docs-${process.pid}`);
const db = await prepareDatabase({
  dataDir,
  port: await freePort(),
  persistent: false,
  fast: true,
  seed: true,
});
const client = new Client({ connectionString: db.url });
await client.connect();
try {
  const source = await loadAssistantSource(wrap(client), "c1a1c000-0000-4000-8000-000000000001");
  const assistant = buildAssistant(source, {
    serverUrl: `${EXAMPLE_APP_URL}/api/webhooks/vapi`,
    credentialId: "<your Vapi credential id>",
  });
  writeFileSync(ASSISTANT_FILE, `${JSON.stringify(assistant, null, 2)}\n`);
} finally {
  await client.end();
  await db.stop();
}
console.log(`Wrote ${SCHEMA_FILE} and ${ASSISTANT_FILE}`);
