import { eventWords, stateWords, toolWords } from "@/lib/calls/plain-language";
import type { CallDetail } from "@/lib/db/call-detail";
import { SIGN_LABELS, type UrgentSign } from "@/lib/hours/urgent";

/**
 * One line of a call's story in words a receptionist uses (`title`, `detail`), and the codes
 * behind it (`technical`: event and tool names, ids, timings) for the admins' Details disclosure.
 */
export function describeEvent(event: CallDetail["events"][number]): {
  title: string;
  detail?: string;
  technical: string;
} {
  const meta = event.metadata;
  const technical = [
    event.kind,
    event.event,
    event.fromState || event.toState ? `${event.fromState ?? "?"} → ${event.toState ?? "?"}` : "",
    ...Object.entries(meta).map(([key, value]) => `${key}=${JSON.stringify(value)}`),
  ]
    .filter(Boolean)
    .join(" · ");
  const line = describeLine(event);
  return { ...line, technical };
}

function describeLine(event: CallDetail["events"][number]): { title: string; detail?: string } {
  const meta = event.metadata;
  switch (event.kind) {
    case "transition":
      return {
        title: eventWords(event.event),
        detail: event.toState ? `now ${stateWords(event.toState).toLowerCase()}` : undefined,
      };
    case "ignored":
      return {
        title: "A late message was ignored",
        detail: meta.reason === "terminal" ? "the call had already ended" : undefined,
      };
    case "hold":
      return { title: "A time was held for 90 seconds" };
    case "release":
      return {
        title: "The held time was let go",
        detail: meta.by === "call_ended" ? "the call ended" : "the caller changed their mind",
      };
    case "booking":
      return { title: eventWords(event.event) };
    case "tool":
      return {
        title: toolWords(event.event),
        detail:
          meta.outcome === "invalid_arguments" ? "it did not work; Voxanne tried again" : undefined,
      };
    case "note":
      return describeNote(event.event, meta);
    default:
      return { title: eventWords(event.event) };
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
  const signs = Array.isArray(meta.signs)
    ? meta.signs
        .map((sign) => SIGN_LABELS[sign as UrgentSign] ?? String(sign).replaceAll("_", " "))
        .join(", ")
    : "";
  if (name === "call.urgent") return { title: "Flagged urgent", detail: signs || undefined };
  if (name === "call.emergency")
    return { title: "Emergency signs", detail: signs || "told to call the emergency number" };
  if (name === "transfer.destination")
    return typeof meta.target === "string" && TRANSFER_TARGETS[meta.target]
      ? { title: TRANSFER_TARGETS[meta.target]! }
      : {
          title: "Not transferred",
          detail: NO_TRANSFER[String(meta.reason)],
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
  return { title: eventWords(name) };
}
