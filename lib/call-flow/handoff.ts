import "server-only";

import { z } from "zod";

import type { TranscriptLine } from "@/types/transcript";
import { enrichHandoff } from "@/lib/db/handoffs";
import type { Tx } from "@/lib/db/transaction";
import { proceduresNamed } from "@/lib/procedures/lookup";

// What our assistant's analysis plan asks Vapi to extract (lib/vapi/assistant.ts), read tolerantly.
const structuredDataSchema = z.looseObject({
  proceduresOfInterest: z.array(z.string()).optional(),
});

/**
 * What the end-of-call report adds to the call's hand-off (written when the call ended): the
 * procedures the caller named (in what they said, or in Vapi's structured analysis), and from
 * the redacted transcript its summary and the caller's questions. The raw lines are only
 * matched against procedure names here; nothing of them is kept.
 */
export async function completeHandoff(
  tx: Tx,
  input: {
    clinicId: string;
    callId: string;
    heard: TranscriptLine[];
    redacted: { lines: { speaker: string; text: string }[]; summary: string };
    structuredData: unknown;
  },
): Promise<void> {
  const structured = structuredDataSchema.safeParse(input.structuredData);
  const procedureIds = await proceduresNamed(tx, input.clinicId, [
    ...input.heard.filter((line) => line.speaker === "user").map((line) => line.text),
    ...(structured.success ? (structured.data.proceduresOfInterest ?? []) : []),
  ]);
  const questions = input.redacted.lines
    .filter((line) => line.speaker === "user" && line.text.includes("?"))
    .map((line) => line.text.slice(0, 200))
    .slice(0, 5);
  await enrichHandoff(tx, input.callId, {
    procedureIds,
    summary: input.redacted.summary,
    questions,
  });
}
