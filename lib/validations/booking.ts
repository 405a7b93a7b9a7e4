import { z } from "zod";

import { APPOINTMENT_STATUSES } from "@/types/diary";

import { isoDate } from "./search-params";

export const BOOKING_STATUSES = APPOINTMENT_STATUSES;

/** /bookings?day=YYYY-MM-DD&status=…: each field read on its own (readSearchParams). */
export const bookingFilterFields = {
  day: isoDate,
  status: z.enum([...BOOKING_STATUSES, "all"]),
};

/** What the Bookings page says it did with a value it could not use. */
export const explainBookingFilter = (name: "day" | "status", value: string) =>
  name === "day"
    ? `“${value}” is not a date, so bookings on every day are shown.`
    : `“${value}” is not a booking status, so bookings of every status are shown.`;

export const bookingActionSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("confirm"), bookingId: z.uuid() }),
  z.object({
    action: z.literal("cancel"),
    bookingId: z.uuid(),
    reason: z.string().trim().min(3, "Say why the booking is cancelled.").max(500),
  }),
]);
export type BookingAction = z.infer<typeof bookingActionSchema>;
