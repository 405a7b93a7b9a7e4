"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import {
  changeBookingStatus,
  completeCallback as completeCallbackTask,
} from "@/lib/bookings/service";
import { bookingActionSchema } from "@/lib/validations/booking";

import { clinicAction } from "./safe-action";

// Receptionists and admins alike: who may change a booking is decided by RLS (members of the
// booking's clinic) and the status trigger (allowed transitions), which also audits it.
const memberAction = clinicAction({ role: "member", refused: "You are not a member of a clinic." });

// Confirm or cancel a booking.
export const changeBooking = memberAction(
  { schema: bookingActionSchema, invalid: "first-issue" },
  async (input, { claims }) => {
    const result = await changeBookingStatus(claims, input.bookingId, {
      status: input.action === "confirm" ? "confirmed" : "cancelled",
      reason: input.action === "cancel" ? input.reason : undefined,
    });
    revalidatePath("/bookings");
    if (result.ok) return {};
    return {
      error:
        result.reason === "not_found"
          ? "That booking no longer exists or is not in your clinic."
          : "That booking has already been cancelled.",
    };
  },
);

// Marks a call-back task done.
export const completeCallback = memberAction(
  { schema: z.object({ taskId: z.uuid() }), invalid: { error: "Invalid request" } },
  async ({ taskId }, { claims }) => {
    const done = await completeCallbackTask(claims, taskId);
    revalidatePath("/bookings");
    return done ? {} : { error: "That call-back was already done." };
  },
);
