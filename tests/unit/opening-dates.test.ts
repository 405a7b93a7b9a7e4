import { describe, expect, it } from "vitest";

import {
  describeSpecialDates,
  openingState,
  type OpeningInterval,
  type OpeningSchedule,
} from "@/lib/hours/opening";
import { decideTransfer, type RoutingConfig } from "@/lib/hours/routing";
import { parseLocalMoment, previewTransfer } from "@/lib/hours/transfer-preview";

// Special opening hours on a date (opening_hours_dates): they replace that day's weekly hours.
// New York: EST (UTC−5) in December, EDT (UTC−4) from 2027-03-14 02:00.
const WEEKDAYS: OpeningInterval[] = [1, 2, 3, 4, 5].map((weekday) => ({
  weekday,
  opens: "09:00",
  closes: "17:00",
}));
const schedule = (overrides: Partial<OpeningSchedule> = {}): OpeningSchedule => ({
  timezone: "America/New_York",
  hours: WEEKDAYS,
  closures: [],
  dates: [{ date: "2026-12-24", opens: "09:00", closes: "13:00", reason: "Christmas Eve" }],
  ...overrides,
});
const at = (iso: string) => new Date(iso).getTime();

describe("special hours on a date", () => {
  it("replace the weekday's hours: Christmas Eve (a Thursday) closes at 13:00", () => {
    expect(openingState(schedule(), at("2026-12-24T17:00:00Z")).label).toBe("Open until 13:00");
    // 14:00: a Thursday would be open; Christmas Eve is not, and Christmas Day (Friday) is an
    // ordinary Friday here (no closure in this schedule).
    expect(openingState(schedule(), at("2026-12-24T19:00:00Z")).label).toBe(
      "Closed until tomorrow 09:00",
    );
    // The day before says when Christmas Eve closes.
    expect(openingState(schedule(), at("2026-12-23T21:00:00Z")).open).toBe(true);
  });

  it("can open a day the week is closed, with several intervals, and leave closures closed", () => {
    const sunday = schedule({
      dates: [
        { date: "2026-12-20", opens: "14:00", closes: "16:00" },
        { date: "2026-12-20", opens: "10:00", closes: "12:00" },
      ],
    });
    // Saturday 19 December 18:00 → Sunday 10:00 (not Monday).
    expect(openingState(sunday, at("2026-12-19T23:00:00Z")).label).toBe(
      "Closed until tomorrow 10:00",
    );
    expect(openingState(sunday, at("2026-12-20T17:30:00Z")).label).toBe("Closed until 14:00");
    const closed = schedule({
      closures: [{ startsOn: "2026-12-24", endsOn: "2026-12-24", reason: "Staff day" }],
    });
    expect(openingState(closed, at("2026-12-24T15:00:00Z")).label).toBe(
      "Closed (Staff day) until tomorrow 09:00",
    );
  });

  it("keeps the wall clock on a daylight-saving day (New York, Sunday 2027-03-14)", () => {
    const dst = schedule({ dates: [{ date: "2027-03-14", opens: "10:00", closes: "12:00" }] });
    // 14:30 UTC is 10:30 EDT: open; on EST it would read 09:30 and be closed.
    expect(openingState(dst, at("2027-03-14T14:30:00Z")).label).toBe("Open until 12:00");
    expect(openingState(dst, at("2027-03-14T13:30:00Z")).label).toBe("Closed until 10:00");
  });

  it("names malformed special hours", () => {
    expect(() =>
      openingState(
        schedule({ dates: [{ date: "2026-12-24", opens: "13:00", closes: "09:00" }] }),
        at("2026-12-24T15:00:00Z"),
      ),
    ).toThrow(/closing must be after opening/);
  });

  it("are listed for the prompt from today, for 60 days", () => {
    const now = at("2026-12-01T15:00:00Z");
    expect(describeSpecialDates(schedule(), now)).toBe(
      "Thursday 24 December 09:00–13:00 (Christmas Eve)",
    );
    expect(describeSpecialDates(schedule(), at("2026-12-25T15:00:00Z"))).toBe("none");
    expect(describeSpecialDates(schedule(), at("2026-10-01T15:00:00Z"))).toBe("none");
  });
});

describe("Test the transfer (the dry run)", () => {
  const config: RoutingConfig = {
    schedule: schedule(),
    frontDeskNumber: "+15555550100",
    afterHoursMode: "message",
    emergencyNumber: "911",
    rota: [{ weekday: 4, clinicianName: "Dr Thursday", phoneNumber: "+15555550144" }],
  };
  const source = {
    ...config,
    rota: config.rota.map((night, index) => ({ id: `${index}`, ...night })),
  };

  it("reads a clinic-local moment with the wall-clock rules and refuses one that is not", () => {
    expect(parseLocalMoment("America/New_York", "2026-12-24T12:30")).toBe(
      at("2026-12-24T17:30:00Z"),
    );
    expect(parseLocalMoment("America/New_York", "2027-03-14T10:30")).toBe(
      at("2027-03-14T14:30:00Z"),
    );
    expect(() => parseLocalMoment("America/New_York", "tomorrow")).toThrow(/not a date and time/);
    expect(() => parseLocalMoment("America/New_York", "2026-02-30T10:00")).toThrow(/Invalid date/);
  });

  it("gives, for each kind of caller, exactly what the webhook's function gives", () => {
    for (const iso of ["2026-12-24T17:30:00Z", "2026-12-24T19:00:00Z", "2026-12-25T03:00:00Z"]) {
      const preview = previewTransfer(source, at(iso));
      const calls = {
        ordinary: { urgent: false, emergency: false },
        urgent: { urgent: true, emergency: false },
        emergency: { urgent: true, emergency: true },
      };
      for (const item of preview.cases)
        expect(item.choice).toEqual(decideTransfer(config, calls[item.call], at(iso)));
    }
  });

  it("explains the choice: front desk on special hours, on call after them, none for emergencies", () => {
    const open = previewTransfer(source, at("2026-12-24T17:30:00Z"));
    expect(open.local).toBe("2026-12-24 12:30");
    expect(open.state).toBe("Open until 13:00");
    expect(open.cases[0]).toMatchObject({
      call: "ordinary",
      destination: "Front desk, +15555550100",
    });
    const closed = previewTransfer(source, at("2026-12-24T19:00:00Z"));
    expect(closed.night).toBe("2026-12-24");
    expect(closed.onCall).toEqual({ clinicianName: "Dr Thursday", phoneNumber: "+15555550144" });
    expect(closed.cases.map((item) => item.destination)).toEqual([
      "No transfer",
      "Dr Thursday (on call), +15555550144",
      "No transfer",
    ]);
    expect(closed.cases[0]!.why).toMatch(/front desk is closed until tomorrow 09:00/);
    expect(closed.cases[1]!.why).toBe(
      "The front desk is closed until tomorrow 09:00; Dr Thursday is on call on the night of 2026-12-24.",
    );
    expect(closed.cases[2]!.why).toMatch(/call 911 now/);
  });
});
