import { describe, expect, it } from "vitest";

import { CALL_STATES, isTerminal, TERMINAL_STATES, type CallState } from "@/types/call-states";
import {
  CALL_EVENT_TYPES,
  isFailureReason,
  transition,
  type CallEvent,
  type CallEventType,
} from "@/lib/call-flow/machine";

const event = (
  type: CallEventType,
  extra: Partial<Extract<CallEvent, { type: "call.ended" }>> = {},
): CallEvent =>
  type === "call.ended"
    ? { type, endedReason: "customer-ended-call", booked: false, ...extra }
    : ({ type } as CallEvent);

/**
 * The whole table, every state × every event. "-" means ignored (not allowed, no change or
 * terminal). Reading a row tells you everything that state can do.
 */
const EXPECTED: Record<CallState, Partial<Record<CallEventType, CallState>>> = {
  idle: {
    "call.received": "incoming",
    "call.ringing": "ringing",
    "call.answered": "connected",
    "conversation.started": "in_conversation",
    "procedure.asked": "in_conversation",
    "availability.requested": "collecting_info",
    "slot.held": "booking_appointment",
    "call.ended": "abandoned",
  },
  incoming: {
    "call.ringing": "ringing",
    "call.answered": "connected",
    "conversation.started": "in_conversation",
    "procedure.asked": "in_conversation",
    "availability.requested": "collecting_info",
    "slot.held": "booking_appointment",
    "call.ended": "abandoned",
  },
  ringing: {
    "call.answered": "connected",
    "conversation.started": "in_conversation",
    "procedure.asked": "in_conversation",
    "availability.requested": "collecting_info",
    "slot.held": "booking_appointment",
    "call.ended": "abandoned",
  },
  connected: {
    "conversation.started": "in_conversation",
    "procedure.asked": "in_conversation",
    "availability.requested": "collecting_info",
    "slot.held": "booking_appointment",
    "transfer.started": "transferring",
    "assistant.stalled": "on_hold",
    "call.ended": "ended",
  },
  in_conversation: {
    "availability.requested": "collecting_info",
    "slot.held": "booking_appointment",
    "transfer.started": "transferring",
    "assistant.stalled": "on_hold",
    "call.ended": "ended",
  },
  collecting_info: {
    "slot.held": "booking_appointment",
    "transfer.started": "transferring",
    "assistant.stalled": "on_hold",
    "call.ended": "ended",
  },
  booking_appointment: {
    "slot.released": "collecting_info",
    "booking.requested": "confirming_details",
    "booking.confirmed": "in_conversation",
    "booking.failed": "collecting_info",
    "transfer.started": "transferring",
    "call.ended": "abandoned",
  },
  confirming_details: {
    "slot.released": "collecting_info",
    "booking.confirmed": "in_conversation",
    "booking.failed": "collecting_info",
    "transfer.started": "transferring",
    "call.ended": "abandoned",
  },
  transferring: { "call.ended": "ended" },
  on_hold: {
    "conversation.started": "in_conversation",
    "procedure.asked": "in_conversation",
    "availability.requested": "collecting_info",
    "slot.held": "booking_appointment",
    "transfer.started": "transferring",
    "assistant.resumed": "in_conversation",
    "call.ended": "ended",
  },
  completed: {},
  ended: {},
  failed: {},
  abandoned: {},
};

describe("transition: every state × every event", () => {
  for (const state of CALL_STATES) {
    for (const type of CALL_EVENT_TYPES) {
      const expected = EXPECTED[state][type];
      it(`${state} + ${type} -> ${expected ?? "ignored"}`, () => {
        const result = transition(state, event(type));
        if (expected) expect(result).toEqual({ ok: true, to: expected });
        else expect(result.ok).toBe(false);
      });
    }
  }
});

describe("ending a call", () => {
  it("is final: nothing moves a terminal call", () => {
    for (const state of TERMINAL_STATES) {
      for (const type of CALL_EVENT_TYPES)
        expect(transition(state, event(type))).toEqual({ ok: false, reason: "terminal" });
    }
  });

  it("completes a call that booked, whatever state it ended in", () => {
    for (const state of ["in_conversation", "confirming_details", "booking_appointment"] as const) {
      expect(transition(state, event("call.ended", { booked: true }))).toEqual({
        ok: true,
        to: "completed",
      });
    }
  });

  it("fails a call that ended on an error, even with a booking", () => {
    expect(
      transition(
        "in_conversation",
        event("call.ended", { endedReason: "pipeline-error-openai-llm-failed", booked: true }),
      ),
    ).toEqual({
      ok: true,
      to: "failed",
    });
    expect(
      transition("ringing", event("call.ended", { endedReason: "twilio-failed-to-connect-call" })),
    ).toEqual({ ok: true, to: "failed" });
  });

  it("treats a hang-up while holding or confirming as abandoned", () => {
    expect(
      transition("booking_appointment", event("call.ended", { endedReason: "silence-timed-out" })),
    ).toEqual({ ok: true, to: "abandoned" });
  });

  it("ends a transferred call normally", () => {
    expect(
      transition("transferring", event("call.ended", { endedReason: "assistant-forwarded-call" })),
    ).toEqual({ ok: true, to: "ended" });
  });

  it("treats a procedure question mid-conversation as no change", () => {
    for (const state of [
      "in_conversation",
      "collecting_info",
      "booking_appointment",
      "confirming_details",
    ] as const) {
      expect(transition(state, event("procedure.asked"))).toEqual({
        ok: false,
        reason: "no_change",
      });
    }
  });

  it("never moves backwards when messages arrive out of order", () => {
    expect(transition("in_conversation", event("call.ringing")).ok).toBe(false);
    expect(transition("booking_appointment", event("call.answered")).ok).toBe(false);
    expect(transition("confirming_details", event("availability.requested")).ok).toBe(false);
  });
});

describe("helpers", () => {
  it.each([
    ["customer-ended-call", false],
    ["assistant-ended-call", false],
    ["silence-timed-out", false],
    ["customer-busy", false],
    [null, false],
    ["pipeline-error-openai-llm-failed", true],
    ["call.in-progress.error-vapifault-openai-llm-failed", true],
    ["assistant-request-failed", true],
    ["twilio-failed-to-connect-call", true],
  ])("isFailureReason(%s) = %s", (reason, expected) => {
    expect(isFailureReason(reason)).toBe(expected);
  });
  it("knows the terminal states", () => {
    expect(CALL_STATES.filter(isTerminal)).toEqual(["completed", "ended", "failed", "abandoned"]);
  });
});
