import "server-only";

import { z } from "zod";

import { enrichHandoff } from "@/lib/db/handoffs";
import type { Tx } from "@/lib/db/transaction";
import { proceduresNamed } from "@/lib/procedures/lookup";
import type { TranscriptLine } from "@/lib/redaction/redact";
import { storeRedactedTranscript } from "@/lib/redaction/intercept";

// What our assistant's analysis plan asks Vapi to extract (lib/vapi/assistant.ts), read tolerantly.
const structuredDataSchema = z.looseObject({ proceduresOfInterest: z.array(z.string()).optional() });

/**
 * What the end-of-call report adds to the call's memory: the redacted transcript (stored),
 * procedures the caller mentioned (in any line, or in Vapi's structured analysis), a redacted
 * summary and the caller's questions.
 */
export async function rememberCall(
  tx: Tx,
  input: { clinicId: string; callId: string; lines: TranscriptLine[]; summary?: string; structuredData?: unknown },
): Promise<void> {
  const stored = await storeRedactedTranscript(tx, input);
  const structured = structuredDataSchema.safeParse(input.structuredData);
  const mentioned = await proceduresNamed(tx, input.clinicId, [
    ...input.lines.filter((line) => line.speaker === "user").map((line) => line.text),
    ...(structured.success ? (structured.data.proceduresOfInterest ?? []) : []),
  ]);
  const questions = stored.lines
    .filter((line) => line.speaker === "user" && line.text.includes("?"))
    .map((line) => line.text.slice(0, 200))
    .slice(0, 5);
  await enrichHandoff(tx, input.callId, { procedureIds: mentioned, summary: stored.summary, questions });
}
