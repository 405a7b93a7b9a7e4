/**
 * `npm run bench` — measured figures, printed as a table and written to bench/results.json.
 * Not part of `npm test`: numbers on a shared 2-core machine vary, so each figure is printed
 * next to a baseline measured in the same run. `npm run bench -- hold tools` runs only some.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";

import { benchAvailability, printAvailability } from "./availability";
import { startBenchEnvironment } from "./environment";
import type { BenchEnvironment } from "./environment";
import { benchFollowUpLag, printFollowUpLag } from "./follow-up-lag";
import { benchHoldContention, printHoldContention } from "./hold-contention";
import { benchLiveUpdates, printLiveUpdates } from "./live-updates";
import { benchRedaction, printRedaction } from "./redaction";
import { benchReminders, printReminders } from "./reminders";
import { benchToolLatency, printToolLatency } from "./tool-latency";
import { benchWholeCalls, printWholeCalls } from "./whole-calls";

const FIGURES = {
  hold: async (env: BenchEnvironment) =>
    printed(await benchHoldContention(env), printHoldContention),
  tools: async (env: BenchEnvironment) => printed(await benchToolLatency(env), printToolLatency),
  live: async (env: BenchEnvironment) => printed(await benchLiveUpdates(env), printLiveUpdates),
  "follow-ups": async (env: BenchEnvironment) =>
    printed(await benchFollowUpLag(env), printFollowUpLag),
  calls: async (env: BenchEnvironment) => printed(await benchWholeCalls(env), printWholeCalls),
  redaction: async () => printed(benchRedaction(), printRedaction),
  reminders: async (env: BenchEnvironment) => printed(await benchReminders(env), printReminders),
  availability: async (env: BenchEnvironment) =>
    printed(await benchAvailability({ databaseUrl: env.databaseUrl }), printAvailability),
};
type Figure = keyof typeof FIGURES;

function printed<T>(result: T, print: (result: T) => void): T {
  print(result);
  return result;
}

const asked = process.argv.slice(2).filter((arg) => arg !== "--");
const unknown = asked.filter((name) => !(name in FIGURES));
if (unknown.length) {
  console.error(
    `Unknown figure ${unknown.join(", ")}; choose from ${Object.keys(FIGURES).join(", ")}.`,
  );
  process.exit(2);
}
const figures = (asked.length ? asked : Object.keys(FIGURES)) as Figure[];

const env = await startBenchEnvironment();
try {
  const results: Record<string, unknown> = {};
  for (const figure of figures) results[figure] = await FIGURES[figure](env);
  mkdirSync("bench", { recursive: true });
  writeFileSync(
    "bench/results.json",
    `${JSON.stringify({ at: new Date().toISOString(), machine: { cpus: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version }, results }, null, 2)}\n`,
  );
  console.log("\nWritten to bench/results.json");
} finally {
  await env.stop();
}
