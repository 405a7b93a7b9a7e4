import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

import { loadAssistantSource } from "@/lib/db/assistant";
import { wrap } from "@/lib/db/transaction";
import { buildAssistant } from "@/lib/vapi/assistant";

import {
  ASSISTANT_FILE,
  EXAMPLE_APP_URL,
  SCHEMA_FILE,
  schemaSql,
} from "../../scripts/lib/deliverables";
import { HARBOUR, ownerClient } from "../helpers/db";

// docs/deliverables is what a clinic's engineer takes to Supabase and Vapi: it must match the code.
describe("docs/deliverables (run `npm run docs:deliverables` to refresh)", () => {
  it("has the current schema", () => {
    expect(readFileSync(SCHEMA_FILE, "utf8")).toBe(schemaSql());
  });

  it("has the current assistant configuration for the demo clinic", async () => {
    const client = await ownerClient();
    try {
      const source = await loadAssistantSource(wrap(client), HARBOUR);
      const assistant = buildAssistant(source, {
        serverUrl: `${EXAMPLE_APP_URL}/api/webhooks/vapi`,
        credentialId: "<your Vapi credential id>",
      });
      expect(JSON.parse(readFileSync(ASSISTANT_FILE, "utf8"))).toEqual(
        JSON.parse(JSON.stringify(assistant)),
      );
    } finally {
      await client.end();
    }
  });
});
