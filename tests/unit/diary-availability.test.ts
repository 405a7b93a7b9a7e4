import { describe, expect, it } from "vitest";

import {
  availableStarts,
  checkBookable,
  workingIntervals,
  type BookableType,
  type DiarySchedule,
} from "@/lib/diary/availability";

// Europe/London. 2026-12-07 is a Monday (GMT, so wall clock = UTC).
const LONDON = "Europe/London";

function schedule(overrides: Partial<DiarySchedule> = {}): DiarySchedule {
  return {
    timeZone: LONDON,
    now: new Date("2026-12-01T08:00:00Z"),
    minNoticeMinutes: 0,
    horizonDays: 60,
    weeklyHours: [
      { practitionerId: "surgeon", weekday: 1, opens: "09:00", closes: "13:00" },
      { practitionerId: "surgeon", weekday: 1, opens: "14:00:00", closes: "18:00:00" },
      { practitionerId: "nurse", weekday: 1, opens: "10:00", closes: "12:00" },
    ],
    overrides: [],
    closures: [],
    busy: [],
    ...overrides,
  };
}

const consultation: BookableType = {
  id: "consultation",
  durationMinutes: 60,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  resourceId: null,
  practitionerIds: ["surgeon"],
};

const day = (date: string) => ({
  from: new Date(`${date}T00:00:00Z`),
  to: new Date(`${date}T23:59:59Z`),
});
const times = (starts: { start: Date }[]) => starts.map((s) => s.start.toISOString().slice(11, 16));
const intervals = (list: { start: Date; end: Date }[]) =>
  list.map((i) => `${i.start.toISOString()}/${i.end.toISOString()}`);

