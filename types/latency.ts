/**
 * What turn latency is measured from and stored as: the rows of `speech_events` and
 * `turn_latencies`, shared by the extraction (lib/latency) and the queries (lib/db/latency.ts).
 */

/** One measured turn: the caller stopped, the assistant started speaking `latencyMs` later. */
export interface TurnLatency {
  turn: number;
  latencyMs: number;
  userEndedAt: Date | null;
  assistantStartedAt: Date | null;
  breakdown: Record<string, number>;
}

/** A caller's end of speech (`user`) or the assistant's start of speech (`assistant`), from a speech update. */
export interface SpeechEvent {
  role: "user" | "assistant";
  at: Date;
  turn: number | null;
}
