/**
 * One line of a call's transcript, raw: read from a Vapi report (lib/vapi/report.ts), redacted
 * before anything keeps it (lib/redaction), and never stored as it is.
 */
export interface TranscriptLine {
  speaker: "user" | "assistant";
  text: string;
  at: Date | null;
}
