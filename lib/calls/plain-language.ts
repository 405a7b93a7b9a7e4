/**
 * Every code a call can carry, in the words a receptionist uses (issue 20, "plain language").
 * Staff screens show these words; the codes themselves stay behind an admin-only "Details"
 * disclosure. Client-safe: the live board and the call pages both read it.
 *
 * Vapi's ended reasons are the `Vapi.CallEndedReason` union of `@vapi-ai/server-sdk` 2.0.1
 * (node_modules/@vapi-ai/server-sdk/dist/esm/api/types/CallEndedReason.mjs; the status-update and
 * end-of-call-report unions are the same list). There are ~600 of them, most one per provider
 * and HTTP status, so they are mapped by what they mean: the exact codes a caller or Voxanne
 * causes, then families of faults by their shape. tests/unit/plain-language.test.ts reads the
 * SDK's list, so a code a new SDK adds that fits no rule fails it.
 */

import { CALL_OUTCOMES, type CallOutcome } from "@/types/call-outcomes";
import type { CallState } from "@/types/call-states";
import { SIGN_LABELS, URGENT_SIGNS, type UrgentSign } from "@/lib/hours/urgent";

/** What kind of ending it was: decides the tone and what staff should do about it. */
export type EndingKind =
  | "caller_hung_up"
  | "voxanne_ended"
  | "transferred"
  | "not_connected"
  | "voicemail"
  | "silence"
  | "too_long"
  | "lost"
  | "technical"
  | "account"
  | "cancelled";

export interface Ending {
  kind: EndingKind;
  /** One short sentence, e.g. "Caller hung up". */
  words: string;
  /** False for a code no rule knows: the words are then generic. */
  known: boolean;
}

/** The server's own code for a call closed by the lost-call sweep (lib/calls/lost.ts). */
export const LOST_ENDED_REASON = "lost-no-messages";

const ENDINGS: Record<string, [EndingKind, string]> = {
  // The caller.
  "customer-ended-call": ["caller_hung_up", "Caller hung up"],
  "customer-ended-call-before-warm-transfer": [
    "caller_hung_up",
    "Caller hung up before being put through",
  ],
  "customer-ended-call-after-warm-transfer-attempt": [
    "caller_hung_up",
    "Caller hung up after a transfer was tried",
  ],
  "customer-ended-call-during-transfer": [
    "caller_hung_up",
    "Caller hung up while being put through",
  ],
  "call.ringing.sip-inbound-caller-hungup-before-call-connect": [
    "caller_hung_up",
    "Caller hung up before Voxanne answered",
  ],
  "customer-busy": ["not_connected", "The line was busy"],
  "customer-did-not-answer": ["not_connected", "Nobody answered"],
  "customer-did-not-give-microphone-permission": [
    "not_connected",
    "The caller's microphone was blocked",
  ],
  "twilio-reported-customer-misdialed": ["not_connected", "The caller misdialled"],
  // Voxanne.
  "assistant-ended-call": ["voxanne_ended", "Voxanne ended the call"],
  "assistant-ended-call-after-message-spoken": [
    "voxanne_ended",
    "Voxanne said goodbye and hung up",
  ],
  "assistant-ended-call-with-hangup-task": ["voxanne_ended", "Voxanne ended the call"],
  "assistant-said-end-call-phrase": ["voxanne_ended", "Voxanne said goodbye and hung up"],
  "assistant-forwarded-call": ["transferred", "Voxanne put the caller through"],
  "call.ending.hook-executed-transfer": ["transferred", "Voxanne put the caller through"],
  "call.ringing.hook-executed-transfer": ["transferred", "Put straight through to the clinic"],
  "call.ending.hook-executed-say": ["voxanne_ended", "Voxanne gave a closing message"],
  "call.ringing.hook-executed-say": ["voxanne_ended", "Voxanne gave a message and hung up"],
  "call.forwarding.no-answer": ["not_connected", "Nobody picked up the transferred call"],
  "call.forwarding.operator-busy": ["not_connected", "The front-desk line was busy"],
  "assistant-request-returned-forwarding-phone-number": [
    "transferred",
    "Put straight through to the clinic",
  ],
  voicemail: ["voicemail", "Reached voicemail"],
  "silence-timed-out": ["silence", "The caller went silent"],
  "exceeded-max-duration": ["too_long", "The call reached its time limit"],
  "assistant-join-timed-out": ["technical", "Voxanne could not join the call"],
  // The phone line itself.
  "call.in-progress.twilio-completed-call": ["caller_hung_up", "The call finished"],
  "call.in-progress.sip-completed-call": ["caller_hung_up", "The call finished"],
  "vonage-completed": ["caller_hung_up", "The call finished"],
  "vonage-disconnected": ["technical", "The phone line dropped"],
  "vonage-rejected": ["not_connected", "The phone network refused the call"],
  "vonage-failed-to-connect-call": ["technical", "The phone line could not connect"],
  "twilio-failed-to-connect-call": ["technical", "The phone line could not connect"],
  "phone-call-provider-closed-websocket": ["technical", "The phone line dropped"],
  "phone-call-provider-bypass-enabled-but-no-call-received": [
    "technical",
    "The phone line could not connect",
  ],
  "call.ringing.error-sip-inbound-call-failed-to-connect": [
    "technical",
    "The phone line could not connect",
  ],
  "worker-shutdown": ["technical", "Voxanne had a technical problem"],
  // Cancelled before it happened.
  "manually-canceled": ["cancelled", "Cancelled before it started"],
  "call-deleted": ["cancelled", "Cancelled before it started"],
  "scheduled-call-deleted": ["cancelled", "Cancelled before it started"],
  // Twilio's own call status (lib/twilio/handlers/call-status.ts writes `twilio-<CallStatus>`).
  "twilio-completed": ["caller_hung_up", "The call finished"],
  "twilio-busy": ["not_connected", "The line was busy"],
  "twilio-no-answer": ["not_connected", "Nobody answered"],
  "twilio-failed": ["technical", "The phone line could not connect"],
  "twilio-canceled": ["caller_hung_up", "Caller hung up before Voxanne answered"],
  // Ours: the server closed a call that stopped sending messages.
  [LOST_ENDED_REASON]: ["lost", "Lost: the call stopped responding"],
};

