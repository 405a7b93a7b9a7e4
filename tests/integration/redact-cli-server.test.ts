import { spawnSync } from "node:child_process";
import path from "node:path";
import type { Client } from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { ownerClient } from "../helpers/db";
import { newCall } from "../helpers/vapi";

// The CLI and the server give the same output for the same clinic: a whole call posted to the
// real server as an end-of-call report, and the same turns through `npm run redact --
// --clinic harbour-aesthetics` (which loads the clinic's configuration from this database).
let db: Client;
beforeAll(async () => {
  db = await ownerClient();
});
afterAll(async () => {
  await db.end();
});

const TURNS: { role: "assistant" | "caller"; text: string }[] = [
  { role: "assistant", text: "Harbour Aesthetics, this is Voxanne. How can I help?" },
  { role: "caller", text: "hi i'd like to book botox with doctor okafor" },
  { role: "assistant", text: "Of course. Can I take your full name?" },
  { role: "caller", text: "olivia grant g r a n t" },
  { role: "assistant", text: "Thank you, Olivia. And your date of birth?" },
  { role: "caller", text: "fourth of march seventy one" },
  { role: "assistant", text: "And the best number to reach you on?" },
  { role: "caller", text: "oh seven seven double oh" },
  { role: "caller", text: "nine hundred one two three" },
  { role: "caller", text: "and my patient portal password is hunter two thanks" },
];

describe("npm run redact --clinic", { timeout: 120_000 }, () => {
  it("stores exactly what the CLI prints for the same call and clinic", async () => {
    const call = newCall();
    await call.status("in-progress");
    const sent = await call.report(
      "customer-ended-call",
      TURNS.map((turn) => ({ role: turn.role === "caller" ? "user" : "bot", message: turn.text })),
    );
    expect(sent.status).toBe(200);
    const stored = await db.query<{ text: string }>(
      `select l.text from public.logs l join public.calls c on c.id = l.call_id
        where c.vapi_call_id = $1 order by l.seq`,
      [call.id],
    );

    const cli = spawnSync(
      path.resolve("node_modules/.bin/tsx"),
      ["--conditions=react-server", "scripts/redact.ts", "--clinic", "harbour-aesthetics"],
      {
        input: TURNS.map((turn) => JSON.stringify({ call: "c1", ...turn })).join("\n"),
        encoding: "utf8",
        env: { ...process.env, DATABASE_URL: inject("databaseUrl") },
      },
    );
    expect(cli.stderr).toBe("");
    const printed = cli.stdout
      .trim()
      .split("\n")
      .map((line) => (JSON.parse(line) as { text: string }).text);

    expect(printed).toEqual(stored.rows.map((row) => row.text));
    // And it is the whole-call redaction: the bare answers, the split number, the secret.
    expect(printed.join("\n")).not.toMatch(/olivia|g r a n t|march|seventy|double oh|hunter/i);
    expect(printed[1]).toContain("botox");
  });
});
