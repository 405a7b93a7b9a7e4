import type { OfferedSlot } from "@/lib/call-flow/tools/offer-times";

// What each tool answers, as a caller of the webhook reads it (JSON, so absent where the tool
// left a field undefined). The tools type their result as a plain record, so this map is
// declared by hand from lib/call-flow/tools/*.ts; keep the two together. Fields that only one
// outcome carries (a refusal's `reason`, a hold's `heldUntil`) are optional.

/** A bookable time as check_availability offers it, and as refusals offer alternatives. */
export type SlotOffer = OfferedSlot;

export interface ToolResults {
  check_availability: {
    slots: SlotOffer[];
    timezone: string;
    appointmentType?: {
      name: string;
      kind: string;
      durationMinutes: number;
      procedure: string;
      confirmation: "instant" | "staff";
    };
    note?: string;
  };
  hold_slot: {
    held: boolean;
    slotId: string;
    heldUntil?: string;
    holdSeconds?: number;
    label?: string;
    reason?: string;
    alternatives?: SlotOffer[];
  };
  confirm_booking: {
    booked: boolean;
    slotId: string;
    bookingId?: string;
    procedure?: string | null;
    /** confirmed at once (the type says so) or pending the front desk's confirmation. */
    status?: "confirmed" | "pending";
    note?: string;
    reason?: string;
    alternatives?: SlotOffer[];
  };
  release_slot: { released: boolean; slotId: string; reason?: string };
  lookup_procedure: {
    found: boolean;
    message?: string;
    procedure?: { name: string; description: string; typicalDurationMinutes: number };
    answers?: { topic: string; question: string; answer: string }[];
    aftercareAvailable?: boolean;
    note?: string;
  };
  identify_caller: {
    recognised: boolean;
    firstName?: string;
    upcomingAppointments?: number;
    previousVisits?: number;
    note: string;
  };
  find_appointments: {
    appointments: {
      appointmentId: string;
      start: string;
      end: string;
      practitioner: string;
      procedure: string;
      label: string;
      status: "pending" | "confirmed";
    }[];
    callerFirstName?: string;
    timezone?: string;
    cancellationPolicy?: string | null;
    manageLinkOffered?: boolean;
    manageLinkSent?: boolean;
    note?: string;
  };
  reschedule_appointment: {
    rescheduled: boolean;
    appointmentId?: string;
    start?: string;
    end?: string;
    label?: string;
    note?: string;
    reason?: string;
    alternatives?: SlotOffer[];
  };
  cancel_appointment: { cancelled: boolean; reason?: string };
  join_waitlist: { waitlisted: boolean; note?: string; reason?: string };
  take_message: { taken: boolean; urgent: boolean; note: string };
}

/** The result of the tool called `name`: typed for the eleven tools, a plain record for any other name. */
export type ToolResult<N extends string> = N extends keyof ToolResults
  ? ToolResults[N]
  : Record<string, unknown>;