describe("workingIntervals", () => {
  it("gives several intervals a day, in order, cut to the range", () => {
    const s = schedule();
    expect(intervals(workingIntervals(s, "surgeon", ...range("2026-12-07")))).toEqual([
      "2026-12-07T09:00:00.000Z/2026-12-07T13:00:00.000Z",
      "2026-12-07T14:00:00.000Z/2026-12-07T18:00:00.000Z",
    ]);
    expect(
      intervals(
        workingIntervals(
          s,
          "surgeon",
          new Date("2026-12-07T10:00:00Z"),
          new Date("2026-12-07T15:00:00Z"),
        ),
      ),
    ).toEqual([
      "2026-12-07T10:00:00.000Z/2026-12-07T13:00:00.000Z",
      "2026-12-07T14:00:00.000Z/2026-12-07T15:00:00.000Z",
    ]);
    expect(workingIntervals(s, "surgeon", ...range("2026-12-08"))).toEqual([]); // a Tuesday
  });

  it("applies overrides: a whole day off, part of a day off, extra hours merged with the weekly ones", () => {
    const off = schedule({
      overrides: [
        { practitionerId: "surgeon", date: "2026-12-07", kind: "off", opens: null, closes: null },
      ],
    });
    expect(workingIntervals(off, "surgeon", ...range("2026-12-07"))).toEqual([]);
    expect(workingIntervals(off, "surgeon", ...range("2026-12-14"))).toHaveLength(2); // only that date

    const partly = schedule({
      overrides: [
        {
          practitionerId: "surgeon",
          date: "2026-12-07",
          kind: "off",
          opens: "10:00",
          closes: "11:30",
        },
        {
          practitionerId: "surgeon",
          date: "2026-12-07",
          kind: "extra",
          opens: "12:30",
          closes: "14:30",
        },
        {
          practitionerId: "surgeon",
          date: "2026-12-07",
          kind: "extra",
          opens: "19:00",
          closes: "20:00",
        },
      ],
    });
    expect(intervals(workingIntervals(partly, "surgeon", ...range("2026-12-07")))).toEqual([
      "2026-12-07T09:00:00.000Z/2026-12-07T10:00:00.000Z",
      "2026-12-07T11:30:00.000Z/2026-12-07T18:00:00.000Z",
      "2026-12-07T19:00:00.000Z/2026-12-07T20:00:00.000Z",
    ]);

    const extraOnDayOff = schedule({
      overrides: [
        { practitionerId: "surgeon", date: "2026-12-07", kind: "off", opens: null, closes: null },
        {
          practitionerId: "surgeon",
          date: "2026-12-07",
          kind: "extra",
          opens: "08:00",
          closes: "09:00",
        },
      ],
    });
    expect(intervals(workingIntervals(extraOnDayOff, "surgeon", ...range("2026-12-07")))).toEqual([
      "2026-12-07T08:00:00.000Z/2026-12-07T09:00:00.000Z",
    ]);
  });

  it("removes whole clinic-local closure days, extra hours included", () => {
    const closed = schedule({
      closures: [{ startsOn: "2026-12-07", endsOn: "2026-12-07" }],
      overrides: [
        {
          practitionerId: "surgeon",
          date: "2026-12-07",
          kind: "extra",
          opens: "19:00",
          closes: "20:00",
        },
      ],
    });
    expect(workingIntervals(closed, "surgeon", ...range("2026-12-07"))).toEqual([]);
    expect(workingIntervals(closed, "surgeon", ...range("2026-12-14"))).toHaveLength(2);
  });

  it("closes at 24:00 at the next local midnight", () => {
    const late = schedule({
      weeklyHours: [{ practitionerId: "surgeon", weekday: 1, opens: "22:00", closes: "24:00" }],
    });
    expect(
      intervals(
        workingIntervals(
          late,
          "surgeon",
          new Date("2026-12-07T00:00Z"),
          new Date("2026-12-09T00:00Z"),
        ),
      ),
    ).toEqual(["2026-12-07T22:00:00.000Z/2026-12-08T00:00:00.000Z"]);
  });

  it("keeps wall-clock hours on both sides of a daylight-saving change", () => {
    const everyDay = (opens: string, closes: string) =>
      [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ practitionerId: "p", weekday, opens, closes }));
    // London: clocks go forward at 01:00 UTC on Sunday 2026-03-29.
    const spring = schedule({ weeklyHours: everyDay("09:00", "17:00") });
    expect(
      intervals(
        workingIntervals(spring, "p", new Date("2026-03-28T00:00Z"), new Date("2026-03-31T00:00Z")),
      ),
    ).toEqual([
      "2026-03-28T09:00:00.000Z/2026-03-28T17:00:00.000Z", // GMT
      "2026-03-29T08:00:00.000Z/2026-03-29T16:00:00.000Z", // BST
      "2026-03-30T08:00:00.000Z/2026-03-30T16:00:00.000Z",
    ]);
    // New York: clocks go back at 06:00 UTC on Sunday 2026-11-01 (EDT → EST).
    const fall = schedule({
      timeZone: "America/New_York",
      weeklyHours: everyDay("09:00", "17:00"),
    });
    expect(
      intervals(
        workingIntervals(fall, "p", new Date("2026-10-31T00:00Z"), new Date("2026-11-02T00:00Z")),
      ),
    ).toEqual([
      "2026-10-31T13:00:00.000Z/2026-10-31T21:00:00.000Z",
      "2026-11-01T14:00:00.000Z/2026-11-01T22:00:00.000Z",
    ]);
  });

  it("moves a time in the spring-forward gap to the change, and takes the earlier of a repeated time", () => {
    const sunday = (opens: string, closes: string) =>
      schedule({ weeklyHours: [{ practitionerId: "p", weekday: 7, opens, closes }] });
    // London 2026-03-29: 01:00-02:00 does not exist; 01:30 becomes 02:00 BST = 01:00 UTC.
    expect(
      intervals(workingIntervals(sunday("01:30", "03:00"), "p", ...range("2026-03-29"))),
    ).toEqual(["2026-03-29T01:00:00.000Z/2026-03-29T02:00:00.000Z"]);
    // An interval wholly inside the gap is no time at all.
    expect(workingIntervals(sunday("01:15", "01:45"), "p", ...range("2026-03-29"))).toEqual([]);
    // London 2026-10-25: 01:00-02:00 happens twice; 01:30 is the first (BST, 00:30 UTC).
    expect(
      intervals(workingIntervals(sunday("01:30", "03:00"), "p", ...range("2026-10-25"))),
    ).toEqual(["2026-10-25T00:30:00.000Z/2026-10-25T03:00:00.000Z"]);
  });

  it("joins intervals that meet at a spring-forward change into one", () => {
    const s = schedule({
      now: new Date("2026-03-01T00:00:00Z"),
      weeklyHours: [
        { practitionerId: "p", weekday: 7, opens: "00:00", closes: "01:00" },
        { practitionerId: "p", weekday: 7, opens: "02:00", closes: "03:00" },
      ],
    });
    expect(intervals(workingIntervals(s, "p", ...range("2026-03-29")))).toEqual([
      "2026-03-29T00:00:00.000Z/2026-03-29T02:00:00.000Z",
    ]);
    const type = { ...consultation, practitionerIds: ["p"] };
    expect(times(availableStarts(s, type, day("2026-03-29")))).toEqual([
      "00:00",
      "00:15",
      "00:30",
      "00:45",
      "01:00",
    ]);
  });

  it("rejects bad configuration with a clear error", () => {
    const bad = (changes: Partial<DiarySchedule>) => () =>
      workingIntervals(schedule(changes), "surgeon", ...range("2026-12-07"));
    expect(bad({ timeZone: "Mars/Olympus" })).toThrow(/Unknown time zone "Mars\/Olympus"/);
    expect(
      bad({
        weeklyHours: [{ practitionerId: "surgeon", weekday: 1, opens: "9am", closes: "17:00" }],
      }),
    ).toThrow(/Invalid time "9am"/);
    expect(
      bad({
        weeklyHours: [{ practitionerId: "surgeon", weekday: 1, opens: "17:00", closes: "09:00" }],
      }),
    ).toThrow(/not after/);
    expect(
      bad({
        weeklyHours: [{ practitionerId: "surgeon", weekday: 8, opens: "09:00", closes: "17:00" }],
      }),
    ).toThrow(/Invalid weekday 8/);
    expect(bad({ closures: [{ startsOn: "2026-02-30", endsOn: "2026-03-01" }] })).toThrow(
      /Invalid date "2026-02-30"/,
    );
    expect(
      bad({
        overrides: [
          {
            practitionerId: "surgeon",
            date: "2026-12-07",
            kind: "extra",
            opens: null,
            closes: null,
          },
        ],
      }),
    ).toThrow(/Extra hours need/);
  });
});

