import "server-only";

import type { RedactedText } from "@/types/redaction";

import type { Tx } from "./transaction";

/**
 * Stores a call's transcript lines, already redacted (decision 6: the redaction intercept is
 * the only caller), with where each finding was, by type and offset. Idempotent per
 * (call, line): a repeated report stores nothing twice.
 */
export async function insertLogLines(
  tx: Tx,
  input: {
    clinicId: string;
    callId: string;
    lines: { speaker: string; at: Date | null; text: RedactedText; findings: unknown }[];
  },
): Promise<void> {
  for (const [seq, line] of input.lines.entries()) {
    await tx.query(
      `insert into public.logs (clinic_id, call_id, seq, speaker, spoken_at, text, findings)
       values ($1, $2, $3, $4, $5, $6, $7) on conflict (call_id, seq) do nothing`,
      [
        input.clinicId,
        input.callId,
        seq,
        line.speaker,
        line.at,
        line.text.slice(0, 20_000),
        JSON.stringify(line.findings),
      ],
    );
  }
}
