import { z } from "zod";

import {
  fillGreeting,
  GREETING_MAX,
  missingDisclosure,
  RETENTION,
  RETENTION_KINDS,
  type PrivacySettings,
  type RetentionKind,
} from "@/lib/privacy/settings";

// What admins set on Admin → Privacy (lib/privacy/settings.ts, docs/data-flow.md). Retention
// windows are whole days within each kind's floor and ceiling; the greeting is checked for the
// disclosure separately, since that needs the clinic's name (privacySettingsProblems).

function days(kind: RetentionKind) {
  const { min, max, label } = RETENTION[kind];
  const range = `${label}: between ${min} and ${max} days`;
  return z.coerce
    .number({ error: `${range}` })
    .int({ error: `${range}, in whole days` })
    .min(min, { error: `${range}; ${min} is the shortest allowed` })
    .max(max, { error: `${range}; ${max} is the longest allowed` });
}

export const privacySettingsSchema = z
  .object({
    hipaaEnabled: z.boolean(),
    recordingEnabled: z.boolean(),
    greeting: z
      .string()
      .trim()
      .max(GREETING_MAX, { error: `At most ${GREETING_MAX} characters` }),
    transcriptDays: days("transcriptDays"),
    callEventDays: days("callEventDays"),
    handoffDays: days("handoffDays"),
    smsDays: days("smsDays"),
    webhookDays: days("webhookDays"),
  })
  .transform((value): PrivacySettings => ({
    hipaaEnabled: value.hipaaEnabled,
    recordingEnabled: value.recordingEnabled,
    greeting: value.greeting === "" ? null : value.greeting,
    retention: Object.fromEntries(
      RETENTION_KINDS.map((kind) => [kind, value[kind]]),
    ) as PrivacySettings["retention"],
  }));
export type PrivacySettingsInput = z.input<typeof privacySettingsSchema>;

/**
 * What is wrong with parsed settings for this clinic, by field: a greeting of the clinic's
 * own that lacks part of the disclosure (checked with recording as it will be). Empty when fine.
 */
export function privacySettingsProblems(
  settings: PrivacySettings,
  clinicName: string,
): Record<string, string> {
  if (!settings.greeting) return {};
  const missing = missingDisclosure(fillGreeting(settings.greeting, clinicName), {
    clinicName,
    recordingEnabled: settings.recordingEnabled,
  });
  return missing.length ? { greeting: `The first message must say ${missing.join(", ")}.` } : {};
}

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(
    (value) =>
      !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
      new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
  );

/** The access log's filters, from the page's search params: each dropped when not valid. */
export const accessFilterParamsSchema = z.object({
  staff: z.uuid().optional().catch(undefined),
  patient: z.uuid().optional().catch(undefined),
  from: isoDay.optional().catch(undefined),
  to: isoDay.optional().catch(undefined),
});

const E164 = /^\+[1-9][0-9]{7,14}$/;
export const SUBJECT_PHONE_MESSAGE =
  "Enter the patient's number in international format, e.g. +15555550100.";

/**
 * Whose data a patient request is about (Admin → Privacy → Patient requests): a number in E.164
 * (spaces, dashes and brackets removed first) or a patient's id; exactly one.
 */
export const subjectSchema = z
  .object({
    phone: z
      .string()
      .max(40, { error: SUBJECT_PHONE_MESSAGE })
      .transform((value) => value.trim().replace(/[\s().-]/g, ""))
      .refine((value) => E164.test(value), { error: SUBJECT_PHONE_MESSAGE })
      .optional(),
    patientId: z.uuid({ error: "That is not a patient's id." }).optional(),
  })
  .refine((value) => (value.phone === undefined) !== (value.patientId === undefined), {
    error: "Give either the patient's number or their patient id.",
  })
  .transform((value) => ({ phone: value.phone ?? null, patientId: value.patientId ?? null }));

/** An erasure: the subject, and the number typed a second time (or the patient id) to confirm. */
export const erasureSchema = z
  .object({ subject: subjectSchema, confirm: z.string().max(60).optional() })
  .refine(
    ({ subject, confirm }) => {
      const again = (confirm ?? "").trim().replace(/[\s().-]/g, "");
      return subject.phone ? again === subject.phone : again === subject.patientId;
    },
    { error: "Type the number again exactly to confirm the erasure." },
  );
