/**
 * `npm run smoke -- --calls 10 [--url http://localhost:3000]` (1 to 1000 calls)
 * Races N simulated calls for one slot through the real endpoint and checks the invariants.
 */
import { parseArgs } from "node:util";
import nextEnv from "@next/env";

import { runSmoke } from "../lib/simulator/smoke";
import { localConfig } from "./lib/local-config";

nextEnv.loadEnvConfig(process.cwd(), true);
const config = localConfig();
const { values } = parseArgs({
  options: {
    calls: { type: "string", default: "10" },
    url: { type: "string", default: config.url },
  },
});
const calls = Number(values.calls);
if (!Number.isInteger(calls) || calls < 1 || calls > 1000) {
  console.error("--calls must be a whole number from 1 to 1000");
  process.exit(2);
}
if (!config.secret) {
  console.error(
    "No webhook secret: set VAPI_WEBHOOK_SECRET or start the app once with npm run dev.",
  );
  process.exit(2);
}

const report = await runSmoke({
  url: values.url,
  secret: config.secret,
  clinicNumber: config.clinicNumber,
  databaseUrl: config.databaseUrl,
  calls,
});
const rows: [string, string, string][] = [
  ["calls racing for one slot", String(report.calls), ""],
  [
    "winner (held the slot)",
    String(report.winners),
    report.winners === 1 ? "ok" : "BROKEN: must be 1",
  ],
  [
    "losers offered alternatives",
    String(report.losersOfferedAlternatives),
    report.losersWithoutAlternatives ? `${report.losersWithoutAlternatives} without` : "ok",
  ],
  ["winner booked", report.booked ? "yes" : "no", report.booked ? "ok" : "BROKEN"],
  [
    "double bookings",
    String(report.doubleBookings),
    report.doubleBookings === 0 ? "ok" : "BROKEN: must be 0",
  ],
  [
    "holds left dangling",
    String(report.danglingHolds),
    report.danglingHolds === 0 ? "ok" : "BROKEN: must be 0",
  ],
  [
    "hold_slot latency p50 / p99",
    `${report.holdLatencyMs.p50} / ${report.holdLatencyMs.p99} ms`,
    `max ${report.holdLatencyMs.max} ms`,
  ],
  [
    "dropped call's slot free after",
    report.dropReleaseMs === null ? "never" : `${report.dropReleaseMs} ms`,
    (report.dropReleaseMs ?? Infinity) < 1000 ? "ok" : "BROKEN: must be < 1 s",
  ],
];
for (const [label, value, verdict] of rows)
  console.log(`${label.padEnd(32)} ${value.padStart(18)}  ${verdict}`);
for (const error of report.errors) console.log(`error: ${error}`);
console.log(report.ok ? "\nSmoke test passed." : "\nSmoke test FAILED.");
process.exit(report.ok ? 0 : 1);
