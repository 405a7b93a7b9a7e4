"use server";

import { revalidatePath } from "next/cache";

import { AppError } from "@/lib/api/errors";
import { updateReminderSettings } from "@/lib/reminders/service";
import { reminderSettingsSchema } from "@/lib/validations/reminders";

import { clinicAction } from "./safe-action";

const adminAction = clinicAction({
  role: "admin",
  refused: "Only clinic admins can change reminders.",
});

/** Saves which reminders go and the quiet hours; the clinic's pending reminders are re-planned. */
export const saveReminderSettings = adminAction(
  { schema: reminderSettingsSchema, invalid: "fields" },
  async (settings, { claims, clinic }) => {
    try {
      await updateReminderSettings(claims, clinic.id, settings);
    } catch (error) {
      if (error instanceof AppError) return { error: error.message };
      throw error;
    }
    revalidatePath("/admin/diary/reminders");
    return {};
  },
);
