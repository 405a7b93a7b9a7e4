/**
 * The call-flow state machine: pure, table-driven, no I/O. `transition(state, event)` says
 * where a call goes next, or why the event is ignored. Only forward moves are in the table,
 * so a late or reordered message can never move a call backwards; terminal states are final.
 */

import { isTerminal, type CallState } from "@/types/call-states";

/** Events, named after what happened; `call.ended` carries what the guard needs. */
export type CallEvent =
  | { type: "call.received" }
  | { type: "call.ringing" }
  | { type: "call.answered" }
  | { type: "conversation.started" }
  | { type: "procedure.asked" }
  | { type: "availability.requested" }
  | { type: "slot.held" }
  | { type: "slot.released" }
  | { type: "booking.requested" }
  | { type: "booking.confirmed" }
  | { type: "booking.failed" }
  | { type: "transfer.started" }
  | { type: "assistant.stalled" }
  | { type: "assistant.resumed" }
  | { type: "call.ended"; endedReason: string | null; booked: boolean };
export type CallEventType = CallEvent["type"];

export const CALL_EVENT_TYPES: readonly CallEventType[] = [
  "call.received",
  "call.ringing",
  "call.answered",
  "conversation.started",
  "procedure.asked",
  "availability.requested",
  "slot.held",
  "slot.released",
  "booking.requested",
  "booking.confirmed",
  "booking.failed",
  "transfer.started",
  "assistant.stalled",
  "assistant.resumed",
  "call.ended",
];

const PRE_ANSWER: CallState[] = ["idle", "incoming", "ringing"];
const TALKING: CallState[] = ["connected", "in_conversation", "collecting_info", "on_hold"];
const BOOKING: CallState[] = ["booking_appointment", "confirming_details"];
const LIVE: CallState[] = [...PRE_ANSWER, ...TALKING, ...BOOKING, "transferring"];

type Target = CallState | ((state: CallState, event: CallEvent) => CallState);
const to = (target: Target, from: CallState[]) =>
  Object.fromEntries(from.map((state) => [state, target]));

/** Vapi endedReason values that mean something broke rather than someone hung up. */
export function isFailureReason(reason: string | null): boolean {
  if (!reason) return false;
  return (
    /error|fault|failed|pipeline-|not-found|invalid|unavailable/.test(reason) &&
    reason !== "customer-busy"
  );
}

/** How a live call ends, decided from where it was and why it ended. */
function endState(state: CallState, event: CallEvent): CallState {
  if (event.type !== "call.ended") return state;
  if (isFailureReason(event.endedReason)) return "failed";
  if (event.booked) return "completed";
  if (state === "transferring") return "ended";
  // Hung up mid-booking, or before anyone answered: the caller was lost, not served.
  if (BOOKING.includes(state) || PRE_ANSWER.includes(state)) return "abandoned";
  return "ended";
}

const TABLE: Record<CallEventType, Partial<Record<CallState, Target>>> = {
  "call.received": to("incoming", ["idle"]),
  "call.ringing": to("ringing", ["idle", "incoming"]),
  "call.answered": to("connected", PRE_ANSWER),
  "conversation.started": to("in_conversation", [...PRE_ANSWER, "connected", "on_hold"]),
  // Asking about a procedure mid-conversation or mid-booking changes nothing.
  "procedure.asked": {
    ...to("in_conversation", [...PRE_ANSWER, "connected", "on_hold"]),
    ...to((state) => state, ["in_conversation", "collecting_info", ...BOOKING]),
  },
  "availability.requested": to("collecting_info", [
    ...PRE_ANSWER,
    "connected",
    "in_conversation",
    "on_hold",
  ]),
  "slot.held": to("booking_appointment", [...PRE_ANSWER, ...TALKING, "booking_appointment"]),
  "slot.released": to("collecting_info", BOOKING),
  "booking.requested": to("confirming_details", ["booking_appointment"]),
  "booking.confirmed": to("in_conversation", [...BOOKING]),
  "booking.failed": to("collecting_info", BOOKING),
  "transfer.started": to("transferring", [...TALKING, ...BOOKING]),
  "assistant.stalled": to("on_hold", ["connected", "in_conversation", "collecting_info"]),
  "assistant.resumed": to("in_conversation", ["on_hold"]),
  "call.ended": to(endState, LIVE),
};

export type TransitionResult =
  { ok: true; to: CallState } | { ok: false; reason: "terminal" | "not_allowed" | "no_change" };

export function transition(state: CallState, event: CallEvent): TransitionResult {
  if (isTerminal(state)) return { ok: false, reason: "terminal" };
  const target = TABLE[event.type][state];
  if (!target) return { ok: false, reason: "not_allowed" };
  const next = typeof target === "function" ? target(state, event) : target;
  return next === state ? { ok: false, reason: "no_change" } : { ok: true, to: next };
}

/** The live states, for the dashboard and sweeps. */
export const LIVE_STATES = LIVE;