/** Families of Vapi codes, by shape: most are one per provider and HTTP status. */
const FAMILIES: [RegExp, EndingKind, string][] = [
  [
    /subscription|wallet|credits|fraud-check|enterprise-feature|outbound-daily-limit|number-international|-401$|-403-|invalid-api-key|out-of-credits|quota|billing|payment|api-access/,
    "account",
    "Voxanne could not answer: the phone service account needs attention",
  ],
  [/warm-transfer|transfer-failed/, "not_connected", "The transfer to the front desk failed"],
  [
    /did-not-receive-customer-audio|microphone-timeout/,
    "silence",
    "Voxanne could not hear the caller",
  ],
  [
    /^(call\.start\.|call-start-error|assistant-request-|assistant-not-)|^call\.start/,
    "technical",
    "Voxanne could not start the call",
  ],
  [
    /^pipeline-error-|^call\.in-progress\.error-|vapifault|providerfault|configfault/,
    "technical",
    "Voxanne had a technical problem",
  ],
];

/** An ended reason in words. Unknown codes read "The call ended" and are marked unknown. */
export function describeEnding(code: string | null | undefined): Ending | null {
  if (!code) return null;
  const exact = ENDINGS[code];
  if (exact) return { kind: exact[0], words: exact[1], known: true };
  for (const [pattern, kind, words] of FAMILIES)
    if (pattern.test(code)) return { kind, words, known: true };
  return { kind: "technical", words: "The call ended", known: false };
}

/** Where a call is, as the live board and call pages say it. */
export const STATE_WORDS: Record<CallState, string> = {
  idle: "Starting",
  incoming: "Incoming",
  ringing: "Ringing",
  connected: "Connected",
  in_conversation: "Talking",
  collecting_info: "Finding a time",
  booking_appointment: "Holding a slot",
  confirming_details: "Confirming",
  transferring: "Transferring",
  on_hold: "Voxanne is slow to reply",
  completed: "Completed",
  ended: "Ended",
  failed: "Technical problem",
  abandoned: "Caller hung up",
};

