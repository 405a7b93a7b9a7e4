import "server-only";

import { getEnv } from "@/lib/env";
import { pushClinicAssistant } from "@/lib/assistant/service";
import type { Claims } from "@/lib/auth/claims";
import { THROTTLE } from "@/lib/auth/throttle";
import { saveAppointmentType, savePractitioner } from "@/lib/db/diary-config";
import { replaceWeeklyHours } from "@/lib/db/diary-hours";
import { databaseFailure } from "@/lib/db/errors";
import { recordSignInFailure, signInWait } from "@/lib/db/local-sessions";
import * as db from "@/lib/db/onboarding";
import { saveProcedure } from "@/lib/db/procedures-admin";
import { createAccount, findUserIdByEmail } from "@/lib/db/staff";
import { withClaims, withConnectionRole, withService, type Tx } from "@/lib/db/transaction";
import { configFieldErrors, weeklyHoursSchema } from "@/lib/validations/diary-config";
import {
  clinicDetailsSchema,
  clinicNumberSchema,
  onboardingPractitionerSchema,
  signUpSchema,
  starterImportSchema,
} from "@/lib/validations/onboarding";
import { procedureSchema } from "@/lib/validations/procedure";
import { pushClinicNumber } from "@/lib/vapi/number-service";
import { explainVapiError } from "@/lib/vapi/phone-number";

import { starterByKey } from "./starter";
import { onboardingSteps, type OnboardingEnv, type StepState } from "./steps";

/**
 * Onboarding (issue 19): an owner signs up, creates a clinic (becoming its admin) and is walked
 * through setting it up. Every write runs as the person (withClaims), so RLS and the audit
 * triggers apply as for the admin pages; the walk-through's state is derived from the clinic's
 * rows (lib/onboarding/steps.ts) plus onboarding_steps for explicit completions.
 */

export type FormResult<F extends string = string> =
  | { ok: true; id?: string; message?: string }
  | { ok: false; error?: string; fieldErrors?: Partial<Record<F, string>> };

