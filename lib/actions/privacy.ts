"use server";

import { revalidatePath } from "next/cache";

import { AppError } from "@/lib/api/errors";
import { pushClinicAssistant } from "@/lib/assistant/service";
import { updatePrivacySettings } from "@/lib/privacy/service";
import { privacySettingsProblems, privacySettingsSchema } from "@/lib/validations/privacy";

import { clinicAction, type ActionResult } from "./safe-action";

const adminAction = clinicAction({
  role: "admin",
  refused: "Only clinic admins can change privacy settings.",
});

/**
 * Saves the clinic's privacy settings: HIPAA mode, recording, the first message (refused, with
 * nothing stored, when it lacks the disclosure) and retention windows; then pushes the assistant
 * to Vapi when an API key is configured (otherwise assistant-request serves it from the next call).
 */
export const savePrivacySettings = adminAction(
  { schema: privacySettingsSchema, invalid: "fields" },
  async (settings, { claims, clinic }): Promise<ActionResult & { pushed?: boolean }> => {
    const problems = privacySettingsProblems(settings, clinic.name);
    if (Object.keys(problems).length) return { fieldErrors: problems };
    try {
      await updatePrivacySettings(claims, clinic.id, settings);
    } catch (error) {
      if (error instanceof AppError) return { error: error.message };
      throw error;
    } finally {
      revalidatePath("/admin/privacy");
    }
    revalidatePath("/admin/assistant");
    try {
      return { pushed: await pushClinicAssistant(clinic.id) };
    } catch {
      return {
        error:
          "The settings are saved, but pushing the assistant to Vapi failed. Try again, or run npm run vapi:config -- --push.",
      };
    }
  },
);
