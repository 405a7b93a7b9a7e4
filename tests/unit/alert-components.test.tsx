import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import type { AlertCounts } from "@/types/alerts";
import { AlertBadges, AlertTotalBadge } from "@/components/alerts/alert-badges";
import { TransferBanner } from "@/components/live/transfer-banner";

// The sidebar's badges and the board's transfer banner, from the counts the hook returns.
const current = vi.hoisted(() => ({ counts: null as AlertCounts | null }));
vi.mock("@/hooks/use-alerts", () => ({ useAlertCounts: () => current.counts }));

const CLINIC = "00000000-0000-4000-8000-000000000001";
const counts = (overrides: Partial<AlertCounts> = {}): AlertCounts => ({
  pendingBookings: 0,
  dueCallbacks: 0,
  urgentCallbacks: 0,
  transfers: [],
  holdsExpiring: 0,
  newestPendingBookingAt: null,
  newestUrgentCallbackAt: null,
  nextChangeAt: null,
  serverTime: "2026-12-01T10:00:00.000Z",
  ...overrides,
});

afterEach(cleanup);
beforeEach(() => {
  current.counts = null;
});

describe("alert badges", () => {
  it("show nothing before the counts load, or at zero", () => {
    const { container, rerender } = render(
      <AlertBadges clinicId={CLINIC} kinds={["bookings", "callbacks"]} />,
    );
    expect(container.textContent).toBe("");
    current.counts = counts();
    rerender(<AlertBadges clinicId={CLINIC} kinds={["bookings", "callbacks"]} />);
    expect(container.textContent).toBe("");
  });

  it("show each count with its meaning for screen readers", () => {
    current.counts = counts({ pendingBookings: 2, dueCallbacks: 1, holdsExpiring: 4 });
    render(<AlertBadges clinicId={CLINIC} kinds={["bookings", "callbacks"]} />);
    expect(
      screen.getByRole("img", { name: "2 bookings waiting for confirmation" }).textContent,
    ).toBe("2");
    expect(screen.getByRole("img", { name: "1 call-back due" }).textContent).toBe("1");
    // Holds belong to Live calls, not here.
    expect(screen.queryByTestId("alert-badge-holds")).toBeNull();
  });

  it("total everything beside the phone's menu button", () => {
    current.counts = counts({ pendingBookings: 2, dueCallbacks: 1 });
    render(<AlertTotalBadge clinicId={CLINIC} />);
    expect(screen.getByRole("img", { name: "3 things need the front desk" }).textContent).toBe("3");
  });
});

describe("the transfer banner", () => {
  it("is an empty alert region while nothing is being transferred", () => {
    current.counts = counts();
    render(<TransferBanner clinicId={CLINIC} />);
    expect(screen.getByRole("alert").textContent).toBe("");
  });

  it("says who, why, and to pick up the front-desk phone", () => {
    current.counts = counts({
      transfers: [
        {
          callId: "call-1",
          callerName: "Priya Shah",
          callerLast4: "4821",
          urgency: "urgent",
          urgentSigns: ["bleeding"],
        },
        { callId: "call-2", callerName: null, callerLast4: "7710", urgency: null, urgentSigns: [] },
      ],
    });
    render(<TransferBanner clinicId={CLINIC} />);
    const [first, second] = screen.getAllByTestId("transfer-banner");
    expect(first!.textContent).toContain("Pick up the front-desk phone");
    expect(first!.textContent).toContain("Priya Shah");
    expect(first!.textContent).toContain("Urgent post-operative concern: bleeding");
    expect(second!.textContent).toContain("•••• 7710");
    expect(second!.textContent).toContain("Asked to speak to a person");
    expect(second!.textContent).not.toContain("call-2");
    expect(screen.getByRole("link", { name: "Priya Shah" }).getAttribute("href")).toBe(
      "/calls/call-1",
    );
  });
});
