import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import type { VoiceAgentStatus } from "@/hooks/use-voice-agent-status";
import { ClinicFormatProvider } from "@/components/dashboard/clinic-format";
import { LiveBoard } from "@/components/live/live-board";

// The board's states (issue 20): loading, loaded and empty, failed without a snapshot (an error
// and a retry, never "No calls right now" beside it), and failed after one (the calls it had).
const status = vi.hoisted(() => ({ current: null as unknown as VoiceAgentStatus }));
vi.mock("@/hooks/use-voice-agent-status", () => ({
  useVoiceAgentStatus: () => status.current,
}));

const base = (overrides: Partial<VoiceAgentStatus>): VoiceAgentStatus => ({
  calls: [],
  status: "live",
  isLoading: false,
  error: null,
  hasData: true,
  retry: vi.fn(),
  clockOffsetMs: 0,
  ...overrides,
});

const board = () =>
  render(
    <ClinicFormatProvider
      clinic={{ locale: "en-US", currency: "USD", timezone: "America/New_York" }}
    >
      <LiveBoard
        clinicId="00000000-0000-4000-8000-000000000001"
        schedule={{ timezone: "America/New_York", hours: [], closures: [] }}
        phoneLabel="(212) 555-0100"
      />
    </ClinicFormatProvider>,
  );

afterEach(cleanup);
beforeEach(() => {
  status.current = base({});
});

describe("the live board's states", () => {
  it("says there are no calls only when it knows", () => {
    board();
    expect(screen.getByText("No calls right now")).toBeTruthy();
    expect(screen.queryByTestId("board-error")).toBeNull();
  });

  it("shows an error with a retry, and no empty state, when nothing could be loaded", () => {
    const retry = vi.fn();
    status.current = base({
      error: new Error("Could not load calls."),
      hasData: false,
      retry,
    });
    board();
    expect(screen.getByTestId("board-error").textContent).toContain("Could not load calls.");
    expect(screen.queryByText("No calls right now")).toBeNull();
    expect(screen.queryByText(/calls? in progress/)).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: /Try again/ }));
    expect(retry).toHaveBeenCalledOnce();
  });

  it("keeps what it had when a reload fails, saying it may be out of date", () => {
    status.current = base({ error: new Error("Could not load calls."), hasData: true });
    board();
    expect(screen.getByTestId("board-error").textContent).toContain("may be out of date");
    expect(screen.queryByText("No calls right now")).toBeNull();
  });
});
