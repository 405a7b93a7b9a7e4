import { z } from "zod";

import { APPOINTMENT_STATUSES } from "@/types/diary";

export const BOOKING_STATUSES = APPOINTMENT_STATUSES;

export const bookingFilterSchema = z.object({
  day: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
  status: z
    .enum([...BOOKING_STATUSES, "all"])
    .optional()
    .catch(undefined),
});

export const bookingActionSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("confirm"), bookingId: z.uuid() }),
  z.object({
    action: z.literal("cancel"),
    bookingId: z.uuid(),
    reason: z.string().trim().min(3, "Say why the booking is cancelled.").max(500),
  }),
]);
export type BookingAction = z.infer<typeof bookingActionSchema>;