export const stateWords = (state: string): string =>
  (STATE_WORDS as Record<string, string>)[state] ?? "In progress";

export type BadgeTone = "success" | "warning" | "destructive" | "secondary" | "outline";

/** What came of a call. */
export const OUTCOME_WORDS: Record<CallOutcome, { label: string; variant: BadgeTone }> = {
  booked: { label: "Booked", variant: "success" },
  follow_up: { label: "Follow-up scheduled", variant: "secondary" },
  information: { label: "Information", variant: "outline" },
  transferred: { label: "Transferred", variant: "secondary" },
  abandoned: { label: "Caller hung up", variant: "warning" },
  failed: { label: "Technical problem", variant: "destructive" },
  lost: { label: "Lost", variant: "destructive" },
};

export const outcomeWords = (outcome: string | null | undefined) =>
  outcome && (CALL_OUTCOMES as readonly string[]).includes(outcome)
    ? OUTCOME_WORDS[outcome as CallOutcome]
    : null;

/** The state machine's events (lib/call-flow/machine.ts), as a line of the call's story. */
export const EVENT_WORDS: Record<string, string> = {
  "call.received": "The call came in",
  "call.ringing": "The phone rang",
  "call.answered": "Voxanne answered",
  "conversation.started": "The conversation started",
  "procedure.asked": "The caller asked about a procedure",
  "availability.requested": "Voxanne looked for a free time",
  "slot.held": "A time was held for the caller",
  "slot.released": "The held time was let go",
  "booking.requested": "Voxanne started booking",
  "booking.confirmed": "The appointment was booked",
  "booking.failed": "The booking did not go through",
  "transfer.started": "Putting the caller through",
  "assistant.stalled": "Voxanne was slow to reply",
  "assistant.resumed": "Voxanne carried on",
  "call.ended": "The call ended",
  // Events written beside the transitions (call_events.kind booking / note).
  "booking.created": "The appointment was booked",
  "booking.rescheduled": "An appointment was moved",
  "booking.cancelled": "An appointment was cancelled",
  "waitlist.joined": "The caller joined the waiting list",
  "manage_link.planned": "A link to manage their appointment is being texted",
  "message.taken": "Voxanne took a message",
  "call.urgent": "Flagged urgent",
  "call.emergency": "Emergency signs",
  "transfer.destination": "Transfer decided",
  "transfer.unanswered": "Transfer not answered",
  "call.lost": "Closed as lost: the call stopped responding",
};

/** The assistant's tools (lib/vapi/tool-definitions.ts), as what Voxanne did. */
export const TOOL_WORDS: Record<string, string> = {
  check_availability: "Voxanne looked for free times",
  hold_slot: "Voxanne held a time",
  confirm_booking: "Voxanne booked the appointment",
  release_slot: "Voxanne let a held time go",
  lookup_procedure: "Voxanne looked up a procedure",
  identify_caller: "Voxanne checked who is calling",
  find_appointments: "Voxanne looked up the caller's appointments",
  reschedule_appointment: "Voxanne moved an appointment",
  cancel_appointment: "Voxanne cancelled an appointment",
  join_waitlist: "Voxanne added the caller to the waiting list",
  take_message: "Voxanne took a message",
};

export const eventWords = (event: string): string => EVENT_WORDS[event] ?? "Something happened";
export const toolWords = (tool: string): string => TOOL_WORDS[tool] ?? "Voxanne used a tool";

/**
 * Why a call is being put through to the front desk, for the transfer banner: an emergency, an
 * urgent post-operative concern (with the signs recognised, in words), or the caller asking for
 * a person, which is what every other transfer is.
 */
export function transferReasonWords(
  urgency: "urgent" | "emergency" | null | undefined,
  signs: readonly string[] = [],
): string {
  const words = signs
    .filter((sign): sign is UrgentSign => (URGENT_SIGNS as readonly string[]).includes(sign))
    .map((sign) => SIGN_LABELS[sign]);
  const detail = words.length ? `: ${words.join(", ")}` : "";
  if (urgency === "emergency") return `${EVENT_WORDS["call.emergency"]}${detail}`;
  if (urgency === "urgent") return `Urgent post-operative concern${detail}`;
  return "Asked to speak to a person";
}
