"use server";

import { after } from "next/server";
import { z } from "zod";

import { getEnv } from "@/lib/env";
import { demoConsultationProcedure } from "@/lib/procedures/service";
import { runScenario, SCENARIO_NAMES, type ScenarioName } from "@/lib/simulator/scenarios";

import { clinicAction } from "./safe-action";

const schema = z.object({ scenario: z.enum(SCENARIO_NAMES as [ScenarioName, ...ScenarioName[]]) });

// Embedded default only: plays a signed Vapi call against this server, as Vapi would, so the
// product can be seen working without a phone line. Runs after the response is sent.
export const simulateCall = clinicAction({
  role: "member",
  refused: "You are not a member of a clinic.",
})(
  { schema, invalid: { error: "Choose one of the simulated calls." } },
  async ({ scenario }, { clinic }) => {
    const env = getEnv();
    if (!env.ENABLE_CALL_SIMULATOR || !env.VAPI_WEBHOOK_SECRET)
      return { error: "The call simulator is not enabled on this server." };
    if (!clinic.phoneNumber)
      return {
        error:
          "This clinic has no phone number yet: enter its Twilio number (Onboarding → Phone number) first.",
      };
    const options = {
      url: env.APP_URL,
      secret: env.VAPI_WEBHOOK_SECRET,
      clinicNumber: clinic.phoneNumber,
      speed: env.SIMULATOR_SPEED,
    };
    // The booking caller asks for a consultation this clinic's diary offers.
    const procedure =
      scenario === "books"
        ? ((await demoConsultationProcedure(clinic.id)) ?? undefined)
        : undefined;
    if (scenario === "books" && !procedure)
      return { error: "This clinic's diary offers no consultation to book yet." };
    after(() =>
      runScenario(scenario, options, undefined, { procedure }).catch((error: Error) =>
        console.warn(`[simulator] ${scenario} stopped: ${error.message}`),
      ),
    );
    return {};
  },
);
