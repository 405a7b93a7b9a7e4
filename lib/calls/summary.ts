import { isTerminal } from "@/types/call-states";
import type { CallDetail } from "@/lib/db/call-detail";
import { formatAppointmentTime } from "@/lib/format";

import { describeEnding, LOST_ENDED_REASON, stateWords } from "./plain-language";

/** What staff should do about a call, first thing on its page. */
export type NextAction =
  | { kind: "confirm"; words: string; bookingId: string }
  | { kind: "call_back"; words: string; taskId: string }
  | { kind: "pick_up"; words: string }
  | { kind: "wait"; words: string }
  | { kind: "none"; words: string };

export interface CallSummary {
  /** One sentence: what happened on the call. */
  line: string;
  next: NextAction;
}

type SummaryInput = Pick<CallDetail, "call" | "bookings" | "callback" | "events">;

/** "Caller hung up" inside a sentence: "caller hung up"; names keep their capital. */
const midSentence = (words: string) =>
  /^(Voxanne|Sarah)\b/.test(words) ? words : words.replace(/^./, (c) => c.toLowerCase());

const list = (items: string[]) =>
  items.length <= 1
    ? (items[0] ?? "")
    : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;

/**
 * The call in one line and the one thing to do next (issue 20: "confirm this booking", "call
 * back", "nothing to do"). Pure: the call page renders it, tests/unit/call-summary.test.ts
 * holds it to each kind of call.
 */
export function summariseCall(detail: SummaryInput): CallSummary {
  const { call } = detail;
  const who = call.callerName ?? "Someone";
  // In the clinic's words and zone (lib/format), as the patient was told.
  const when = { format: (at: Date) => formatAppointmentTime(at, call) };
  const asked = call.procedures.length ? ` about ${list(call.procedures)}` : "";

  if (!isTerminal(call.state)) {
    const line = `${who} is on the line with Voxanne now (${stateWords(call.state).toLowerCase()}).`;
    return call.state === "transferring"
      ? { line, next: { kind: "pick_up", words: "Pick up the front-desk phone." } }
      : { line, next: { kind: "wait", words: "Nothing to do while Voxanne is talking." } };
  }

  const booking =
    detail.bookings.find((b) => b.status === "pending") ??
    detail.bookings.find((b) => b.status !== "cancelled") ??
    detail.bookings[0];
  const events = new Set(detail.events.map((event) => event.event));
  const ending = describeEnding(call.endedReason);
  const lost = call.outcome === "lost" || call.endedReason === LOST_ENDED_REASON;

  let line: string;
  if (booking) {
    const what = booking.procedure ? `a ${booking.procedure} appointment` : "an appointment";
    line =
      booking.status === "cancelled"
        ? `${who} booked ${what} for ${when.format(booking.startsAt)}; it has since been cancelled.`
        : `${who} booked ${what} with ${booking.practitioner} for ${when.format(booking.startsAt)}.`;
  } else if (events.has("booking.rescheduled")) line = `${who} moved an appointment.`;
  else if (events.has("booking.cancelled")) line = `${who} cancelled an appointment.`;
  else if (lost)
    line = `${who} called${asked}; the call stopped responding and was closed as lost.`;
  else if (events.has("message.taken")) line = `${who} called${asked} and left a message.`;
  else if (call.outcome === "transferred" || call.transferredTo)
    line = `${who} called${asked} and was put through to ${call.transferredTo ?? "the clinic"}.`;
  else if (call.outcome === "failed")
    line = `${who} called${asked}; ${midSentence(ending?.words ?? "Voxanne had a technical problem")}.`;
  else if (call.procedures.length)
    line = `${who} asked about ${list(call.procedures)} and did not book.`;
  else line = `${who} called${ending ? `: ${midSentence(ending.words)}` : ""}.`;

  if (detail.callback && !detail.callback.doneAt)
    return {
      line,
      next: {
        kind: "call_back",
        taskId: detail.callback.id,
        words: `Call ${call.callerName ?? "the caller"} back: ${midSentence(detail.callback.reason)}.`,
      },
    };
  if (booking?.status === "pending")
    return {
      line,
      next: { kind: "confirm", bookingId: booking.id, words: "Confirm this booking." },
    };
  return { line, next: { kind: "none", words: "Nothing to do." } };
}
