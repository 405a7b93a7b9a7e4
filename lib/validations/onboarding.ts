import { z } from "zod";

import { CLINIC_CURRENCIES, CLINIC_LOCALES } from "@/lib/format/locale";

// Sign-up, creating a clinic and the walk-through's forms. Every message is a sentence the
// form shows beside its field.

/** Time zones the app offers: the runtime's IANA list (plus UTC, which some runtimes leave out). */
export function timeZones(): string[] {
  const zones = Intl.supportedValuesOf("timeZone");
  return zones.includes("UTC") ? zones : [...zones, "UTC"];
}

let zoneSet: Set<string> | null = null;
export function isTimeZone(value: string): boolean {
  zoneSet ??= new Set(timeZones());
  return zoneSet.has(value);
}

/**
 * A phone number in E.164 (+, country code, up to 15 digits). People type spaces, dashes, dots
 * and brackets: those are dropped first; anything else makes it invalid.
 */
export function normalisePhone(raw: string): string | null {
  const compact = raw.trim().replace(/[\s().-]/g, "");
  return /^\+[1-9]\d{6,14}$/.test(compact) ? compact : null;
}

const phone = (message: string) =>
  z.string({ error: message }).transform((raw, ctx) => {
    const number = normalisePhone(raw);
    if (!number) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return number;
  });

const email = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter a valid email address, like name@clinic.com.").max(254));

export const signUpSchema = z
  .object({
    name: z
      .string({ error: "Enter your name." })
      .trim()
      .min(1, "Enter your name.")
      .max(120, "Use at most 120 characters for your name."),
    email,
    password: z
      .string({ error: "Choose a password." })
      .min(10, "Use at least 10 characters for your password.")
      .refine((value) => new TextEncoder().encode(value).length <= 72, {
        message: "Use at most 72 bytes (about 72 letters) for your password.",
      })
      .refine((value) => new Set(value).size >= 5, {
        message: "That password is too easy to guess: use at least 5 different characters.",
      }),
    confirm: z.string({ error: "Type the password again." }),
  })
  .superRefine((value, ctx) => {
    if (value.password !== value.confirm)
      ctx.addIssue({
        code: "custom",
        path: ["confirm"],
        message: "The two passwords differ. Type the same password twice.",
      });
    const local = value.email.split("@")[0] ?? "";
    const lower = value.password.toLowerCase();
    if ((local.length >= 4 && lower.includes(local)) || lower.includes("password"))
      ctx.addIssue({
        code: "custom",
        path: ["password"],
        message:
          "That password is too easy to guess: don't use your email address or the word password.",
      });
  });
export type SignUpInput = z.infer<typeof signUpSchema>;

export const clinicDetailsSchema = z.object({
  name: z
    .string({ error: "Enter the clinic's name." })
    .trim()
    .min(1, "Enter the clinic's name.")
    .max(120, "Use at most 120 characters for the clinic's name."),
  timezone: z
    .string({ error: "Choose the clinic's time zone." })
    .trim()
    .refine(isTimeZone, "Choose the clinic's time zone from the list, like Europe/London."),
  frontDeskNumber: phone(
    "Enter the front desk's number with its country code, like +44 20 7946 0018.",
  ),
  // Left out (or empty): a new clinic's are derived from its time zone and front desk number
  // (private.clinic_locale_for); an existing clinic's stay as they are.
  locale: z
    .enum(CLINIC_LOCALES, {
      error: "Choose how dates, times and phone numbers are written from the list.",
    })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  currency: z
    .enum(CLINIC_CURRENCIES, { error: "Choose the clinic's currency from the list." })
    .optional()
    .or(z.literal("").transform(() => undefined)),
});
export type ClinicDetailsInput = z.infer<typeof clinicDetailsSchema>;

export const clinicNumberSchema = z.object({
  phoneNumber: phone(
    "Enter the clinic's Twilio number with its country code, like +44 20 7946 0018.",
  ),
});

/** One row of the starter list as the admin edited it. */
export const starterItemSchema = z.object({
  key: z.string().max(60),
  name: z
    .string()
    .trim()
    .min(1, "Give each procedure a name.")
    .max(120, "Keep each name under 120 characters."),
  consultationMinutes: z.coerce
    .number()
    .int("Use whole minutes.")
    .min(0)
    .max(720, "At most 720 minutes."),
  mainMinutes: z.coerce.number().int("Use whole minutes.").min(0).max(720, "At most 720 minutes."),
});
export const starterImportSchema = z.object({
  items: z
    .array(starterItemSchema)
    .min(1, "Choose at least one procedure to import.")
    .max(50, "Import at most 50 procedures at once."),
});

/** A practitioner added during onboarding: who, which types they perform, their weekly hours. */
export const onboardingPractitionerSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Enter the practitioner's name.")
    .max(120, "Keep the name under 120 characters."),
  title: z.string().trim().max(120, "Keep the role under 120 characters.").default(""),
  appointmentTypeIds: z
    .array(z.uuid({ error: "Choose appointment types from the list." }))
    .min(1, "Choose at least one appointment type they perform.")
    .max(200),
  intervals: z
    .array(
      z.object({
        weekday: z.coerce.number().int().min(1).max(7),
        opens: z.string(),
        closes: z.string(),
      }),
    )
    .min(1, "Give them working hours on at least one day.")
    .max(70),
});
export type OnboardingPractitionerInput = z.infer<typeof onboardingPractitionerSchema>;