function range(date: string): [Date, Date] {
  const { from, to } = day(date);
  return [from, to];
}

describe("availableStarts", () => {
  it("offers a 15-minute grid from each interval's start where the whole appointment fits", () => {
    const starts = availableStarts(schedule(), consultation, day("2026-12-07"));
    expect(times(starts)).toEqual([
      ...[
        "09:00",
        "09:15",
        "09:30",
        "09:45",
        "10:00",
        "10:15",
        "10:30",
        "10:45",
        "11:00",
        "11:15",
        "11:30",
        "11:45",
        "12:00",
      ],
      ...[
        "14:00",
        "14:15",
        "14:30",
        "14:45",
        "15:00",
        "15:15",
        "15:30",
        "15:45",
        "16:00",
        "16:15",
        "16:30",
        "16:45",
        "17:00",
      ],
    ]);
    expect(starts[0]).toEqual({
      practitionerId: "surgeon",
      start: new Date("2026-12-07T09:00:00Z"),
      end: new Date("2026-12-07T10:00:00Z"),
    });
  });

  it("counts the grid from an interval that opens off the quarter hour, and honours another grid", () => {
    const s = schedule({
      weeklyHours: [{ practitionerId: "surgeon", weekday: 1, opens: "09:10", closes: "11:00" }],
    });
    expect(times(availableStarts(s, consultation, day("2026-12-07")))).toEqual([
      "09:10",
      "09:25",
      "09:40",
      "09:55",
    ]);
    expect(
      times(availableStarts({ ...s, gridMinutes: 30 }, consultation, day("2026-12-07"))),
    ).toEqual(["09:10", "09:40"]);
  });

  it("keeps buffers inside working hours and clear of other appointments", () => {
    const buffered = { ...consultation, bufferBeforeMinutes: 15, bufferAfterMinutes: 15 };
    const s = schedule({
      weeklyHours: [{ practitionerId: "surgeon", weekday: 1, opens: "09:00", closes: "12:00" }],
      busy: [
        // An appointment 10:30-11:00 with no buffers of its own.
        {
          practitionerId: "surgeon",
          resourceId: null,
          start: new Date("2026-12-07T10:30Z"),
          end: new Date("2026-12-07T11:00Z"),
        },
      ],
    });
    // Occupied range [start - 15, start + 75): first start 09:15; must end by 10:30 or begin at 11:00.
    expect(times(availableStarts(s, buffered, day("2026-12-07")))).toEqual(["09:15"]);
    expect(times(availableStarts({ ...s, busy: [] }, buffered, day("2026-12-07")))).toEqual([
      "09:15",
      "09:30",
      "09:45",
      "10:00",
      "10:15",
      "10:30",
      "10:45",
    ]);
  });

  it("needs the type's resource free too, whoever has it booked", () => {
    const laser: BookableType = {
      ...consultation,
      id: "laser",
      durationMinutes: 30,
      resourceId: "laser-suite",
      practitionerIds: ["surgeon", "nurse"],
    };
    const s = schedule({
      busy: [
        // The nurse has the laser suite 10:00-11:00; a resource-only block 11:30-12:00.
        {
          practitionerId: "nurse",
          resourceId: "laser-suite",
          start: new Date("2026-12-07T10:00Z"),
          end: new Date("2026-12-07T11:00Z"),
        },
        {
          practitionerId: null,
          resourceId: "laser-suite",
          start: new Date("2026-12-07T11:30Z"),
          end: new Date("2026-12-07T12:00Z"),
        },
        // Another room being busy changes nothing.
        {
          practitionerId: null,
          resourceId: "theatre",
          start: new Date("2026-12-07T09:00Z"),
          end: new Date("2026-12-07T18:00Z"),
        },
      ],
    });
    const starts = availableStarts(s, laser, {
      ...day("2026-12-07"),
      practitionerIds: ["surgeon", "nurse"],
    });
    expect(
      starts
        .filter((x) => x.start < new Date("2026-12-07T13:00Z"))
        .map((x) => `${times([x])[0]} ${x.practitionerId}`),
    ).toEqual([
      "09:00 surgeon",
      "09:15 surgeon",
      "09:30 surgeon",
      "11:00 nurse",
      "11:00 surgeon",
      "12:00 surgeon",
      "12:15 surgeon",
      "12:30 surgeon",
    ]);
    // Asking for one practitioner only.
    expect(
      times(availableStarts(s, laser, { ...day("2026-12-07"), practitionerIds: ["nurse"] })),
    ).toEqual(["11:00"]);
    // A practitioner who does not perform the type is never offered.
    expect(
      availableStarts(
        s,
        { ...laser, practitionerIds: ["surgeon"] },
        { ...day("2026-12-07"), practitionerIds: ["nurse"] },
      ),
    ).toEqual([]);
  });

  it("starts no sooner than the minimum notice and no later than the horizon", () => {
    const s = schedule({
      now: new Date("2026-12-07T09:05:00Z"),
      minNoticeMinutes: 60,
      horizonDays: 7,
    });
    expect(times(availableStarts(s, consultation, day("2026-12-07"))).slice(0, 2)).toEqual([
      "10:15",
      "10:30",
    ]);
    // now + 7 days = 2026-12-14 09:05: the 09:00 start that day is in, 09:15 is not.
    expect(times(availableStarts(s, consultation, day("2026-12-14")))).toEqual(["09:00"]);
    expect(availableStarts(s, consultation, day("2026-12-21"))).toEqual([]);
    // Nothing in the past, even with no notice.
    expect(
      times(availableStarts({ ...s, minNoticeMinutes: 0 }, consultation, day("2026-12-07")))[0],
    ).toBe("09:15");
  });

  it("offers nothing on a closure day and keeps the range's ends", () => {
    const s = schedule({ closures: [{ startsOn: "2026-12-05", endsOn: "2026-12-07" }] });
    expect(availableStarts(s, consultation, day("2026-12-07"))).toEqual([]);
    const two = availableStarts(schedule(), consultation, {
      from: new Date("2026-12-07T11:45Z"),
      to: new Date("2026-12-07T14:15Z"),
    });
    expect(times(two)).toEqual(["11:45", "12:00", "14:00"]);
  });

  it("sorts by start, then practitioner", () => {
    const both = { ...consultation, practitionerIds: ["surgeon", "nurse"] };
    const starts = availableStarts(schedule(), both, day("2026-12-07")).slice(0, 6);
    expect(starts.map((x) => `${times([x])[0]} ${x.practitionerId}`)).toEqual([
      "09:00 surgeon",
      "09:15 surgeon",
      "09:30 surgeon",
      "09:45 surgeon",
      "10:00 nurse",
      "10:00 surgeon",
    ]);
  });

  it("rejects a type with no duration", () => {
    expect(() =>
      availableStarts(schedule(), { ...consultation, durationMinutes: 0 }, day("2026-12-07")),
    ).toThrow(/duration must be/);
  });
});

