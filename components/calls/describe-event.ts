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
    default:
      return { title: event.event };
  }
}
