import { describe, expect, it } from "vitest";

import { callHistoryCsv, csvField } from "@/lib/calls/csv";
import type { CallHistoryRow } from "@/lib/db/call-history";
import { bookingFilterFields, explainBookingFilter } from "@/lib/validations/booking";
import { readCallHistoryParams } from "@/lib/validations/call-history";
import { diaryLinkFields, explainDiaryLink } from "@/lib/validations/diary";
import { readSearchParams } from "@/lib/validations/search-params";

// Addresses are typed and pasted by people: every page's search params are read value by
// value, and what cannot be used is dropped with a sentence (issue 20: /bookings?day=2026-13-45
// was a 500).
describe("the Bookings page's address", () => {
  it("drops a date that does not exist, and says so", () => {
    const read = readSearchParams(
      { day: "2026-13-45", status: "pending" },
      bookingFilterFields,
      explainBookingFilter,
    );
    expect(read.values).toEqual({ status: "pending" });
    expect(read.ignored).toEqual([
      "“2026-13-45” is not a date, so bookings on every day are shown.",
    ]);
  });

  it.each(["2026-02-30", "2026-00-10", "26-1-1", "tomorrow"])("drops %s", (day) => {
    expect(readSearchParams({ day }, bookingFilterFields, explainBookingFilter).values).toEqual({});
  });

  it("keeps real dates, takes the first of a repeated value, and ignores empty ones", () => {
    expect(
      readSearchParams(
        { day: ["2028-02-29", "2026-01-01"], status: "" },
        bookingFilterFields,
        explainBookingFilter,
      ),
    ).toEqual({ values: { day: "2028-02-29" }, ignored: [] });
  });

  it("drops an unknown status", () => {
    expect(
      readSearchParams({ status: "lost" }, bookingFilterFields, explainBookingFilter).ignored,
    ).toHaveLength(1);
  });
});

describe("the diary's address", () => {
  it("opens on today for a date that does not exist", () => {
    const read = readSearchParams(
      { date: "2026-13-45", booking: "nope" },
      diaryLinkFields,
      explainDiaryLink,
    );
    expect(read.values).toEqual({});
    expect(read.ignored).toHaveLength(2);
  });
});

describe("the call history's address", () => {
  const now = new Date("2026-12-07T15:00:00Z");

  it("defaults to the last 30 days where the clinic is", () => {
    expect(readCallHistoryParams({}, "America/New_York", now)).toEqual({
      query: { from: "2026-11-08", to: "2026-12-07", page: 1 },
      notes: [],
    });
  });

  it("drops each unusable value on its own, in words", () => {
    const { query, notes } = readCallHistoryParams(
      {
        from: "2026-13-45",
        to: "2026-12-01",
        outcome: "exploded",
        procedure: "x",
        practitioner: "7f1c4c9e-4a5b-4c37-9a44-0c5d2b1e3f10",
        page: "-2",
        caller: "Ada",
      },
      "America/New_York",
      now,
    );
    expect(query).toEqual({
      from: "2026-11-02",
      to: "2026-12-01",
      caller: "Ada",
      practitionerId: "7f1c4c9e-4a5b-4c37-9a44-0c5d2b1e3f10",
      page: 1,
    });
    expect(notes).toHaveLength(4);
    for (const note of notes) expect(note).toMatch(/^“?[A-Z“].*\.$/);
  });

  it("swaps a reversed range and cuts one over a year, saying so", () => {
    const swapped = readCallHistoryParams({ from: "2026-12-01", to: "2026-11-01" }, "UTC", now);
    expect(swapped.query).toMatchObject({ from: "2026-11-01", to: "2026-12-01" });
    expect(swapped.notes).toEqual(["The dates were the wrong way round, so they were swapped."]);
    const long = readCallHistoryParams({ from: "2020-01-01", to: "2026-12-01" }, "UTC", now);
    expect(long.query.from).toBe("2025-12-01");
    expect(long.notes).toHaveLength(1);
  });
});

describe("the history's CSV", () => {
  it("quotes what needs quoting and never starts a cell with a formula", () => {
    expect(csvField('Smith, "Jo"')).toBe('"Smith, ""Jo"""');
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField("+12125550147")).toBe("'+12125550147");
    expect(csvField(null)).toBe("");
  });

  it("writes the calls in words, in the clinic's time", () => {
    const row: CallHistoryRow = {
      id: "c1",
      startedAt: new Date("2026-12-07T15:00:05Z"),
      state: "ended",
      outcome: "lost",
      endedReason: "lost-no-messages",
      callerName: "Ada",
      callerNumber: "+12125550147",
      callerLast4: "0147",
      durationMs: 61_400,
      procedures: ["Facelift", "Botox"],
      practitioners: [],
      urgency: null,
    };
    const [header, line] = callHistoryCsv([row], "America/New_York").trim().split("\r\n");
    expect(header).toMatch(/^Started \(America\/New_York\),Caller,Number,Outcome/);
    expect(line).toBe(
      "2026-12-07 10:00:05,Ada,'+12125550147,Lost,Lost: the call stopped responding,61,Facelift; Botox,,,c1",
    );
  });
});
