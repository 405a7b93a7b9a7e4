import type { CallDetail } from "@/lib/db/call-detail";
import { STATE_LABELS } from "@/components/dashboard/call-labels";

const label = (state: string | null) => (state ? (STATE_LABELS[state] ?? state) : "");

/** One line of a call's story, in words a receptionist would use. */
export function describeEvent(event: CallDetail["events"][number]): {
  title: string;
  detail?: string;
} {
  const meta = event.metadata;
  switch (event.kind) {
    case "transition":
      return { title: `${label(event.fromState)} → ${label(event.toState)}`, detail: event.event };
    case "ignored":
      return {
        title: `Ignored ${event.event}`,
        detail:
          meta.reason === "terminal"
            ? "the call had already ended"
            : `not allowed while ${label(event.fromState)}`,
      };
    case "hold":
      return {
        title: "Slot held for 90 seconds",
        detail: `slot ${String(meta.slotId).slice(0, 8)}`,
      };
    case "release":
      return {
        title: "Hold released",
        detail: meta.by === "call_ended" ? "the call ended" : "the caller changed their mind",
      };
    case "booking":
      return { title: "Booking made", detail: `booking ${String(meta.bookingId).slice(0, 8)}` };
    case "tool":
      return {
        title: `Tool ${event.event}`,
        detail: [meta.outcome, typeof meta.ms === "number" ? `${meta.ms} ms` : null]
          .filter(Boolean)
          .join(" · "),
      };
    case "note":
      return describeNote(event.event, meta);
    default:
      return { title: event.event };
  }
}

const TRANSFER_TARGETS: Record<string, string> = {
  front_desk: "Put through to the front desk",
  on_call: "Put through to the clinician on call",
};
const NO_TRANSFER: Record<string, string> = {
  emergency: "told to call the emergency number first",
  closed: "the front desk is closed",
  nobody_on_call: "nobody on call",
  no_front_desk: "no front desk number",
};

/** Routing notes (issue 18): urgent flags, transfer destinations, messages taken. */
function describeNote(
  name: string,
  meta: Record<string, unknown>,
): { title: string; detail?: string } {
  const signs = Array.isArray(meta.signs) ? meta.signs.join(", ").replaceAll("_", " ") : "";
  if (name === "call.urgent") return { title: "Flagged urgent", detail: signs || undefined };
  if (name === "call.emergency")
    return { title: "Emergency signs", detail: signs || "told to call the emergency number" };
  if (name === "transfer.destination")
    return typeof meta.target === "string" && TRANSFER_TARGETS[meta.target]
      ? { title: TRANSFER_TARGETS[meta.target]! }
      : {
          title: "Not transferred",
          detail: NO_TRANSFER[String(meta.reason)] ?? String(meta.reason ?? ""),
        };
  if (name === "message.taken")
    return {
      title: meta.urgent ? "Urgent message taken" : "Message taken",
      detail: meta.afterTransfer ? "nobody answered the transfer" : undefined,
    };
  if (name === "transfer.unanswered")
    return {
      title: "Transfer not answered",
      detail: meta.callbackTask
        ? "no message left: call-back task opened"
        : "the call already had a call-back task",
    };
  return { title: name };
}
