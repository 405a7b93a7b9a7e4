"use server";

import { updateAlertPreferences } from "@/lib/alerts/service";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { alertPreferencesSchema } from "@/lib/validations/alerts";

import { clinicAction } from "./safe-action";

// A member of staff's own alert choices (sound, browser notifications) in the clinic shown:
// any role, their own row only (RLS).
const memberAction = clinicAction({ role: "member", refused: "You are not a member of a clinic." });

export const saveAlertPreferences = memberAction(
  { schema: alertPreferencesSchema, invalid: "first-issue" },
  async (input, { claims, clinic }) => {
    try {
      return { saved: await updateAlertPreferences(claims, clinic.id, input) };
    } catch (error) {
      if (isDatabaseUnavailable(error))
        return { error: "Your choice could not be saved just now. Try again in a moment." };
      throw error;
    }
  },
);
