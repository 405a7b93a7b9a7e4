import { describe, expect, it } from "vitest";

import {
  describeWeek,
  nightOf,
  openingState,
  type OpeningInterval,
  type OpeningSchedule,
} from "@/lib/hours/opening";

const NEW_YORK = "America/New_York";
const LONDON = "Europe/London";

// Weekdays with a lunch break, Saturday morning, closed Sunday.
const WEEKDAYS: OpeningInterval[] = [1, 2, 3, 4, 5].flatMap((weekday) => [
  { weekday, opens: "09:00", closes: "13:00" },
  { weekday, opens: "14:00", closes: "17:00:00" },
]);
const HOURS: OpeningInterval[] = [...WEEKDAYS, { weekday: 6, opens: "10:00", closes: "12:00" }];

const schedule = (overrides: Partial<OpeningSchedule> = {}): OpeningSchedule => ({
  timezone: NEW_YORK,
  hours: HOURS,
  closures: [],
  ...overrides,
});
const at = (iso: string) => new Date(iso).getTime();

describe("openingState", () => {
  // 2026-11-30 is a Monday; New York is on EST (UTC−5).
  it("is open inside an interval, until its end", () => {
    expect(openingState(schedule(), at("2026-11-30T15:00:00Z"))).toEqual({
      open: true,
      closesAt: at("2026-11-30T18:00:00Z"),
      label: "Open until 13:00",
    });
  });

  it("is closed over lunch until the afternoon interval, the same day", () => {
    const state = openingState(schedule(), at("2026-11-30T18:30:00Z"));
    expect(state).toMatchObject({ open: false, label: "Closed until 14:00", closure: null });
    expect(state.open || state.opensAt).toBe(at("2026-11-30T19:00:00Z"));
  });

  it("opens at the closing minute's end and closes at the closing minute exactly", () => {
    expect(openingState(schedule(), at("2026-11-30T14:00:00Z")).open).toBe(true); // 09:00 sharp
    expect(openingState(schedule(), at("2026-11-30T22:00:00Z")).open).toBe(false); // 17:00 sharp
  });

  it("says tomorrow, a weekday within the week, or a date further away", () => {
    // Monday 18:00 → Tuesday 09:00.
    expect(openingState(schedule(), at("2026-11-30T23:00:00Z")).label).toBe(
      "Closed until tomorrow 09:00",
    );
    // Saturday 12:30 → Monday 09:00.
    expect(openingState(schedule(), at("2026-12-05T17:30:00Z")).label).toBe(
      "Closed until Monday 09:00",
    );
    // Closed for two weeks from Tuesday: reopens Monday 14 December.
    const closed = schedule({
      closures: [{ startsOn: "2026-12-01", endsOn: "2026-12-13", reason: "Refurbishment" }],
    });
    expect(openingState(closed, at("2026-11-30T23:00:00Z")).label).toBe(
      "Closed until Monday 14 December 09:00",
    );
  });

  it("skips a closure day and names it while it lasts", () => {
    // Christmas Day 2026 is a Friday.
    const christmas = schedule({
      closures: [{ startsOn: "2026-12-25", endsOn: "2026-12-25", reason: "Christmas Day" }],
    });
    const eve = openingState(christmas, at("2026-12-24T23:00:00Z")); // Thursday 18:00
    expect(eve).toMatchObject({ open: false, closure: null, label: "Closed until Saturday 10:00" });
    const day = openingState(christmas, at("2026-12-25T15:00:00Z")); // Friday 10:00
    expect(day).toMatchObject({
      open: false,
      closure: "Christmas Day",
      label: "Closed (Christmas Day) until tomorrow 10:00",
      opensAt: at("2026-12-26T15:00:00Z"),
    });
  });

  it("opens at 09:00 local after the spring-forward change (New York, 2027-03-14)", () => {
    // Saturday 2027-03-13 20:00 EST; Monday opens 09:00 EDT = 13:00 UTC, not 14:00.
    const state = openingState(schedule(), at("2027-03-14T01:00:00Z"));
    expect(state).toMatchObject({ open: false, label: "Closed until Monday 09:00" });
    expect(state.open || state.opensAt).toBe(at("2027-03-15T13:00:00Z"));
    // Monday 08:59 EDT closed, 09:00 EDT open.
    expect(openingState(schedule(), at("2027-03-15T12:59:00Z")).open).toBe(false);
    expect(openingState(schedule(), at("2027-03-15T13:00:00Z")).open).toBe(true);
  });

  it("opens at 09:00 local after the fall-back change (New York, 2026-11-01)", () => {
    // Saturday 2026-10-31 13:00 EDT; Monday 09:00 EST = 14:00 UTC.
    const state = openingState(schedule(), at("2026-10-31T17:00:00Z"));
    expect(state.open || state.opensAt).toBe(at("2026-11-02T14:00:00Z"));
  });

  it("moves an opening inside the spring-forward gap to the change (London, 2027-03-28)", () => {
    const night = schedule({
      timezone: LONDON,
      hours: [{ weekday: 7, opens: "01:30", closes: "03:00" }],
    });
    // 00:30 GMT: opens at the change, 01:00 UTC, whose wall clock reads 02:00 BST.
    const before = openingState(night, at("2027-03-28T00:30:00Z"));
    expect(before).toMatchObject({ open: false, label: "Closed until 02:00" });
    expect(before.open || before.opensAt).toBe(at("2027-03-28T01:00:00Z"));
    expect(openingState(night, at("2027-03-28T01:30:00Z"))).toMatchObject({
      open: true,
      closesAt: at("2027-03-28T02:00:00Z"),
    });
  });

  it("counts the repeated hour of the fall-back change (London, 2027-10-31)", () => {
    const night = schedule({
      timezone: LONDON,
      hours: [{ weekday: 7, opens: "01:00", closes: "03:00" }],
    });
    // 01:00 BST (00:00 UTC) to 03:00 GMT (03:00 UTC): three real hours.
    expect(openingState(night, at("2027-10-31T00:00:00Z")).open).toBe(true);
    expect(openingState(night, at("2027-10-31T02:30:00Z"))).toMatchObject({
      open: true,
      closesAt: at("2027-10-31T03:00:00Z"),
      label: "Open until 03:00",
    });
  });

  it("joins intervals that meet at midnight", () => {
    const late = schedule({
      hours: [
        { weekday: 1, opens: "18:00", closes: "24:00" },
        { weekday: 2, opens: "00:00", closes: "02:00" },
      ],
    });
    // Monday 23:00 EST.
    expect(openingState(late, at("2026-12-01T04:00:00Z"))).toMatchObject({
      open: true,
      closesAt: at("2026-12-01T07:00:00Z"),
      label: "Open until tomorrow 02:00",
    });
    // Tuesday 01:00, inside Tuesday's own interval.
    expect(openingState(late, at("2026-12-01T06:00:00Z"))).toMatchObject({ open: true });
  });

  it("merges overlapping intervals rather than reporting the first one's end", () => {
    const overlapping = schedule({
      hours: [
        { weekday: 1, opens: "09:00", closes: "12:00" },
        { weekday: 1, opens: "11:00", closes: "15:00" },
      ],
    });
    expect(openingState(overlapping, at("2026-11-30T15:00:00Z")).label).toBe("Open until 15:00");
  });

  it("is closed with no reopening when no hours are set", () => {
    expect(openingState(schedule({ hours: [] }), at("2026-11-30T15:00:00Z"))).toEqual({
      open: false,
      opensAt: null,
      closure: null,
      label: "Closed: no opening hours set",
    });
  });

  it("names malformed configuration", () => {
    expect(() => openingState(schedule({ timezone: "Mars/Olympus" }), 0)).toThrow(/Mars\/Olympus/);
    expect(() =>
      openingState(schedule({ hours: [{ weekday: 1, opens: "25:00", closes: "26:00" }] }), 0),
    ).toThrow(/25:00/);
    expect(() =>
      openingState(schedule({ hours: [{ weekday: 1, opens: "12:00", closes: "09:00" }] }), 0),
    ).toThrow(/closing must be after opening/);
    expect(() =>
      openingState(schedule({ hours: [{ weekday: 8, opens: "09:00", closes: "10:00" }] }), 0),
    ).toThrow(/weekday 8/);
  });
});