describe("checkBookable", () => {
  const at = (iso: string, practitionerId = "surgeon") => ({
    practitionerId,
    start: new Date(iso),
  });
  const s = schedule({
    now: new Date("2026-12-07T08:00:00Z"),
    minNoticeMinutes: 60,
    horizonDays: 14,
    closures: [{ startsOn: "2026-12-14", endsOn: "2026-12-14" }],
    busy: [
      {
        practitionerId: "surgeon",
        resourceId: null,
        start: new Date("2026-12-07T15:00Z"),
        end: new Date("2026-12-07T16:00Z"),
      },
      {
        practitionerId: null,
        resourceId: "room",
        start: new Date("2026-12-07T11:00Z"),
        end: new Date("2026-12-07T12:00Z"),
      },
    ],
  });
  const roomy = { ...consultation, resourceId: "room", bufferAfterMinutes: 10 };

  it("accepts an exact start off the grid inside working hours", () => {
    expect(checkBookable(s, consultation, at("2026-12-07T09:07:00Z"))).toEqual({ ok: true });
  });

  it.each([
    ["not_performed", at("2026-12-07T10:00Z", "nurse")],
    ["in_past", at("2026-12-07T07:00Z")],
    ["too_soon", at("2026-12-07T08:30Z")],
    ["beyond_horizon", at("2026-12-21T09:00Z")],
    ["closed", at("2026-12-14T09:00Z")],
    ["outside_hours", at("2026-12-07T12:30Z")], // would end 13:30, after the morning ends
    ["outside_hours", at("2026-12-08T09:00Z")], // a Tuesday
    ["overlap", at("2026-12-07T14:30Z")],
    ["resource_taken", at("2026-12-07T10:05Z")], // ends 11:05 + 10 min buffer
  ] as const)("refuses %s", (reason, where) => {
    expect(checkBookable(s, roomy, where)).toEqual({ ok: false, reason });
  });

  it("ignores the busy range of the appointment being moved", () => {
    const moving = s.busy[0]!;
    expect(
      checkBookable(s, roomy, { ...at("2026-12-07T15:15Z"), ignoreBusy: (b) => b === moving }),
    ).toEqual({ ok: true });
  });
});
