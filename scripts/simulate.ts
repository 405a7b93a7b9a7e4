/**
 * `npm run simulate -- [--scenario books|mentions-facelift-no-booking|drops-during-hold|asks-for-human]
 *                      [--url http://localhost:3000] [--speed 1]`
 * Plays a realistic, signed Vapi message sequence against a running app.
 */
import { parseArgs } from "node:util";
import nextEnv from "@next/env";

import { runScenario, SCENARIO_NAMES, type ScenarioName } from "../lib/simulator/scenarios";
import { localConfig } from "./lib/local-config";

nextEnv.loadEnvConfig(process.cwd(), true);
const config = localConfig();
const { values } = parseArgs({
  options: {
    scenario: { type: "string", default: "books" },
    url: { type: "string", default: config.url },
    speed: { type: "string", default: "1" },
    "clinic-number": { type: "string", default: config.clinicNumber },
  },
});

const scenario = values.scenario as ScenarioName;
if (!SCENARIO_NAMES.includes(scenario)) {
  console.error(
    `Unknown scenario "${values.scenario}". Choose one of: ${SCENARIO_NAMES.join(", ")}`,
  );
  process.exit(2);
}
if (!config.secret) {
  console.error(
    "No webhook secret: set VAPI_WEBHOOK_SECRET or start the app once with npm run dev.",
  );
  process.exit(2);
}

const run = await runScenario(
  scenario,
  {
    url: values.url,
    secret: config.secret,
    clinicNumber: values["clinic-number"],
    speed: Number(values.speed),
  },
  (step) =>
    console.log(
      `${String(step.status).padEnd(4)} ${step.step.padEnd(20)} ${`${step.ms} ms`.padStart(9)}  ${step.detail ?? ""}`,
    ),
);
const failed = run.steps.filter((step) => step.status >= 300);
console.log(`\nCall ${run.vapiCallId}: ${run.steps.length} messages, ${failed.length} rejected.`);
process.exit(failed.length ? 1 : 0);