function fieldErrors(error: { issues: { path: PropertyKey[]; message: string }[] }) {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    errors[key] ??= issue.message;
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------
// Sign-up (AUTH_PROVIDER=local; Supabase Auth's signUp is in lib/actions/onboarding.ts)
// ---------------------------------------------------------------------------------------------

export const EMAIL_TAKEN =
  "An account with that email already exists. Sign in instead, or use another address.";

export type SignUpOutcome =
  | { outcome: "created"; userId: string; email: string; password: string }
  | { outcome: "invalid"; fieldErrors: Record<string, string> }
  | { outcome: "taken"; waitUntil: Date | null }
  | { outcome: "throttled"; waitUntil: Date };

/**
 * Creates a local account (wt-d's createAccount, the one /invite/<token> uses). Attempts on
 * taken addresses count against the client's address like failed sign-ins (lib/auth/throttle),
 * so the form cannot be used to test thousands of addresses for accounts.
 */
export async function signUpLocal(raw: unknown, address: string): Promise<SignUpOutcome> {
  const parsed = signUpSchema.safeParse(raw);
  if (!parsed.success) return { outcome: "invalid", fieldErrors: fieldErrors(parsed.error) };
  const { email, password, name } = parsed.data;
  const throttleKey = `sign-up from ${address}`;
  return withConnectionRole(async (tx): Promise<SignUpOutcome> => {
    const lockedUntil = await signInWait(tx, throttleKey, address);
    if (lockedUntil) return { outcome: "throttled", waitUntil: lockedUntil };
    if (await findUserIdByEmail(tx, email)) {
      return {
        outcome: "taken",
        waitUntil: await recordSignInFailure(tx, throttleKey, address, THROTTLE),
      };
    }
    try {
      const userId = await createAccount(tx, { email, password, fullName: name });
      return { outcome: "created", userId, email, password };
    } catch (error) {
      // Two sign-ups for one address at once: the second meets the unique email.
      if (databaseFailure(error) === "duplicate") return { outcome: "taken", waitUntil: null };
      throw error;
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Creating a clinic and its details
// ---------------------------------------------------------------------------------------------

type DetailsField = "name" | "timezone" | "frontDeskNumber" | "locale" | "currency";

function explainDetailsFailure(error: unknown): FormResult<DetailsField> {
  const failure = databaseFailure(error);
  const message = (error as Error).message ?? "";
  if (failure === "not_allowed" && message.includes("time zone"))
    return { ok: false, fieldErrors: { timezone: "This server does not know that time zone." } };
  if (failure === "not_allowed") return { ok: false, error: "Check the clinic's details." };
  if (failure === "forbidden")
    return { ok: false, error: "Only this clinic's admins can change its details." };
  throw error;
}

/** Creates a clinic; the person becomes its admin and the details step is done. */
export async function createClinic(
  claims: Claims,
  raw: unknown,
): Promise<FormResult<DetailsField>> {
  const parsed = clinicDetailsSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  try {
    const id = await withClaims(claims, async (tx) => {
      const clinicId = await db.createClinic(tx, parsed.data);
      await db.markStep(tx, clinicId, "details");
      return clinicId;
    });
    return { ok: true, id };
  } catch (error) {
    return explainDetailsFailure(error);
  }
}

export async function saveClinicDetails(
  claims: Claims,
  clinicId: string,
  raw: unknown,
): Promise<FormResult<DetailsField>> {
  const parsed = clinicDetailsSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  try {
    const saved = await withClaims(claims, async (tx) => {
      if (!(await db.updateClinicDetails(tx, clinicId, parsed.data))) return false;
      await db.markStep(tx, clinicId, "details");
      return true;
    });
    return saved
      ? { ok: true }
      : { ok: false, error: "Only this clinic's admins can change its details." };
  } catch (error) {
    return explainDetailsFailure(error);
  }
}

/** The admin says opening hours and closures are as they should be. */
export async function confirmHours(claims: Claims, clinicId: string): Promise<FormResult> {
  try {
    return await withClaims(claims, async (tx) => {
      const facts = await db.loadOnboardingFacts(tx, clinicId);
      if (!facts) return { ok: false, error: "That clinic was not found." };
      if (facts.openingIntervals === 0)
        return {
          ok: false,
          error:
            "Set the hours the front desk answers first: callers are told when the clinic is open.",
        };
      await db.markStep(tx, clinicId, "hours");
      return { ok: true };
    });
  } catch (error) {
    if (databaseFailure(error) === "forbidden")
      return { ok: false, error: "Only this clinic's admins can set it up." };
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Procedures from the starter list
// ---------------------------------------------------------------------------------------------

/**
 * Imports the chosen (and edited) starter procedures with their consultation and treatment or
 * surgery, in one transaction through the same query functions as Admin → Procedures and the
 * diary's setup, each checked with those pages' schemas. A procedure the clinic already has
 * (same name) is skipped, so importing twice adds nothing.
 */
export async function importStarterProcedures(
  claims: Claims,
  clinicId: string,
  raw: unknown,
): Promise<FormResult & { imported?: number; skipped?: number }> {
  const parsed = starterImportSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]!.message };
  const seen = new Set<string>();
  for (const item of parsed.data.items) {
    if (!starterByKey(item.key)) return { ok: false, error: "Choose procedures from the list." };
    const key = item.name.toLowerCase();
    if (seen.has(key)) return { ok: false, error: `"${item.name}" is in the list twice.` };
    seen.add(key);
    if (item.consultationMinutes > 0 && item.consultationMinutes < 5)
      return { ok: false, error: `${item.name}: a consultation lasts at least 5 minutes.` };
    if (item.mainMinutes > 0 && item.mainMinutes < 5)
      return { ok: false, error: `${item.name}: an appointment lasts at least 5 minutes.` };
    if (item.consultationMinutes === 0 && item.mainMinutes === 0)
      return { ok: false, error: `${item.name}: give it a consultation, a treatment, or both.` };
  }
  try {
    return await withClaims(claims, async (tx) => {
      const existing = await db.procedureNames(tx, clinicId);
      let imported = 0;
      let skipped = 0;
      for (const item of parsed.data.items) {
        if (existing.has(item.name.toLowerCase())) {
          skipped++;
          continue;
        }
        await importOne(tx, clinicId, item);
        imported++;
      }
      return { ok: true as const, imported, skipped };
    });
  } catch (error) {
    const failure = databaseFailure(error);
    if (failure === "forbidden")
      return { ok: false, error: "Only this clinic's admins can add procedures." };
    if (failure === "duplicate")
      return { ok: false, error: "One of those names is already taken. Rename it and try again." };
    throw error;
  }
}

async function importOne(
  tx: Tx,
  clinicId: string,
  item: { key: string; name: string; consultationMinutes: number; mainMinutes: number },
): Promise<void> {
  const starter = starterByKey(item.key)!;
  const procedure = procedureSchema.parse({
    name: item.name,
    synonyms: starter.synonyms.join(", "),
    durationMinutes: item.mainMinutes || item.consultationMinutes,
    description: starter.description,
  });
  const outcome = await saveProcedure(tx, clinicId, procedure);
  if (outcome !== "saved") throw Object.assign(new Error(outcome), { code: "42501" });
  const procedureId = (await db.procedureNames(tx, clinicId)).get(item.name.toLowerCase())!;
  const base = {
    procedureId,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    resourceId: null,
    practitionerIds: [],
    active: true,
  };
  if (item.consultationMinutes > 0)
    await saveAppointmentType(tx, clinicId, {
      ...base,
      kind: "consultation",
      name: `${item.name} consultation`,
      durationMinutes: item.consultationMinutes,
      requiresConsultation: false,
      confirmation: "instant",
    });
  if (item.mainMinutes > 0)
    await saveAppointmentType(tx, clinicId, {
      ...base,
      kind: starter.main.kind,
      name: item.name,
      durationMinutes: item.mainMinutes,
      // Only when there is a consultation to have first.
      requiresConsultation: starter.main.requiresConsultation && item.consultationMinutes > 0,
      confirmation: starter.main.confirmation,
    });
}

// ---------------------------------------------------------------------------------------------
// Practitioners
// ---------------------------------------------------------------------------------------------

/** Adds a practitioner with the types they perform and their weekly hours, in one transaction. */
export async function addPractitioner(
  claims: Claims,
  clinicId: string,
  raw: unknown,
): Promise<FormResult> {
  const parsed = onboardingPractitionerSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  const { name, title, appointmentTypeIds, intervals } = parsed.data;
  // The weekly-hours editor's own checks (times as HH:MM, closing after opening, no overlaps).
  const hours = weeklyHoursSchema.safeParse({
    practitionerId: "00000000-0000-4000-8000-000000000000",
    intervals,
  });
  if (!hours.success) {
    const errors = configFieldErrors(hours.error);
    return { ok: false, fieldErrors: { intervals: Object.values(errors)[0] } };
  }
  try {
    return await withClaims(claims, async (tx): Promise<FormResult> => {
      const id = await savePractitioner(tx, clinicId, { name, title });
      if (!id) return { ok: false, error: "Only this clinic's admins can add practitioners." };
      await db.assignPractitionerTypes(tx, clinicId, id, appointmentTypeIds);
      await replaceWeeklyHours(tx, clinicId, id, hours.data.intervals);
      return { ok: true, id };
    });
  } catch (error) {
    const failure = databaseFailure(error);
    if (failure === "forbidden")
      return { ok: false, error: "Only this clinic's admins can add practitioners." };
    if (failure === "bad_reference")
      return {
        ok: false,
        fieldErrors: { appointmentTypeIds: "Choose appointment types of this clinic." },
      };
    if (failure === "duplicate")
      return { ok: false, fieldErrors: { name: "A practitioner with that name already exists." } };
    if (failure === "overlap")
      return { ok: false, fieldErrors: { intervals: "Two intervals on the same day overlap." } };
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// The phone number
// ---------------------------------------------------------------------------------------------

/** Stores the clinic's Twilio number (admins); connecting it to Vapi is a second step. */
export async function saveClinicNumber(
  claims: Claims,
  clinicId: string,
  raw: unknown,
): Promise<FormResult<"phoneNumber">> {
  const parsed = clinicNumberSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  try {
    const saved = await withClaims(claims, (tx) =>
      db.setClinicNumber(tx, clinicId, parsed.data.phoneNumber),
    );
    return saved
      ? { ok: true }
      : { ok: false, error: "Only this clinic's admins can set its number." };
  } catch (error) {
    const failure = databaseFailure(error);
    if (failure === "duplicate")
      return {
        ok: false,
        fieldErrors: {
          phoneNumber:
            "Another clinic already uses that number. Each clinic needs its own Twilio number.",
        },
      };
    if (failure === "forbidden")
      return { ok: false, error: "Only this clinic's admins can set its number." };
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// State, connecting the number, the test call
// ---------------------------------------------------------------------------------------------

export interface OnboardingState {
  facts: db.OnboardingFacts;
  steps: StepState[];
  complete: boolean;
  env: OnboardingEnv & { simulator: boolean };
}

/** The walk-through's state as the signed-in member sees it; null when not their clinic. */
export async function loadOnboarding(
  claims: Claims,
  clinicId: string,
): Promise<OnboardingState | null> {
  const facts = await withClaims(claims, (tx) => db.loadOnboardingFacts(tx, clinicId));
  if (!facts) return null;
  const env = getEnv();
  const onboardingEnv = { vapiConfigured: Boolean(env.VAPI_API_KEY) };
  const steps = onboardingSteps(facts, onboardingEnv);
  return {
    facts,
    steps,
    complete: steps.every((step) => step.done),
    env: {
      ...onboardingEnv,
      simulator: env.ENABLE_CALL_SIMULATOR && Boolean(env.VAPI_WEBHOOK_SECRET),
    },
  };
}

/**
 * Imports the clinic's number into Vapi with the front desk as fallback (wt-b's
 * pushClinicNumber, through the SDK) and pushes the clinic's assistant
 * (lib/assistant/service.ts). Admins only; what is missing is explained, not thrown.
 */
export async function connectClinicNumber(
  claims: Claims,
  clinicId: string,
): Promise<FormResult & { status?: number }> {
  const isAdmin = await withClaims(claims, (tx) => db.isClinicAdmin(tx, clinicId));
  if (!isAdmin)
    return { ok: false, status: 403, error: "Only the clinic's admins can connect its number." };
  const env = getEnv();
  const pushed = await pushClinicNumber(withService, clinicId, env);
  if (!pushed.ok)
    return {
      ok: false,
      status: pushed.reason === "missing_setup" ? 409 : 502,
      error: pushed.message,
    };
  try {
    await pushClinicAssistant(clinicId);
  } catch (error) {
    return {
      ok: false,
      status: 502,
      error: `${pushed.message} But the assistant could not be updated in Vapi: ${explainVapiError(error)}`,
    };
  }
  return { ok: true, message: `${pushed.message} The clinic's assistant is up to date in Vapi.` };
}
