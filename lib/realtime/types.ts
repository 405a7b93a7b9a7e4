/** A call as the live board shows it: the payload of a `call_status` broadcast. */
export interface LiveCall {
  callId: string;
  revision: number;
  state: string;
  stateVersion: number;
  outcome: string | null;
  callerLast4: string;
  callerName: string | null;
  procedures: string[];
  startedAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  lastTurnLatencyMs: number | null;
  /** Who took the call when it was forwarded (older broadcasts lack it). */
  transferredTo?: string | null;
  heldSlot: { slotId: string; startsAt: string; heldUntil: string; practitioner: string } | null;
}

export interface LiveCallsSnapshot {
  calls: LiveCall[];
  /** Server clock when the snapshot was taken, to correct countdowns for clock skew. */
  serverTime: string;
}

export const callsTopic = (clinicId: string) => `clinic:${clinicId}:calls`;

export type ConnectionStatus = "connecting" | "live" | "reconnecting" | "offline";

export interface RealtimeListener {
  onMessage(event: string, payload: unknown): void;
  onStatus(status: ConnectionStatus): void;
}

/** How a browser receives broadcasts: Server-Sent Events or a Supabase Realtime channel. */
export interface RealtimeTransport {
  subscribe(topic: string, listener: RealtimeListener): () => void;
}
