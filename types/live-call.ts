import { z } from "zod";

/** A moment as Postgres renders it in JSON ("2026-11-22T10:00:00.123+00:00"): any string Date can read. */
const moment = z.string().refine((value) => !Number.isNaN(Date.parse(value)), "not a date");

/**
 * A call as the live board shows it: the payload of a `call_status` broadcast and each call of
 * the snapshot (`private.call_board_payload`). The browser parses both with it, so a payload it
 * does not understand is ignored instead of breaking the board.
 */
export const liveCallSchema = z.object({
  callId: z.string().min(1),
  revision: z.number(),
  state: z.string(),
  stateVersion: z.number(),
  outcome: z.string().nullable(),
  callerLast4: z.string(),
  callerName: z.string().nullable(),
  procedures: z.array(z.string()),
  startedAt: moment,
  answeredAt: moment.nullable(),
  endedAt: moment.nullable(),
  lastTurnLatencyMs: z.number().nullable(),
  /** Who took the call when it was forwarded (older broadcasts lack it). */
  transferredTo: z.string().nullable().optional(),
  /** An urgent post-operative concern or emergency signs (issue 18; older broadcasts lack it). */
  urgency: z.enum(["urgent", "emergency"]).nullable().optional(),
  /** The signs recognised, as categories (bleeding, fever, severe_pain, ...). */
  urgentSigns: z.array(z.string()).optional(),
  /** requested, refused, transferred or unanswered. */
  transferOutcome: z.string().nullable().optional(),
  heldSlot: z
    .object({ slotId: z.string(), startsAt: moment, heldUntil: moment, practitioner: z.string() })
    .nullable(),
});

export type LiveCall = z.infer<typeof liveCallSchema>;

export interface LiveCallsSnapshot {
  calls: LiveCall[];
  /** Server clock when the snapshot was taken, to correct countdowns for clock skew. */
  serverTime: string;
}

/** A snapshot as the browser received it: null unless it has a server time; calls it cannot read are left out. */
export function parseLiveCallsSnapshot(json: unknown): LiveCallsSnapshot | null {
  const parsed = z.object({ calls: z.array(z.unknown()), serverTime: moment }).safeParse(json);
  if (!parsed.success) return null;
  const calls = parsed.data.calls.flatMap((call) => {
    const valid = liveCallSchema.safeParse(call);
    return valid.success ? [valid.data] : [];
  });
  return { calls, serverTime: parsed.data.serverTime };
}
