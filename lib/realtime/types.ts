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

/** One final line of a live call, redacted on the server: the payload of a `transcript` broadcast. */
export interface LiveTranscriptLine {
  callId: string;
  role: "user" | "assistant";
  text: string;
  at: string;
}

/** The clinic's board: `call_status` for every call. */
export const callsTopic = (clinicId: string) => `clinic:${clinicId}:calls`;
/** One call's live transcript: `transcript` lines, for staff watching that call. */
export const callTopic = (clinicId: string, callId: string) => `clinic:${clinicId}:call:${callId}`;
/** The clinic's diary: `diary_change` whenever a hold, appointment or block is written. */
export const diaryTopic = (clinicId: string) => `clinic:${clinicId}:diary`;

/** Where the SSE transport streams a topic from (each route checks membership first). */
export function sseStreamPath(topic: string): string {
  const [, clinicId = "", kind, callId = ""] = topic.split(":");
  const clinic = `/api/clinics/${encodeURIComponent(clinicId)}`;
  if (kind === "diary") return `${clinic}/diary/stream`;
  const calls = `${clinic}/calls`;
  return kind === "call"
    ? `${calls}/${encodeURIComponent(callId)}/transcript/stream`
    : `${calls}/stream`;
}

export const DEFAULT_EVENTS = ["call_status"] as const;

export type ConnectionStatus = "connecting" | "live" | "reconnecting" | "offline";

export interface RealtimeListener {
  /** The broadcast events wanted on the topic; `call_status` when not given. */
  events?: readonly string[];
  onMessage(event: string, payload: unknown): void;
  onStatus(status: ConnectionStatus): void;
}

/** How a browser receives broadcasts: Server-Sent Events or a Supabase Realtime channel. */
export interface RealtimeTransport {
  subscribe(topic: string, listener: RealtimeListener): () => void;
}
