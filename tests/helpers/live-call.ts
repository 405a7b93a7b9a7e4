import type { LiveCall } from "@/types/live-call";

export function liveCall(overrides: Partial<LiveCall> = {}): LiveCall {
  return {
    callId: "call-1",
    revision: 1,
    state: "in_conversation",
    stateVersion: 1,
    outcome: null,
    callerLast4: "0199",
    callerName: null,
    procedures: [],
    startedAt: "2026-11-22T10:00:00.000Z",
    answeredAt: "2026-11-22T10:00:02.000Z",
    endedAt: null,
    lastTurnLatencyMs: null,
    transferredTo: null,
    heldSlot: null,
    ...overrides,
  };
}
