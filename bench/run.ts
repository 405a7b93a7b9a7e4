/**
 * `npm run bench` — measured figures, printed as a table and written to bench/results.json.
 * Not part of `npm test`: numbers on a shared 2-core machine vary; each figure is printed next
 * to a baseline measured in the same run.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";

import { startBenchEnvironment } from "./environment";
import { benchLiveUpdates } from "./live-updates";

const env = await startBenchEnvironment();
try {
  const results = [await benchLiveUpdates(env)];
  for (const result of results) {
    console.log(`\n${result.name}`);
    console.log(`  ${result.dashboards} dashboards, ${result.transitions} transitions, delivered ${(result.deliveredShare * 100).toFixed(1)}%`);
    console.log(`  visible     p50 ${result.visibleMs.p50} ms   p95 ${result.visibleMs.p95} ms   p99 ${result.visibleMs.p99} ms   max ${result.visibleMs.max} ms`);
    console.log(`  baseline    webhook round trip p50 ${result.baselineWebhookRoundTripMs.p50} ms   p95 ${result.baselineWebhookRoundTripMs.p95} ms`);
  }
  mkdirSync("bench", { recursive: true });
  writeFileSync(
    "bench/results.json",
    JSON.stringify({ at: new Date().toISOString(), machine: { cpus: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version }, results }, null, 2),
  );
  console.log("\nWritten to bench/results.json");
} finally {
  await env.stop();
}
