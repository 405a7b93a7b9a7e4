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

export const OUTCOME_LABELS: Record<string, { label: string; variant: "success" | "warning" | "destructive" | "secondary" | "outline" }> = {
  booked: { label: "Booked", variant: "success" },
  follow_up: { label: "Follow-up scheduled", variant: "secondary" },
  information: { label: "Information", variant: "outline" },
  transferred: { label: "Transferred", variant: "secondary" },
  abandoned: { label: "Abandoned", variant: "warning" },
  failed: { label: "Failed", variant: "destructive" },
};
