"use server";

import { z } from "zod";

import { AppError } from "@/lib/api/errors";
import {
  cancelFromLink,
  rescheduleFromLink,
  setWaitlistFromLink,
} from "@/lib/appointments/service";
import { plainError } from "@/lib/validations/plain-errors";

// The manage link page's actions. The patient is not signed in: the token from the page's URL
// is the credential, checked again on every write (lib/appointments/service.ts). Bad input is
// refused before the database; a refusal answers a sentence and changes nothing.

export type ManageActionResult =
  { ok: true; start?: string; waiting?: boolean } | { ok: false; error: string };

const token = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);
const rescheduleSchema = z.object({ token, offerId: z.uuid() });
const waitlistSchema = z.object({ token, wait: z.boolean() });
const cancelSchema = z.object({
  token,
  reason: z.string().trim().max(300, "Please keep the reason under 300 characters.").optional(),
});

const GENERIC = "Something went wrong on our side. Please try again, or call the clinic.";

async function answer(run: () => Promise<ManageActionResult>): Promise<ManageActionResult> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.message };
    console.error("manage link action failed", (error as Error).name);
    return { ok: false, error: GENERIC };
  }
}

export async function moveAppointment(input: {
  token: string;
  offerId: string;
}): Promise<ManageActionResult> {
  const parsed = rescheduleSchema.safeParse(input);
  if (!parsed.success)
    return { ok: false, error: "That time is no longer on offer. Please pick again." };
  return answer(async () => {
    const moved = await rescheduleFromLink(parsed.data.token, parsed.data.offerId);
    return { ok: true, start: moved.start };
  });
}

export async function cancelAppointment(input: {
  token: string;
  reason?: string;
}): Promise<ManageActionResult> {
  const parsed = cancelSchema.safeParse(input, { error: plainError });
  if (!parsed.success)
    return { ok: false, error: parsed.error.issues[0]?.message ?? "Invalid request." };
  return answer(async () => {
    await cancelFromLink(parsed.data.token, parsed.data.reason || undefined);
    return { ok: true };
  });
}

export async function setWaitlist(input: {
  token: string;
  wait: boolean;
}): Promise<ManageActionResult> {
  const parsed = waitlistSchema.safeParse(input, { error: plainError });
  if (!parsed.success)
    return { ok: false, error: "That link did not work. Reload the page and try again." };
  return answer(async () => {
    const result = await setWaitlistFromLink(parsed.data.token, parsed.data.wait);
    return { ok: true, waiting: result.waiting };
  });
}
