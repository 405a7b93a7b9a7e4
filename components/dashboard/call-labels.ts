import { OUTCOME_WORDS, STATE_WORDS } from "@/lib/calls/plain-language";

/** Readable words for call states and outcomes: lib/calls/plain-language.ts decides them. */
export const STATE_LABELS: Record<string, string> = STATE_WORDS;
export const OUTCOME_LABELS: Record<string, (typeof OUTCOME_WORDS)[keyof typeof OUTCOME_WORDS]> =
  OUTCOME_WORDS;

/** Colour family per state, for the live board (Tailwind classes on a dot and a soft badge). */
export const STATE_TONE: Record<string, string> = {
  idle: "bg-muted-foreground",
  incoming: "bg-sky-500",
  ringing: "bg-sky-500",
  connected: "bg-teal-500",
  in_conversation: "bg-teal-500",
  collecting_info: "bg-indigo-500",
  booking_appointment: "bg-amber-500",
  confirming_details: "bg-amber-500",
  transferring: "bg-violet-500",
  on_hold: "bg-rose-500",
  completed: "bg-emerald-600",
  ended: "bg-muted-foreground",
  failed: "bg-destructive",
  abandoned: "bg-amber-600",
};

export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}
