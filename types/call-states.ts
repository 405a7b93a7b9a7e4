/**
 * The states a call can be in (architecture decision 4), as the database stores them. The SQL
 * says the same in three places, and tests/integration/sql-lists.test.ts holds it to this list:
 * the `calls.state` check constraint, `private.is_terminal_call_state` and the live-calls index.
 * Client-safe: the dashboard decides "still live" with the same list the state machine uses.
 */
export const CALL_STATES = [
  "idle",
  "incoming",
  "ringing",
  "connected",
  "in_conversation",
  "collecting_info",
  "booking_appointment",
  "confirming_details",
  "transferring",
  "on_hold",
  "completed",
  "ended",
  "failed",
  "abandoned",
] as const;
export type CallState = (typeof CALL_STATES)[number];

/** Final: a call in one of these never moves again. */
export const TERMINAL_STATES: readonly CallState[] = ["completed", "ended", "failed", "abandoned"];

/** Takes any string, so a client holding a broadcast's `state` can ask too. */
export const isTerminal = (state: string): boolean =>
  (TERMINAL_STATES as readonly string[]).includes(state);
