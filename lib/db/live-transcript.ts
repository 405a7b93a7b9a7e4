import "server-only";

import type { Col, Present } from "./rows";
import type { Tx } from "./transaction";

/**
 * Broadcasts one live transcript line (already redacted) to the call's private topic. Delivered
 * only if the transaction commits; stores nothing. False when the call does not exist.
 */
export async function broadcastTranscriptLine(
  tx: Tx,
  line: { callId: string; role: "user" | "assistant"; text: string; at: Date },
): Promise<boolean> {
  // The function's boolean result, not a column.
  const row = await tx.one<{ sent: boolean }>(
    "select private.broadcast_transcript_line($1, $2, $3, $4) as sent",
    [line.callId, line.role, line.text, line.at],
  );
  return row.sent;
}

/** Names this call has already given us (the caller's, the booking's), to redact from later lines. */
export async function listCallNames(tx: Tx, callId: string): Promise<string[]> {
  const rows = await tx.query<{
    name: Present<Col<"calls", "caller_name">> | Col<"bookings", "patient_name">;
  }>(
    `select caller_name as name from public.calls where id = $1 and caller_name is not null
     union select patient_name from public.bookings where call_id = $1`,
    [callId],
  );
  return rows.map((row) => row.name);
}
