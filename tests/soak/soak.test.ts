import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { SimulatorOptions } from "@/lib/simulator/client";
import {
  danglingHolds,
  doubleBookings,
  followUpTally,
  unauditedCalls,
  unfinishedCalls,
} from "@/lib/simulator/invariants";
import { runScenario, SCENARIO_NAMES } from "@/lib/simulator/scenarios";

import { startAppServer, type AppServer } from "../../scripts/lib/app-server";
import { prepareDatabase, type PreparedDatabase } from "../../scripts/lib/database";
import { freePort } from "../../scripts/lib/ports";
import { startTwilioDouble } from "../doubles/twilio";
import { waitFor } from "../helpers/follow-ups";
import { CLINIC_NUMBER } from "../helpers/vapi";

// The long version of the fault tests, behind a flag (`npm run test:soak`, not part of npm test):
// calls of every scenario keep arriving while PostgreSQL is restarted and the app is SIGKILLed
// and restarted in turn; afterwards every invariant must hold. SOAK_MINUTES (default 5),
// SOAK_CALLS concurrent calls (default 16), SOAK_CHAOS_SECONDS between faults (default 40).
const MINUTES = Number(process.env.SOAK_MINUTES ?? 5);
const CONCURRENT = Number(process.env.SOAK_CALLS ?? 16);
const CHAOS_SECONDS = Number(process.env.SOAK_CHAOS_SECONDS ?? 40);
const SECRET = "soak-webhook-secret-0123456789";
const TWILIO_AUTH_TOKEN = "soak-twilio-token-0123456789";

let dataDir: string;
let port: number;
let db: PreparedDatabase;
let twilio: Awaited<ReturnType<typeof startTwilioDouble>>;
let server: AppServer;
let env: Record<string, string>;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "callwaiting-soak-"));
  port = await freePort();
  db = await prepareDatabase({ dataDir, port, persistent: true, fast: false, seed: true });
  twilio = await startTwilioDouble({ authToken: TWILIO_AUTH_TOKEN });
  env = {
    DATABASE_URL: db.url,
    DATA_DIR: dataDir,
    AUTH_JWT_SECRET: "soak-session-secret-0123456789abcdef",
    VAPI_WEBHOOK_SECRET: SECRET,
    FOLLOW_UP_AGENT_SECRET: "soak-agent-secret-0123456789",
    SMS_PROVIDER: "twilio",
    TWILIO_AUTH_TOKEN,
    TWILIO_ACCOUNT_SID: `AC${"0".repeat(32)}`,
    TWILIO_API_BASE_URL: twilio.url,
    TWILIO_TIMEOUT_MS: "2000",
    FOLLOW_UP_CLAIM_TIMEOUT_SECONDS: "5",
  };
  server = await startAppServer(env);
}, 180_000);
afterAll(async () => {
  await server?.stop();
  await twilio?.close();
  await db?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(`soak: ${MINUTES} min of calls through database restarts and app crashes`, () => {
  it(
    "keeps every invariant",
    async () => {
      // One options object: when the app comes back on a new port, every call follows it.
      const simulator: SimulatorOptions = {
        url: server.url,
        secret: SECRET,
        clinicNumber: CLINIC_NUMBER,
        speed: 0.05,
        retryUnavailableMs: 60_000,
      };
      const deadline = Date.now() + MINUTES * 60_000;
      const vapiCallIds: string[] = [];
      const statuses = new Map<number, number>();
      const errors: string[] = [];
      const faults = { databaseRestarts: 0, appCrashes: 0 };

      const caller = async (index: number) => {
        for (let round = 0; Date.now() < deadline; round++) {
          const scenario = SCENARIO_NAMES[(index + round) % SCENARIO_NAMES.length]!;
          try {
            const run = await runScenario(scenario, simulator);
            vapiCallIds.push(run.vapiCallId);
            for (const step of run.steps)
              statuses.set(step.status, (statuses.get(step.status) ?? 0) + 1);
          } catch (error) {
            errors.push(`${scenario}: ${(error as Error).message}`);
          }
        }
      };
      const chaos = async () => {
        for (let turn = 0; ; turn++) {
          await sleep(CHAOS_SECONDS * 1000);
          if (Date.now() > deadline - 10_000) return;
          if (turn % 2 === 0) {
            await db.stop();
            await sleep(1500);
            db = await prepareDatabase({
              dataDir,
              port,
              persistent: true,
              fast: false,
              seed: false,
            });
            faults.databaseRestarts++;
          } else {
            await server.kill();
            server = await startAppServer(env);
            simulator.url = server.url;
            faults.appCrashes++;
          }
        }
      };
      await Promise.all([
        chaos(),
        ...Array.from({ length: CONCURRENT }, (_, index) => caller(index)),
      ]);

      const owner = new Client({ connectionString: db.url });
      await owner.connect();
      try {
        // Follow-ups left claimed by a crash are taken again after the 5 s claim timeout.
        const tally = await waitFor(
          () => followUpTally(owner, vapiCallIds),
          (value) => value.waiting === 0,
          { timeoutMs: 120_000 },
        );
        const texted = await owner.query<{ to_number: string; sent: number }>(
          `select f.to_number, count(*) filter (where f.status = 'sent')::int as sent
             from public.follow_ups f join public.calls c on c.id = f.call_id where c.vapi_call_id = any($1) group by f.to_number`,
          [vapiCallIds],
        );
        const textsTo = new Map<string, number>();
        for (const text of twilio.messages) textsTo.set(text.to, (textsTo.get(text.to) ?? 0) + 1);
        // Sent once each: a retry after a crash finds the text Twilio already accepted.
        const missing = texted.rows.filter(
          (row) => (textsTo.get(row.to_number) ?? 0) < row.sent,
        ).length;
        const extra = texted.rows.reduce(
          (sum, row) => sum + Math.max(0, (textsTo.get(row.to_number) ?? 0) - row.sent),
          0,
        );

        const summary = {
          calls: vapiCallIds.length,
          faults,
          statuses: Object.fromEntries(statuses),
          errors: errors.slice(0, 5),
          followUps: tally,
          extraTexts: extra,
          doubleBookings: await doubleBookings(owner),
          danglingHolds: await danglingHolds(owner),
          unfinishedCalls: await unfinishedCalls(owner, vapiCallIds),
          unauditedCalls: await unauditedCalls(owner, vapiCallIds),
        };
        console.log(`[soak] ${JSON.stringify(summary)}`);

        expect(faults.databaseRestarts + faults.appCrashes).toBeGreaterThan(0);
        expect(errors).toEqual([]);
        expect([...statuses.keys()].filter((status) => status >= 500)).toEqual([]);
        expect(summary).toMatchObject({
          doubleBookings: 0,
          danglingHolds: 0,
          unfinishedCalls: 0,
          unauditedCalls: 0,
        });
        expect(tally).toMatchObject({ failed: 0, waiting: 0 });
        expect(missing).toBe(0);
        expect(extra).toBe(0);
      } finally {
        await owner.end();
      }
    },
    (MINUTES + 5) * 60_000,
  );
});
