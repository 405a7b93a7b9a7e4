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
/** The clinic's texts: `inbox_change` whenever a text is received, sent, delivered, read or linked. */
export const inboxTopic = (clinicId: string) => `clinic:${clinicId}:inbox`;
/** What needs the front desk: `alerts_change` whenever a booking, call-back, transfer or hold changes. */
export const alertsTopic = (clinicId: string) => `clinic:${clinicId}:alerts`;

/** Where the SSE transport streams a topic from (each route checks membership first). */
export function sseStreamPath(topic: string): string {
  const [, clinicId = "", kind, callId = ""] = topic.split(":");
  const clinic = `/api/clinics/${encodeURIComponent(clinicId)}`;
  if (kind === "diary") return `${clinic}/diary/stream`;
  if (kind === "inbox") return `${clinic}/inbox/stream`;
  if (kind === "alerts") return `${clinic}/alerts/stream`;
  const calls = `${clinic}/calls`;
  return kind === "call"
    ? `${calls}/${encodeURIComponent(callId)}/transcript/stream`
    : `${calls}/stream`;
}

export const DEFAULT_EVENTS = ["call_status"] as const;

/** `ended`: the server closed the stream because the session or membership ended; no reconnecting. */
export type ConnectionStatus = "connecting" | "live" | "reconnecting" | "offline" | "ended";

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
