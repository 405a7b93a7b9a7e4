import { describe, expect, it } from "vitest";

import type { LiveCall } from "@/types/live-call";
import { boardChanges } from "@/components/live/board-announcer";

// What the live board says to screen-reader users as calls come and go (issue 20).
function call(fields: Partial<LiveCall> & { callId: string }): LiveCall {
  return {
    revision: 1,
    state: "in_conversation",
    stateVersion: 1,
    outcome: null,
    callerLast4: "4411",
    callerName: null,
    procedures: [],
    startedAt: "2026-12-01T10:00:00Z",
    answeredAt: null,
    endedAt: null,
    lastTurnLatencyMs: null,
    heldSlot: null,
    ...fields,
  };
}

describe("boardChanges", () => {
  it("says nothing when nothing changed", () => {
    const calls = [call({ callId: "a" })];
    expect(boardChanges(calls, [...calls])).toEqual([]);
    expect(boardChanges([], [])).toEqual([]);
  });

  it("announces a new call by name, or by the last digits of the number", () => {
    expect(boardChanges([], [call({ callId: "a", callerName: "Maria Alvarez" })])).toEqual([
      "New call from Maria Alvarez.",
    ]);
    expect(boardChanges([], [call({ callId: "b" })])).toEqual([
      "New call from the number ending 4411.",
    ]);
    expect(boardChanges([], [call({ callId: "c", callerLast4: "" })])).toEqual([
      "New call from an unknown caller.",
    ]);
  });

  it("announces a call ending, with its outcome in words", () => {
    const live = call({ callId: "a", callerName: "Maria Alvarez" });
    expect(boardChanges([live], [{ ...live, state: "completed", outcome: "booked" }])).toEqual([
      "Call from Maria Alvarez ended: Booked.",
    ]);
    expect(boardChanges([live], [{ ...live, state: "abandoned", outcome: null }])).toEqual([
      "Call from Maria Alvarez ended.",
    ]);
  });

  it("announces a transfer once, and a call that began and ended between two updates", () => {
    const live = call({ callId: "a" });
    const transferring = { ...live, state: "transferring", transferredTo: "Dr Patel" };
    expect(boardChanges([live], [transferring])).toEqual([
      "Transferring the number ending 4411 to Dr Patel.",
    ]);
    expect(boardChanges([transferring], [{ ...transferring, revision: 2 }])).toEqual([]);
    expect(boardChanges([], [call({ callId: "z", state: "failed", outcome: "failed" })])).toEqual([
      "Call from the number ending 4411 ended: Technical problem.",
    ]);
  });
});
