import "server-only";

import { randomUUID } from "node:crypto";

import { isTerminal } from "@/types/call-states";
import { AppError } from "@/lib/api/errors";
import { broadcastTranscriptLine } from "@/lib/db/live-transcript";
import { recogniseUrgentSigns } from "@/lib/hours/urgent";
import { redactLiveLine } from "@/lib/redaction/intercept";
import { finalLine, type TranscriptMessage } from "@/lib/vapi/transcript-schema";

import { inCallContext } from "../context";
import { noteUrgentCall } from "../urgent";

// transcript: a final line is redacted with the clinic's rules and broadcast to staff watching
// the call (docs/live-updates.md); nothing is stored but the dedupe key. Partial lines, unknown
// calls and clinics, and lines after the call ended are acknowledged and dropped. What the
// caller says is also checked for urgent post-operative signs (lib/hours/urgent.ts): the call
// is flagged, an urgent call-back opened and staff texted (../urgent.ts); only the signs'
// categories are kept.
export async function transcript(message: TranscriptMessage) {
  const line = finalLine(message);
  const vapiCallId = message.call?.id;
  if (!line || !vapiCallId)
    return { status: 200, body: { ok: true, ignored: "not a final line of a call" } };
  // A retry carries the same timestamp; without one there is nothing safe to dedupe on
  // (a hash of the text would be a copy of it), so such a line is never treated as a repeat.
  const key = `${vapiCallId}:transcript:${line.role}:${message.timestamp?.getTime() ?? randomUUID()}`;
  try {
    const result = await inCallContext(
      message,
      key,
      async (ctx) => {
        if (!ctx.call || isTerminal(ctx.call.state)) return false;
        if (line.role === "user")
          await noteUrgentCall(
            {
              tx: ctx.tx,
              clinicId: ctx.clinic.id,
              callId: ctx.call.id,
              at: ctx.at,
              afterCommit: ctx.afterCommit,
            },
            recogniseUrgentSigns(line.text),
            "transcript",
          );
        const text = await redactLiveLine(ctx.tx, {
          clinicId: ctx.clinic.id,
          callId: ctx.call.id,
          role: line.role,
          text: line.text,
          context: message.context,
        });
        return broadcastTranscriptLine(ctx.tx, {
          callId: ctx.call.id,
          role: line.role,
          text,
          at: ctx.at,
        });
      },
      { createCall: false },
    );
    return {
      status: 200,
      body: { ok: true, duplicate: result.duplicate, sent: !result.duplicate && result.value },
    };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found")
      return { status: 200, body: { ok: true, ignored: "unknown clinic" } };
    throw error;
  }
}
