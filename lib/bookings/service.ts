import "server-only";

import type { Claims } from "@/lib/auth/claims";
import { listBookings, updateBookingStatus, type BookingUpdate } from "@/lib/db/bookings";
import { completeCallbackTask, listOpenCallbacks } from "@/lib/db/follow-ups";
import { asSignedIn, withClaims } from "@/lib/db/transaction";

/** The Bookings page: the clinic's bookings under `filter`, and the call-backs still to make. */
export function loadBookings(
  claims: Claims,
  clinicId: string,
  filter: Parameters<typeof listBookings>[2],
) {
  return withClaims(claims, async (tx) => ({
    bookings: await listBookings(tx, clinicId, filter),
    callbacks: await listOpenCallbacks(tx, clinicId),
  }));
}

/**
 * Confirms or cancels a booking as the signed-in person: RLS (members of the booking's clinic)
 * and the status trigger (allowed transitions) decide, and the trigger audits it. The patient's
 * texts (confirmation when it was made, reminders; withdrawn if cancelled) are planned by the
 * database (lib/reminders).
 */
export async function changeBookingStatus(
  claims: Claims,
  bookingId: string,
  change: { status: "confirmed" | "cancelled"; reason?: string },
): Promise<BookingUpdate> {
  return withClaims(claims, (tx) => updateBookingStatus(tx, bookingId, change));
}

/** Marks a call-back task done (members of the clinic, by RLS); false if it already was. */
export const completeCallback = asSignedIn(completeCallbackTask);
