import { describe, expect, it } from "vitest";

import { LOST_ENDED_REASON } from "@/lib/calls/plain-language";
import { summariseCall } from "@/lib/calls/summary";
import type { CallDetail } from "@/lib/db/call-detail";

type Input = Parameters<typeof summariseCall>[0];

const call = (overrides: Partial<CallDetail["call"]> = {}): CallDetail["call"] => ({
  id: "c1",
  clinicId: "k1",
  timezone: "America/New_York",
  locale: "en-US",
  currency: "USD",
  state: "ended",
  outcome: "information",
  callerNumber: "+12125550147",
  callerLast4: "0147",
  patientId: null,
  callerName: "Ada Lovelace",
  intent: null,
  startedAt: new Date("2026-12-07T15:00:00Z"),
  answeredAt: new Date("2026-12-07T15:00:02Z"),
  endedAt: new Date("2026-12-07T15:04:00Z"),
  endedReason: "customer-ended-call",
  procedures: [],
  durationMs: null,
  costUsd: null,
  interruptions: 0,
  transferredTo: null,
  urgency: null,
  urgentSigns: [],
  transferOutcome: null,
  ...overrides,
});

const input = (overrides: Partial<Input> = {}): Input => ({
  call: call(),
  bookings: [],
  callback: null,
  events: [],
  ...overrides,
});

const booking = (status: CallDetail["bookings"][number]["status"]) => ({
  id: "b1",
  status,
  patientName: "Ada Lovelace",
  startsAt: new Date("2026-12-09T15:00:00Z"),
  practitioner: "Dr Patel",
  procedure: "Facelift",
});

describe("a call's summary and next action", () => {
  it("asks to confirm a pending booking, saying what was booked", () => {
    const summary = summariseCall(
      input({
        call: call({ state: "completed", outcome: "booked" }),
        bookings: [booking("pending")],
      }),
    );
    expect(summary.line).toBe(
      "Ada Lovelace booked a Facelift appointment with Dr Patel for Wednesday, December 9 at 10:00 AM.",
    );
    expect(summary.next).toEqual({
      kind: "confirm",
      bookingId: "b1",
      words: "Confirm this booking.",
    });
  });

  it("has nothing to do once the booking is confirmed", () => {
    const summary = summariseCall(input({ bookings: [booking("confirmed")] }));
    expect(summary.next.kind).toBe("none");
    expect(summary.next.words).toBe("Nothing to do.");
  });

  it("asks for a call back while one is open, before anything else", () => {
    const summary = summariseCall(
      input({
        call: call({ procedures: ["Facelift"] }),
        events: [{ event: "message.taken" } as CallDetail["events"][number]],
        callback: {
          id: "t1",
          reason: "Message taken by Voxanne",
          message: null,
          urgency: "routine",
          doneAt: null,
        },
      }),
    );
    expect(summary.line).toBe("Ada Lovelace called about Facelift and left a message.");
    expect(summary.next).toEqual({
      kind: "call_back",
      taskId: "t1",
      words: "Call Ada Lovelace back: message taken by Voxanne.",
    });
  });

  it("says a lost call was lost, in words", () => {
    const summary = summariseCall(
      input({ call: call({ outcome: "lost", endedReason: LOST_ENDED_REASON, callerName: null }) }),
    );
    expect(summary.line).toBe(
      "Someone called; the call stopped responding and was closed as lost.",
    );
  });

  it("puts a technical failure in words, not the code", () => {
    const summary = summariseCall(
      input({ call: call({ outcome: "failed", endedReason: "pipeline-error-openai-llm-failed" }) }),
    );
    expect(summary.line).toBe("Ada Lovelace called; Voxanne had a technical problem.");
    expect(summary.line).not.toContain("pipeline");
  });

  it("tells staff to pick up while a transfer rings, and to wait while Voxanne talks", () => {
    expect(summariseCall(input({ call: call({ state: "transferring" }) })).next.kind).toBe(
      "pick_up",
    );
    expect(summariseCall(input({ call: call({ state: "in_conversation" }) })).next.kind).toBe(
      "wait",
    );
  });
});
