import { z } from "zod";

import { AFTER_HOURS_MODES } from "@/lib/hours/routing";

import { WEEKDAYS } from "./diary-config";

// What admins enter for after-hours routing (docs/call-flow.md, "After hours and urgent
// calls"). The limits match the database's checks in
// supabase/migrations/20261201000910_after_hours_and_urgent_calls.sql (public.e164 for numbers).

const E164 = /^\+[1-9][0-9]{7,14}$/;
const E164_MESSAGE = "Enter the number in international format, e.g. +15555550100";

/** A phone number in E.164 form; spaces, dashes and brackets people type are removed first. */
const phone = z
  .string({ message: E164_MESSAGE })
  .trim()
  .transform((value) => value.replace(/[\s().-]/g, ""))
  .refine((value) => E164.test(value), E164_MESSAGE);

export const routingSettingsSchema = z.object({
  frontDeskNumber: z.union([z.literal("").transform(() => null), phone, z.null()]).default(null),
  afterHoursMode: z.enum(AFTER_HOURS_MODES, { message: "Choose what Voxanne does when closed" }),
  emergencyNumber: z
    .string({ message: "Enter the local emergency number" })
    .trim()
    .regex(/^[0-9]{2,4}$/, "Enter the local emergency number: 2 to 4 digits, e.g. 911 or 999"),
});
export type RoutingSettingsInput = z.infer<typeof routingSettingsSchema>;

/**
 * The whole on-call rota, saved at once: at most one clinician a night. Problems with one night
 * are reported under `nights.<index>`. Nights nobody covers are allowed (the editor and the
 * answer warn).
 */
export const rotaSchema = z
  .object({
    nights: z
      .array(
        z.object({
          weekday: z.coerce.number().int().min(1).max(7),
          clinicianName: z.string().trim(),
          phoneNumber: z.string(),
        }),
      )
      .max(7, "At most one clinician a night"),
  })
  .superRefine(({ nights }, ctx) => {
    const problem = (index: number, message: string) =>
      ctx.addIssue({ code: "custom", path: [`nights.${index}`], message });
    nights.forEach((night, index) => {
      if (!night.clinicianName) problem(index, "Enter who is on call");
      else if (night.clinicianName.length > 80) problem(index, "Keep the name under 80 characters");
      else if (!phone.safeParse(night.phoneNumber).success) problem(index, E164_MESSAGE);
      else if (nights.findIndex((other) => other.weekday === night.weekday) < index)
        problem(
          index,
          `Only one clinician on ${WEEKDAYS[night.weekday - 1]?.name ?? "that"} night`,
        );
    });
  })
  .transform(({ nights }) => ({
    nights: nights.map((night) => ({ ...night, phoneNumber: phone.parse(night.phoneNumber) })),
  }));
export type RotaInput = z.input<typeof rotaSchema>;

/** "Nobody is on call on Tuesday and Wednesday nights." or null. */
export function rotaGapWarning(gaps: number[]): string | null {
  if (gaps.length === 0) return null;
  const names = gaps.map((weekday) => WEEKDAYS[weekday - 1]!.name);
  const list =
    names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
  return `Nobody is on call on ${list} night${names.length === 1 ? "" : "s"}: urgent callers will be told to call the emergency number and promised a call back.`;
}