describe("nightOf", () => {
  it("runs a night from noon to noon, clinic-local", () => {
    // Monday 2026-11-30, New York.
    expect(nightOf(NEW_YORK, at("2026-11-30T17:00:00Z"))).toEqual({
      weekday: 1,
      date: "2026-11-30",
    }); // 12:00
    expect(nightOf(NEW_YORK, at("2026-12-01T04:00:00Z"))).toEqual({
      weekday: 1,
      date: "2026-11-30",
    }); // 23:00
    expect(nightOf(NEW_YORK, at("2026-12-01T08:00:00Z"))).toEqual({
      weekday: 1,
      date: "2026-11-30",
    }); // Tue 03:00
    expect(nightOf(NEW_YORK, at("2026-11-30T16:59:00Z"))).toEqual({
      weekday: 7,
      date: "2026-11-29",
    }); // Mon 11:59
  });

  it("follows the clinic's zone across a daylight-saving change", () => {
    // Sunday 2027-03-14 03:30 EDT (07:30 UTC) is still Saturday night.
    expect(nightOf(NEW_YORK, at("2027-03-14T07:30:00Z"))).toEqual({
      weekday: 6,
      date: "2027-03-13",
    });
  });
});

describe("describeWeek", () => {
  it("says every day, in order, with several intervals and closed days", () => {
    expect(describeWeek(HOURS)).toBe(
      "Monday 09:00–13:00 and 14:00–17:00; Tuesday 09:00–13:00 and 14:00–17:00; Wednesday 09:00–13:00 and 14:00–17:00; Thursday 09:00–13:00 and 14:00–17:00; Friday 09:00–13:00 and 14:00–17:00; Saturday 10:00–12:00; Sunday closed",
    );
  });
});
