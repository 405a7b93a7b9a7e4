import { describe, expect, it } from "vitest";

import type { AlertCounts, RingingTransfer } from "@/types/alerts";
import {
  alertBadges,
  alertTotal,
  arrivalMessage,
  arrivals,
  badgeText,
  callerLabel,
  reloadDelayMs,
  titleWithCount,
} from "@/lib/alerts/counts";
import { transferReasonWords } from "@/lib/calls/plain-language";

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

const transfer = (callId: string, overrides: Partial<RingingTransfer> = {}): RingingTransfer => ({
  callId,
  callerName: null,
  callerLast4: "4821",
  urgency: null,
  urgentSigns: [],
  ...overrides,
});

describe("alert totals and badges", () => {
  it("adds every kind into the tab title's total", () => {
    expect(alertTotal(counts())).toBe(0);
    expect(
      alertTotal(
        counts({
          pendingBookings: 2,
          dueCallbacks: 3,
          urgentCallbacks: 1,
          transfers: [transfer("a")],
          holdsExpiring: 1,
        }),
      ),
    ).toBe(7);
  });

  it("gives each badge its meaning in words and leaves zero counts out", () => {
    const badges = alertBadges(counts({ pendingBookings: 2, dueCallbacks: 1 }), [
      "bookings",
      "callbacks",
    ]);
    expect(badges.map((badge) => [badge.kind, badge.count, badge.label])).toEqual([
      ["bookings", 2, "2 bookings waiting for confirmation"],
      ["callbacks", 1, "1 call-back due"],
    ]);
    expect(alertBadges(counts({ pendingBookings: 2 }), ["transfers", "holds"])).toEqual([]);
  });

  it("says how many call-backs are urgent, and marks them as danger", () => {
    const [badge] = alertBadges(counts({ dueCallbacks: 3, urgentCallbacks: 1 }), ["callbacks"]);
    expect(badge!.label).toBe("3 call-backs due, 1 urgent");
    expect(badge!.tone).toBe("danger");
  });

  it("names transfers and held times in the singular and plural", () => {
    const live = alertBadges(counts({ transfers: [transfer("a")], holdsExpiring: 2 }), [
      "transfers",
      "holds",
    ]);
    expect(live.map((badge) => badge.label)).toEqual([
      "1 transfer ringing: pick up the front-desk phone",
      "2 held times about to expire",
    ]);
  });

  it("keeps a badge narrow above 99", () => {
    expect(badgeText(7)).toBe("7");
    expect(badgeText(99)).toBe("99");
    expect(badgeText(100)).toBe("99+");
  });
});

describe("the tab title", () => {
  it("puts the total in front, replacing an earlier count", () => {
    expect(titleWithCount("Live calls · CallWaiting AI", 3)).toBe(
      "(3) Live calls · CallWaiting AI",
    );
    expect(titleWithCount("(3) Live calls · CallWaiting AI", 4)).toBe(
      "(4) Live calls · CallWaiting AI",
    );
    expect(titleWithCount("(99+) Bookings · CallWaiting AI", 120)).toBe(
      "(99+) Bookings · CallWaiting AI",
    );
  });

  it("goes back to the bare title at zero", () => {
    expect(titleWithCount("(2) Bookings · CallWaiting AI", 0)).toBe("Bookings · CallWaiting AI");
    expect(titleWithCount("Bookings · CallWaiting AI", 0)).toBe("Bookings · CallWaiting AI");
  });

  it("leaves a title that merely starts with a bracket alone", () => {
    expect(titleWithCount("(Draft) notes", 0)).toBe("(Draft) notes");
  });
});

describe("reloading for a hold's countdown", () => {
  it("waits from the server's clock to the next change, plus a margin", () => {
    expect(reloadDelayMs(counts({ nextChangeAt: "2026-12-01T10:00:12.000Z" }), 250)).toBe(12_250);
  });

  it("never waits a negative time, and not at all without a hold", () => {
    expect(reloadDelayMs(counts({ nextChangeAt: "2026-12-01T09:59:59.000Z" }), 250)).toBe(250);
    expect(reloadDelayMs(counts())).toBeNull();
    expect(reloadDelayMs(counts({ nextChangeAt: "not a time" }))).toBeNull();
  });
});

describe("what is new since the last load", () => {
  it("announces nothing on the first load", () => {
    expect(
      arrivals(
        null,
        counts({
          transfers: [transfer("a")],
          newestPendingBookingAt: "2026-12-01T09:00:00Z",
          newestUrgentCallbackAt: "2026-12-01T09:00:00Z",
        }),
      ),
    ).toEqual([]);
  });

  it("announces each transfer that was not ringing before, once", () => {
    const before = counts({ transfers: [transfer("a")] });
    const after = counts({ transfers: [transfer("a"), transfer("b", { callerName: "Ana" })] });
    expect(arrivals(before, after)).toEqual([
      { kind: "transfer", transfer: transfer("b", { callerName: "Ana" }) },
    ]);
    expect(arrivals(after, after)).toEqual([]);
    expect(arrivals(after, before)).toEqual([]);
  });

  it("announces a newer pending booking or urgent call-back, even when another went", () => {
    const before = counts({
      pendingBookings: 2,
      newestPendingBookingAt: "2026-12-01T09:00:00Z",
      urgentCallbacks: 0,
    });
    // One booking confirmed and a new one made: the count is the same, the newest is not.
    const after = counts({
      pendingBookings: 2,
      newestPendingBookingAt: "2026-12-01T09:05:00Z",
      urgentCallbacks: 1,
      newestUrgentCallbackAt: "2026-12-01T09:04:00Z",
    });
    expect(arrivals(before, after).map((arrival) => arrival.kind)).toEqual([
      "urgent-callback",
      "pending-booking",
    ]);
  });

  it("announces nothing when bookings are only confirmed", () => {
    const before = counts({ pendingBookings: 2, newestPendingBookingAt: "2026-12-01T09:05:00Z" });
    const after = counts({ pendingBookings: 1, newestPendingBookingAt: "2026-12-01T09:00:00Z" });
    expect(arrivals(before, after)).toEqual([]);
  });
});

describe("words for a transfer", () => {
  it("names the caller as the board does: name, else masked number", () => {
    expect(callerLabel(transfer("a", { callerName: "Priya Shah" }))).toBe("Priya Shah");
    expect(callerLabel(transfer("a"))).toBe("•••• 4821");
    expect(callerLabel(transfer("a", { callerLast4: "" }))).toBe("Unknown caller");
  });

  it("says why the call is coming through", () => {
    expect(transferReasonWords(null)).toBe("Asked to speak to a person");
    expect(transferReasonWords("urgent", ["bleeding", "fever", "not-a-sign"])).toBe(
      "Urgent post-operative concern: bleeding, fever",
    );
    expect(transferReasonWords("emergency", ["chest_pain"])).toBe("Emergency signs: chest pain");
  });

  it("tells staff to pick up the front-desk phone", () => {
    expect(arrivalMessage({ kind: "transfer", transfer: transfer("a") })).toEqual({
      title: "Transfer: •••• 4821",
      body: "Pick up the front-desk phone.",
    });
    expect(arrivalMessage({ kind: "pending-booking" }).body).toMatch(/waiting for confirmation/);
  });
});
