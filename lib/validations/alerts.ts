import { z } from "zod";

/** A member of staff's choice of alerts: a sound, browser notifications, each on or off. */
export const alertPreferencesSchema = z.object({
  sound: z.boolean("Say whether to play a sound."),
  notifications: z.boolean("Say whether to show browser notifications."),
});
export type AlertPreferencesInput = z.infer<typeof alertPreferencesSchema>;
