import { z } from "zod";

// What admins set for appointment reminders (lib/reminders, docs/reminders.md). Times are
// clinic-local "HH:MM"; quiet hours may run across midnight (21:00 to 08:00).

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export const reminderSettingsSchema = z
  .object({
    remind24h: z.boolean(),
    remind2h: z.boolean(),
    quietHours: z.boolean(),
    quietStart: z.string(),
    quietEnd: z.string(),
  })
  .superRefine((value, ctx) => {
    if (!value.quietHours) return;
    if (!TIME.test(value.quietStart))
      ctx.addIssue({ code: "custom", path: ["quietStart"], message: "Enter a time like 21:00" });
    if (!TIME.test(value.quietEnd))
      ctx.addIssue({ code: "custom", path: ["quietEnd"], message: "Enter a time like 08:00" });
    if (value.quietStart === value.quietEnd)
      ctx.addIssue({
        code: "custom",
        path: ["quietEnd"],
        message: "Quiet hours must end at a different time from when they start",
      });
  })
  .transform((value) => ({
    remind24h: value.remind24h,
    remind2h: value.remind2h,
    quietStart: value.quietHours ? value.quietStart : null,
    quietEnd: value.quietHours ? value.quietEnd : null,
  }));
export type ReminderSettingsInput = z.input<typeof reminderSettingsSchema>;
