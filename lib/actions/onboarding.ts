"use server";

import { revalidatePath } from "next/cache";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { z } from "zod";

import { getEnv } from "@/lib/env";
import { CLINIC_COOKIE } from "@/lib/auth/clinic";
import { LOCAL_SESSION_COOKIE, sessionCookieOptions } from "@/lib/auth/local-session";
import { signInWithPassword } from "@/lib/auth/service";
import { getSessionClaims } from "@/lib/auth/session";
import { clientAddress, throttledMessage } from "@/lib/auth/throttle";
import * as onboarding from "@/lib/onboarding/service";
import { demoConsultationProcedure } from "@/lib/procedures/service";
import { runScenario } from "@/lib/simulator/scenarios";
import { createClient } from "@/lib/supabase/server";
import { signUpSchema } from "@/lib/validations/onboarding";

import { clinicAction, fieldErrorsOf } from "./safe-action";

export interface FormState {
  error?: string;
  fieldErrors?: Record<string, string>;
  message?: string;
  /** The form's values, kept after a refusal. */
  values?: Record<string, string>;
}

function valuesOf(formData: FormData, keys: string[]): Record<string, string> {
  return Object.fromEntries(keys.map((key) => [key, String(formData.get(key) ?? "")]));
}

const CLINIC_COOKIE_OPTIONS = {
  httpOnly: true,
  sameSite: "lax" as const,
  path: "/",
  maxAge: 60 * 60 * 24 * 365,
};

// ---------------------------------------------------------------------------------------------
// Sign-up (no session)
// ---------------------------------------------------------------------------------------------

/**
 * A clinic owner's sign-up. Local auth: the account is created (lib/onboarding), signed in and
 * sent to create their clinic. Supabase: Supabase Auth's signUp (server side, through the
 * server client, so its session cookies are set when the project does not ask for email
 * confirmation; otherwise the person is told to confirm their address first).
 */
export async function signUp(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = valuesOf(formData, ["name", "email"]);
  const raw = Object.fromEntries(formData);
  if (getEnv().AUTH_PROVIDER === "supabase") return signUpWithSupabase(raw, values);

  const address = clientAddress(await headers());
  const result = await onboarding.signUpLocal(raw, address);
  if (result.outcome === "invalid") return { fieldErrors: result.fieldErrors, values };
  if (result.outcome === "throttled") return { error: throttledMessage(result.waitUntil), values };
  if (result.outcome === "taken")
    return {
      fieldErrors: { email: onboarding.EMAIL_TAKEN },
      error: result.waitUntil ? throttledMessage(result.waitUntil) : undefined,
      values,
    };
  const signedIn = await signInWithPassword(result.email, result.password, address);
  if (signedIn.outcome !== "signed-in")
    return { error: "Your account was created. Sign in to continue.", values };
  (await cookies()).set(LOCAL_SESSION_COOKIE, signedIn.token, sessionCookieOptions());
  redirect("/clinics/new");
}

async function signUpWithSupabase(
  raw: Record<string, unknown>,
  values: Record<string, string>,
): Promise<FormState> {
  const parsed = signUpSchema.safeParse(raw);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  const { email, password, name } = parsed.data;
  const supabase = await createClient();
  const { data, error } = await supabase.auth.signUp({
    email,
    password,
    options: {
      data: { full_name: name },
      emailRedirectTo: `${getEnv().APP_URL.replace(/\/$/, "")}/clinics/new`,
    },
  });
  if (error) {
    // GoTrue's error codes (https://supabase.com/docs/guides/auth/debugging/error-codes).
    if (error.code === "user_already_exists" || error.code === "email_exists")
      return { fieldErrors: { email: onboarding.EMAIL_TAKEN }, values };
    if (error.code === "weak_password")
      return {
        fieldErrors: { password: "Supabase Auth refused that password as too weak." },
        values,
      };
    if (error.code === "email_address_invalid")
      return {
        fieldErrors: { email: "Enter a valid email address, like name@clinic.com." },
        values,
      };
    if (error.status === 429 || error.code === "over_request_rate_limit")
      return { error: "Too many sign-ups from here. Wait a few minutes and try again.", values };
    return { error: "Sign-up is unavailable right now. Try again shortly.", values };
  }
  // With email confirmation on, GoTrue answers an existing address with a user that has no
  // identities (and sends nothing), so the response does not reveal who has an account.
  if (!data.session)
    return {
      message: `Check ${email} for a link to confirm your address, then sign in to create your clinic.`,
    };
  redirect("/clinics/new");
}

