import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";

import type { LiveCall } from "@/types/live-call";
import { liveCallSchema } from "@/types/live-call";
import { CallCard } from "@/components/live/call-card";
import { OpeningStatus } from "@/components/live/opening-status";

const NEW_YORK = { locale: "en-US", currency: "USD", timezone: "America/New_York" };

afterEach(cleanup);

const schedule = {
  timezone: "America/New_York",
  hours: [{ weekday: 1, opens: "09:00", closes: "17:00" }],
  closures: [],
};

const call = (overrides: Partial<LiveCall> = {}): LiveCall =>
  liveCallSchema.parse({
    callId: "call-1",
    revision: 3,
    state: "in_conversation",
    stateVersion: 2,
    outcome: null,
    callerLast4: "0147",
    callerName: null,
    procedures: [],
    startedAt: "2026-12-07T15:00:00.000Z",
    answeredAt: "2026-12-07T15:00:02.000Z",
    endedAt: null,
    lastTurnLatencyMs: null,
    heldSlot: null,
    ...overrides,
  });

describe("the live board's routing", () => {
  it("shows the front desk's state at the board's clock", () => {
    // Monday 2026-12-07 10:00 New York, then 18:00.
    const { rerender } = render(
      <OpeningStatus schedule={schedule} now={Date.parse("2026-12-07T15:00:00Z")} />,
    );
    expect(screen.getByTestId("opening-status").textContent).toBe("Front desk: Open until 17:00");
    expect(screen.getByTestId("opening-status").dataset.open).toBe("true");
    rerender(<OpeningStatus schedule={schedule} now={Date.parse("2026-12-07T23:00:00Z")} />);
    expect(screen.getByTestId("opening-status").textContent).toBe(
      "Front desk: Closed until Monday 14 December 09:00",
    );
  });

  it("flags an urgent call with its signs, and an ordinary one not at all", () => {
    const now = Date.parse("2026-12-07T15:01:00Z");
    render(
      <CallCard
        call={call({ urgency: "urgent", urgentSigns: ["bleeding", "severe_pain"] })}
        now={now}
        clinic={NEW_YORK}
        viewerZone={null}
      />,
    );
    expect(screen.getByTestId("urgent-flag").textContent).toBe(
      "Urgent: bleeding, severe or worsening pain",
    );
    expect(screen.getByTestId("live-call").dataset.urgency).toBe("urgent");
    cleanup();
    render(<CallCard call={call()} now={now} clinic={NEW_YORK} viewerZone={null} />);
    expect(screen.queryByTestId("urgent-flag")).toBeNull();
  });

  it("reads boards from before urgency existed, and ignores an unknown urgency", () => {
    expect(call().urgency).toBeUndefined();
    expect(liveCallSchema.safeParse({ ...call(), urgency: "panic" }).success).toBe(false);
  });
});
