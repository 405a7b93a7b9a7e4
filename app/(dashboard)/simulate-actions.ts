"use server";

import { after } from "next/server";
import { z } from "zod";

import { getEnv } from "@/lib/env";
import { getClinicContext } from "@/lib/auth/clinic";
import { runScenario, SCENARIO_NAMES, type ScenarioName } from "@/lib/simulator/scenarios";

const schema = z.object({ scenario: z.enum(SCENARIO_NAMES as [ScenarioName, ...ScenarioName[]]) });

// Embedded default only: plays a signed Vapi call against this server, as Vapi would, so the
// product can be seen working without a phone line. Runs after the response is sent.
export async function simulateCall(input: { scenario: string }): Promise<{ error?: string }> {
  const env = getEnv();
  if (!env.ENABLE_CALL_SIMULATOR || !env.VAPI_WEBHOOK_SECRET) return { error: "The call simulator is not enabled on this server." };
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { error: "Choose one of the simulated calls." };
  const { current } = await getClinicContext();
  if (!current) return { error: "You are not a member of a clinic." };

  const options = { url: env.APP_URL, secret: env.VAPI_WEBHOOK_SECRET, clinicNumber: current.phoneNumber, speed: env.SIMULATOR_SPEED };
  after(() =>
    runScenario(parsed.data.scenario, options).catch((error: Error) => console.warn(`[simulator] ${parsed.data.scenario} stopped: ${error.message}`)),
  );
  return {};
}
