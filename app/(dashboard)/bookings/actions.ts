"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { getClinicContext } from "@/lib/auth/clinic";
import { changeBookingStatus, completeCallback as completeCallbackTask } from "@/lib/bookings/service";
import { bookingActionSchema } from "@/lib/validations/booking";

// Confirm or cancel a booking. Validated with zod; who may do it is decided by RLS (members of
// the booking's clinic) and the status trigger (allowed transitions), which also audits it.
export async function changeBooking(input: unknown): Promise<{ error?: string }> {
  const parsed = bookingActionSchema.safeParse(input);
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Invalid request" };
  const { claims } = await getClinicContext();
  const result = await changeBookingStatus(claims, parsed.data.bookingId, {
    status: parsed.data.action === "confirm" ? "confirmed" : "cancelled",
    reason: parsed.data.action === "cancel" ? parsed.data.reason : undefined,
  });
  revalidatePath("/bookings");
  if (result.ok) return {};
  return {
    error: result.reason === "not_found" ? "That booking no longer exists or is not in your clinic." : "That booking has already been cancelled.",
  };
}

const callbackSchema = z.object({ taskId: z.uuid() });

// Marks a call-back task done (members of the clinic, by RLS).
export async function completeCallback(input: unknown): Promise<{ error?: string }> {
  const parsed = callbackSchema.safeParse(input);
  if (!parsed.success) return { error: "Invalid request" };
  const { claims } = await getClinicContext();
  const done = await completeCallbackTask(claims, parsed.data.taskId);
  revalidatePath("/bookings");
  return done ? {} : { error: "That call-back was already done." };
}
