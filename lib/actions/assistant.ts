"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { pushClinicAssistant, setLatencyProfile } from "@/lib/assistant/service";
import { LATENCY_PROFILES } from "@/lib/vapi/assistant";

import { clinicAction, type ActionResult } from "./safe-action";

const adminAction = clinicAction({
  role: "admin",
  refused: "Only clinic admins can change the assistant.",
});

// Applies a latency profile to the clinic's assistant, and pushes it to Vapi when an API key is
// configured (otherwise assistant-request serves it from the next call on).
export const applyLatencyProfile = adminAction(
  {
    schema: z.object({ profile: z.enum(LATENCY_PROFILES) }),
    invalid: { error: "Unknown profile." },
  },
  async ({ profile }, { claims, clinic }): Promise<ActionResult & { pushed?: boolean }> => {
    if (!(await setLatencyProfile(claims, clinic.id, profile)))
      return { error: "Could not change the clinic's settings." };
    try {
      return { pushed: await pushClinicAssistant(clinic.id) };
    } catch {
      return {
        error:
          "The profile is saved, but pushing it to Vapi failed. Try again, or run npm run vapi:config -- --push.",
      };
    } finally {
      revalidatePath("/admin/assistant");
    }
  },
);
