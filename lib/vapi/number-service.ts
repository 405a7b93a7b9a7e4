import "server-only";

import type { Claims } from "@/lib/auth/claims";
import { withClaims, type Tx } from "@/lib/db/transaction";
import {
  getVapiNumberStatus,
  loadVapiNumberSource,
  recordVapiNumberPush,
  type VapiNumberSource,
} from "@/lib/db/vapi-number";

import { explainVapiError, phoneNumberFor, pushPhoneNumber } from "./phone-number";

/** The settings a push needs (the server's environment, or the CLI's). */
export interface NumberPushEnv {
  APP_URL: string;
  VAPI_API_KEY?: string;
  VAPI_API_BASE_URL?: string;
  VAPI_CREDENTIAL_ID?: string;
  TWILIO_ACCOUNT_SID?: string;
  TWILIO_AUTH_TOKEN?: string;
}

export type NumberPushResult =
  | {
      ok: true;
      action: "created" | "updated";
      id: string;
      fallback: string | null;
      message: string;
    }
  | {
      ok: false;
      /** missing_setup: nothing was sent or stored; vapi: Vapi refused or could not be reached (recorded). */
      reason: "missing_setup" | "vapi";
      message: string;
    };

/** Runs one step in a transaction: withService on the server, the CLI's own connection in scripts. */
export type RunInTx = <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>;

/** What stops a push before anything is sent, in sentences an admin can act on. */
export function missingSetup(env: NumberPushEnv, clinic: VapiNumberSource): string[] {
  const problems: string[] = [];
  if (!clinic.phoneNumber)
    problems.push(
      "The clinic has no Twilio number yet: enter the number callers ring (Onboarding → Phone number) first.",
    );
  if (!env.VAPI_API_KEY)
    problems.push(
      "VAPI_API_KEY is not set on the server, so CallWaiting AI cannot talk to Vapi: add your organization's private key (Vapi dashboard → API Keys) to the server's environment.",
    );
  if (!env.TWILIO_ACCOUNT_SID || !env.TWILIO_AUTH_TOKEN)
    problems.push(
      `TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN are not both set on the server: Vapi needs the Twilio account that owns ${clinic.phoneNumber} to import it.`,
    );
  if (!clinic.frontDeskNumber)
    problems.push(
      "The clinic has no front desk number: set one under Transfers and after hours first, so Vapi has a person to put callers through to when our server is down.",
    );
  return problems;
}

/**
 * Imports (or updates) the clinic's Twilio number in Vapi with the front desk as its fallback
 * destination, through the SDK, and records the result on the clinic. Reads, calls Vapi outside
 * any transaction, then records. Missing setup is explained and nothing is stored; a Vapi
 * refusal is explained and recorded (the page shows it), the stored id kept.
 */
export async function pushClinicNumber(
  run: RunInTx,
  clinicId: string,
  env: NumberPushEnv,
): Promise<NumberPushResult> {
  const clinic = await run((tx) => loadVapiNumberSource(tx, clinicId));
  if (!clinic) return { ok: false, reason: "missing_setup", message: "No such clinic." };
  const problems = missingSetup(env, clinic);
  if (problems.length) return { ok: false, reason: "missing_setup", message: problems.join(" ") };
  const number = phoneNumberFor(
    { ...clinic, phoneNumber: clinic.phoneNumber! },
    {
      serverUrl: `${env.APP_URL.replace(/\/$/, "")}/api/webhooks/vapi`,
      credentialId: env.VAPI_CREDENTIAL_ID,
      twilio: { accountSid: env.TWILIO_ACCOUNT_SID!, authToken: env.TWILIO_AUTH_TOKEN! },
    },
  );
  try {
    const pushed = await pushPhoneNumber(number, {
      apiKey: env.VAPI_API_KEY!,
      baseUrl: env.VAPI_API_BASE_URL,
      existingId: clinic.vapiPhoneNumberId,
    });
    await run((tx) =>
      recordVapiNumberPush(tx, clinicId, { ok: true, id: pushed.id, fallback: pushed.fallback }),
    );
    return {
      ok: true,
      ...pushed,
      message: `${pushed.action === "created" ? "Imported" : "Updated"} ${clinic.phoneNumber} in Vapi; if our server cannot answer, callers go to ${pushed.fallback ?? "nobody (Vapi kept no fallback)"}.`,
    };
  } catch (error) {
    const message = explainVapiError(error);
    await run((tx) => recordVapiNumberPush(tx, clinicId, { ok: false, error: message }));
    return { ok: false, reason: "vapi", message };
  }
}

/** What the last push did, as the signed-in member sees it (RLS); null when not their clinic. */
export function getNumberStatus(claims: Claims, clinicId: string) {
  return withClaims(claims, (tx) => getVapiNumberStatus(tx, clinicId));
}
