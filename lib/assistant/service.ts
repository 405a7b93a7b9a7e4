import "server-only";

import { getEnv } from "@/lib/env";
import type { Claims } from "@/lib/auth/claims";
import * as db from "@/lib/db/assistant";
import { latencySummary } from "@/lib/db/latency";
import { asSignedIn, withClaims, withService } from "@/lib/db/transaction";
import { assistantFor } from "@/lib/vapi/assistant";
import { pushAssistant } from "@/lib/vapi/push";

/** The Assistant page: what the clinic's assistant is built from, and its reply times over the last 7 days. */
export function loadAssistantPage(claims: Claims, clinicId: string) {
  return withClaims(claims, async (tx) => ({
    source: await db.loadAssistantSource(tx, clinicId),
    latency: await latencySummary(tx, clinicId),
  }));
}

/** Sets the clinic's latency profile as the signed-in person (RLS: admins of the clinic; audited by trigger). */
export const setLatencyProfile = asSignedIn(db.setLatencyProfile);

/**
 * Creates or updates the clinic's assistant in Vapi and stores its id, when an API key is
 * configured (false when not: assistant-request then serves the config from the next call on).
 * Reads, calls Vapi outside any transaction, then stores the id.
 */
export async function pushClinicAssistant(clinicId: string): Promise<boolean> {
  const env = getEnv();
  if (!env.VAPI_API_KEY) return false;
  const { assistant, existingId } = await withService(async (tx) => ({
    assistant: assistantFor(await db.loadAssistantSource(tx, clinicId), env),
    existingId: await db.getClinicAssistantId(tx, clinicId),
  }));
  const result = await pushAssistant(assistant, {
    apiKey: env.VAPI_API_KEY,
    baseUrl: env.VAPI_API_BASE_URL,
    existingId,
  });
  await withService((tx) => db.setClinicAssistantId(tx, clinicId, result.id));
  return true;
}
