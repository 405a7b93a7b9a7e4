import "server-only";

import type { RedactedText } from "@/types/redaction";
import type { TranscriptLine } from "@/types/transcript";
import { listCallNames } from "@/lib/db/live-transcript";
import { insertLogLines } from "@/lib/db/logs";
import { loadRedactionConfig } from "@/lib/db/redaction";
import type { Tx } from "@/lib/db/transaction";
import type { ContextTurn } from "@/lib/vapi/transcript-schema";

import { redactConversation } from "./conversation";
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
 * given us (caller, booking) are removed too. `context` is the conversation so far as Vapi sends
 * it with the line (its live artifact, a few turns, in memory only): read with it, a bare answer
 * to "and the password on the account?" or "your date of birth?" is removed as the stored
 * transcript would remove it, and numbers said across turns are joined. Without it (Vapi sent no
 * artifact) the line is redacted alone.
 */
export async function redactLiveLine(
  tx: Tx,
  input: {
    clinicId: string;
    callId: string;
    /** Who said it (default the caller). */
    role?: "user" | "assistant";
    text: string;
    context?: ContextTurn[];
  },
): Promise<string> {
  const redactor = createRedactor(await loadRedactionConfig(tx, input.clinicId));
  const names = (await listCallNames(tx, input.callId))
    .flatMap((name) => name.toLowerCase().split(/\s+/))
    .filter((part) => part.length >= 2);
  const role = input.role === "assistant" ? "assistant" : "caller";
  const earlier = [...(input.context ?? [])];
  // The artifact may already hold this very line.
  const last = earlier.at(-1);
  if (last && last.role === role && last.text.trim() === input.text.trim()) earlier.pop();
  if (earlier.length === 0)
    return clip(redactor.redact(input.text, new Set(names)).text, LIVE_LINE_MAX_CHARS);
  const turns = redactConversation(redactor, [...earlier, { role, text: input.text }], names);
  return clip(turns.at(-1)!.text, LIVE_LINE_MAX_CHARS);
}

/** Cuts redacted text (never raw: a cut number could escape detection) at a word boundary. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${space > max * 0.8 ? cut.slice(0, space) : cut}…`;
}
