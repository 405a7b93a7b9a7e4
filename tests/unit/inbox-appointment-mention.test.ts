import { describe, expect, it } from "vitest";

import { appointmentNamedBy, findMentions } from "@/lib/inbox/appointment-mention";

// Which appointment a text names. "Now" is Monday 30 November 2026, 12:00 in London.
const timeZone = "Europe/London";
const now = new Date("2026-11-30T12:00:00Z");
const at = (iso: string) => new Date(iso);
const tue1030 = { id: "tue-1030", startsAt: at("2026-12-01T10:30:00Z") };
const tue1500 = { id: "tue-1500", startsAt: at("2026-12-01T15:00:00Z") };
const fri0900 = { id: "fri-0900", startsAt: at("2026-12-04T09:00:00Z") };
const jan = { id: "jan", startsAt: at("2027-01-12T14:00:00Z") };
const named = (text: string, appointments = [tue1030, tue1500, fri0900, jan]) =>
  appointmentNamedBy(text, appointments, { timeZone, now });

describe("findMentions", () => {
  it("reads days and times the way patients write them", () => {
    const m = findMentions(
      "Can we do tomorrow at 3 or Fri 10.30am, or 12th Jan 14:00?",
      timeZone,
      now,
    );
    expect([...m.dates].sort()).toEqual(["2026-12-01", "2027-01-12"]);
    expect([...m.weekdays]).toEqual([5]);
    expect([...m.times].sort((a, b) => a - b)).toEqual([180, 630, 840, 900]);
  });

  it("ignores numbers that are no time: phone numbers, prices, dates without a month", () => {
    const m = findMentions("Call me on 07700900123, it was £300 on 12/03", timeZone, now);
    expect(m.times.size + m.dates.size + m.weekdays.size).toBe(0);
  });

  it("reads a past day-month as next year's", () => {
    expect([...findMentions("See you 5 Jan", timeZone, now).dates]).toEqual(["2027-01-05"]);
  });
});

describe("appointmentNamedBy", () => {
  it("links a day and time that fit exactly one appointment", () => {
    expect(named("Can I move my Tuesday 10:30 appointment?")).toBe("tue-1030");
    expect(named("running late for 3pm tomorrow")).toBe("tue-1500");
    expect(named("Is Friday still ok?")).toBe("fri-0900");
    expect(named("about the 12th of January")).toBe("jan");
  });

  it("links nothing when more than one fits, or none", () => {
    expect(named("Can I move Tuesday?")).toBeNull();
    expect(named("How about Wednesday at 4pm?")).toBeNull();
  });

  it("links 'my appointment' to the only upcoming one, and to nothing when there are several", () => {
    expect(named("Do I need to shave before my consultation?", [fri0900])).toBe("fri-0900");
    expect(named("Do I need to shave before my consultation?")).toBeNull();
    expect(named("Where do I park?", [fri0900])).toBeNull();
    expect(named("my appointment", [])).toBeNull();
  });

  it("never links a weekday to one more than a week away", () => {
    expect(named("Tuesday?", [{ id: "later", startsAt: at("2026-12-08T10:30:00Z") }])).toBeNull();
  });
});