// ---------------------------------------------------------------------------------------------
// Creating a clinic (signed in, with or without clinics)
// ---------------------------------------------------------------------------------------------

export async function createClinic(_previous: FormState, formData: FormData): Promise<FormState> {
  const claims = await getSessionClaims();
  if (!claims) redirect("/login");
  const values = valuesOf(formData, ["name", "timezone", "frontDeskNumber", "locale", "currency"]);
  const result = await onboarding.createClinic(claims, Object.fromEntries(formData));
  if (!result.ok) return { error: result.error, fieldErrors: result.fieldErrors, values };
  (await cookies()).set(CLINIC_COOKIE, result.id!, CLINIC_COOKIE_OPTIONS);
  revalidatePath("/", "layout");
  redirect("/onboarding#hours");
}

// ---------------------------------------------------------------------------------------------
// The walk-through (admins of the current clinic)
// ---------------------------------------------------------------------------------------------

const adminAction = clinicAction({
  role: "admin",
  refused: "Only the clinic's admins can set it up. Ask an admin of this clinic.",
});

function answer(result: onboarding.FormResult): FormState {
  revalidatePath("/onboarding");
  revalidatePath("/");
  if (result.ok) return { message: result.message ?? "Saved." };
  return { error: result.error, fieldErrors: result.fieldErrors as Record<string, string> };
}

const formSchema = z.record(z.string(), z.unknown());
const formInput = (formData: FormData) => Object.fromEntries(formData);

export const saveClinicDetails = adminAction(
  { schema: formSchema, invalid: { error: "Invalid request." }, input: formInput },
  async (raw, { claims, clinic }) =>
    answer(await onboarding.saveClinicDetails(claims, clinic.id, raw)),
);

export const confirmHours = adminAction(
  { schema: z.object({}), invalid: { error: "Invalid request." } },
  async (_input, { claims, clinic }) => answer(await onboarding.confirmHours(claims, clinic.id)),
);

export const importStarterProcedures = adminAction(
  { schema: z.object({ items: z.array(z.unknown()) }), invalid: { error: "Invalid request." } },
  async (input, { claims, clinic }) => {
    const result = await onboarding.importStarterProcedures(claims, clinic.id, input);
    if (result.ok)
      return answer({
        ok: true,
        message: `Imported ${result.imported} procedure${result.imported === 1 ? "" : "s"}${result.skipped ? `; ${result.skipped} the clinic already had` : ""}.`,
      });
    return answer(result);
  },
);

export const addPractitioner = adminAction(
  { schema: formSchema, invalid: { error: "Invalid request." } },
  async (raw, { claims, clinic }) =>
    answer(await onboarding.addPractitioner(claims, clinic.id, raw)),
);

export const saveClinicNumber = adminAction(
  { schema: formSchema, invalid: { error: "Invalid request." }, input: formInput },
  async (raw, { claims, clinic }) =>
    answer(await onboarding.saveClinicNumber(claims, clinic.id, raw)),
);

export const connectClinicNumber = adminAction(
  { schema: z.object({}), invalid: { error: "Invalid request." } },
  async (_input, { claims, clinic }) =>
    answer(await onboarding.connectClinicNumber(claims, clinic.id)),
);

/**
 * Embedded default: the test call is the call simulator playing a caller who books this
 * clinic's first consultation (or, without one, asks for a person), against this server.
 */
export const runTestCall = adminAction(
  { schema: z.object({}), invalid: { error: "Invalid request." } },
  async (_input, { clinic }): Promise<FormState> => {
    const env = getEnv();
    if (!env.ENABLE_CALL_SIMULATOR || !env.VAPI_WEBHOOK_SECRET)
      return {
        error: "The call simulator is off on this server: call the clinic's number from a phone.",
      };
    if (!clinic.phoneNumber)
      return { error: "Enter the clinic's Twilio number first (the Phone number step)." };
    const procedure = (await demoConsultationProcedure(clinic.id)) ?? undefined;
    const scenario = procedure ? "books" : "asks-for-human";
    const options = {
      url: env.APP_URL,
      secret: env.VAPI_WEBHOOK_SECRET,
      clinicNumber: clinic.phoneNumber,
      speed: env.SIMULATOR_SPEED,
    };
    after(() =>
      runScenario(scenario, options, undefined, { procedure }).catch((error: Error) =>
        console.warn(`[simulator] test call stopped: ${error.message}`),
      ),
    );
    return {
      message: procedure
        ? `A simulated caller is ringing ${clinic.phoneNumber} to book a ${procedure} consultation.`
        : `A simulated caller is ringing ${clinic.phoneNumber} and asking for a person.`,
    };
  },
);
