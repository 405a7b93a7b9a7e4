/** Readable words and colours for call states and outcomes. */
export const STATE_LABELS: Record<string, string> = {
  idle: "Starting",
  incoming: "Incoming",
  ringing: "Ringing",
  connected: "Connected",
  in_conversation: "Talking",
  collecting_info: "Finding a time",
  booking_appointment: "Holding a slot",
  confirming_details: "Confirming",
  transferring: "Transferring",
  on_hold: "Assistant delayed",
  completed: "Completed",
  ended: "Ended",
  failed: "Failed",
  abandoned: "Abandoned",
};

export const OUTCOME_LABELS: Record<
  string,
  { label: string; variant: "success" | "warning" | "destructive" | "secondary" | "outline" }
> = {
  booked: { label: "Booked", variant: "success" },
  follow_up: { label: "Follow-up scheduled", variant: "secondary" },
  information: { label: "Information", variant: "outline" },
  transferred: { label: "Transferred", variant: "secondary" },
  abandoned: { label: "Abandoned", variant: "warning" },
  failed: { label: "Failed", variant: "destructive" },
};

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
