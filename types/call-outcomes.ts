/**
 * What came of a call, as `calls.outcome` stores it; tests/integration/sql-lists.test.ts holds
 * the column's check constraint to this list. `lost`: the call stopped sending messages without
 * an end and the server closed it (lib/calls/lost.ts).
 */
export const CALL_OUTCOMES = [
  "booked",
  "follow_up",
  "information",
  "transferred",
  "abandoned",
  "failed",
  "lost",
] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];
