"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { getEnv } from "@/lib/env";
import { adminContext, type ActionResult } from "@/lib/actions/admin";
import { getClinicAssistantId, loadAssistantSource, setClinicAssistantId, setLatencyProfile } from "@/lib/db/assistant";
import { withClaims, withService } from "@/lib/db/transaction";
import { assistantFor, LATENCY_PROFILES } from "@/lib/vapi/assistant";
import { pushAssistant } from "@/lib/vapi/push";

const schema = z.object({ profile: z.enum(LATENCY_PROFILES) });

// Applies a latency profile to the clinic's assistant, and pushes it to Vapi when an API key is
// configured (otherwise assistant-request serves it from the next call on).
export async function applyLatencyProfile(input: unknown): Promise<ActionResult & { pushed?: boolean }> {
  const admin = await adminContext();
  if (!admin) return { error: "Only clinic admins can change the assistant." };
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { error: "Unknown profile." };
  const changed = await withClaims(admin.claims, (tx) => setLatencyProfile(tx, admin.clinicId, parsed.data.profile));
  if (!changed) return { error: "Could not change the clinic's settings." };
  const env = getEnv();
  let pushed = false;
  if (env.VAPI_API_KEY) {
    try {
      // Read, then call Vapi outside any transaction, then store the id.
      const { assistant, existingId } = await withService(async (tx) => ({
        assistant: assistantFor(await loadAssistantSource(tx, admin.clinicId), env),
        existingId: await getClinicAssistantId(tx, admin.clinicId),
      }));
      const result = await pushAssistant(assistant, { apiKey: env.VAPI_API_KEY, baseUrl: env.VAPI_API_BASE_URL, existingId });
      await withService((tx) => setClinicAssistantId(tx, admin.clinicId, result.id));
      pushed = true;
    } catch {
      revalidatePath("/admin/assistant");
      return { error: "The profile is saved, but pushing it to Vapi failed. Try again, or run npm run vapi:config -- --push." };
    }
  }
  revalidatePath("/admin/assistant");
  return { pushed };
}
