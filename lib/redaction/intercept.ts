import "server-only";

import type { RedactedText } from "@/types/redaction";
import type { TranscriptLine } from "@/types/transcript";
import { listCallNames } from "@/lib/db/live-transcript";
import { insertLogLines } from "@/lib/db/logs";
import { loadRedactionConfig } from "@/lib/db/redaction";
import type { Tx } from "@/lib/db/transaction";

import { createRedactor, redactTranscript } from "./redact";

/**
 * The only way into `logs` (decision 6): takes raw transcript lines, which exist only in
 * memory while a webhook is handled, and stores their redacted form with the findings' types
 * and offsets. Idempotent per (call, line), so a repeated report stores nothing twice.
 */
export async function storeRedactedTranscript(
  tx: Tx,
  input: { clinicId: string; callId: string; lines: TranscriptLine[]; summary?: string },
): Promise<{ lines: { speaker: string; text: string }[]; summary: string }> {
  const redactor = createRedactor(await loadRedactionConfig(tx, input.clinicId));
  const redacted = redactTranscript(redactor, input.lines);
  // The summary is written by Vapi's model from the raw call, so it is redacted the same way.
  const summary = input.summary ? redactor.redact(input.summary).text : "";
  // Redacted just above: the one place raw text becomes RedactedText.
  await insertLogLines(tx, {
    clinicId: input.clinicId,
    callId: input.callId,
    lines: redacted.map((line) => ({ ...line, text: line.text as RedactedText })),
  });
  return { lines: redacted, summary };
}

/** The longest live line broadcast (pg_notify carries 8000 bytes); the stored transcript keeps whole lines. */
export const LIVE_LINE_MAX_CHARS = 1500;

/**
 * One live transcript line for staff watching the call: redacted with the clinic's
 * configuration exactly as stored lines are, and never stored. Names the call has already
 * given us (caller, booking) are removed too; a name heard only in an earlier line is not
 * remembered, because earlier lines are kept nowhere (the stored transcript catches it later).
 */
export async function redactLiveLine(
  tx: Tx,
  input: { clinicId: string; callId: string; text: string },
): Promise<string> {
  const redactor = createRedactor(await loadRedactionConfig(tx, input.clinicId));
  const names = (await listCallNames(tx, input.callId))
    .flatMap((name) => name.toLowerCase().split(/\s+/))
    .filter((part) => part.length >= 2);
  return clip(redactor.redact(input.text, new Set(names)).text, LIVE_LINE_MAX_CHARS);
}

/** Cuts redacted text (never raw: a cut number could escape detection) at a word boundary. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${space > max * 0.8 ? cut.slice(0, space) : cut}…`;
}
