"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { adminContext, type ActionResult } from "@/lib/actions/admin";
import { pushClinicAssistant, setLatencyProfile } from "@/lib/assistant/service";
import { LATENCY_PROFILES } from "@/lib/vapi/assistant";

const schema = z.object({ profile: z.enum(LATENCY_PROFILES) });

// Applies a latency profile to the clinic's assistant, and pushes it to Vapi when an API key is
// configured (otherwise assistant-request serves it from the next call on).
export async function applyLatencyProfile(input: unknown): Promise<ActionResult & { pushed?: boolean }> {
  const admin = await adminContext();
  if (!admin) return { error: "Only clinic admins can change the assistant." };
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { error: "Unknown profile." };
  const changed = await setLatencyProfile(admin.claims, admin.clinicId, parsed.data.profile);
  if (!changed) return { error: "Could not change the clinic's settings." };
  let pushed: boolean;
  try {
    pushed = await pushClinicAssistant(admin.clinicId);
  } catch {
    revalidatePath("/admin/assistant");
    return { error: "The profile is saved, but pushing it to Vapi failed. Try again, or run npm run vapi:config -- --push." };
  }
  revalidatePath("/admin/assistant");
  return { pushed };
}
