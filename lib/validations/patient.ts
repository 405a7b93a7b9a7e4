import { z } from "zod";

/** What staff may correct on a patient's page: name, email and consent to appointment texts. */
export const patientDetailsSchema = z.object({
  patientId: z.uuid("Unknown patient."),
  fullName: z
    .string()
    .transform((name) => name.replace(/\s+/g, " ").trim())
    .pipe(z.string().max(120, "A name can be at most 120 characters."))
    .transform((name) => name || null),
  email: z
    .string()
    .transform((email) => email.trim().toLowerCase())
    .pipe(
      z.union([
        z.literal(""),
        z
          .email("Enter an email address like name@example.com.")
          .max(254, "That email is too long."),
      ]),
    )
    .transform((email) => email || null),
  smsConsent: z.boolean(),
});
export type PatientDetailsInput = z.infer<typeof patientDetailsSchema>;

export const patientSearchSchema = z.object({
  q: z.string().max(100).optional().catch(undefined),
});
