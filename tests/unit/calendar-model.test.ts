import { describe, expect, it } from "vitest";

import type { DiaryAppointment, DiaryBlock, DiaryHold, DiaryView } from "@/types/diary";
import {
  closureOn,
  columnsOf,
  dropTarget,
  fromLocalDate,
  gridHours,
  holdSecondsLeft,
  isWorkingTime,
  localDate,
  localDateTime,
  localTime,
  nextHoldExpiry,
  nextStatuses,
  stepDate,
  toCalendarEvents,
  visibleRange,
} from "@/components/diary/calendar-model";

const SURGEON = "11111111-1111-4111-8111-111111111111";
const NURSE = "22222222-2222-4222-8222-222222222222";
const LASER = "33333333-3333-4333-8333-333333333333";

const appointment: DiaryAppointment = {
  kind: "appointment",
  id: "r-1",
  bookingId: "b-1",
  practitionerId: SURGEON,
  resourceId: null,
  start: "2026-12-07T10:00:00.000Z",
  end: "2026-12-07T11:00:00.000Z",
  occupiedStart: "2026-12-07T09:45:00.000Z",
  occupiedEnd: "2026-12-07T11:15:00.000Z",
  status: "confirmed",
  typeId: "t-1",
  typeName: "Consultation",
  procedureName: "Facelift",
  patientName: "Ada Lovelace",
  patientPhone: "+15550100001",
  source: "staff",
  callId: null,
  notes: "",
};
const hold: DiaryHold = {
  kind: "hold",
  id: "r-2",
  practitionerId: NURSE,
  resourceId: LASER,
  start: "2026-12-07T14:00:00.000Z",
  end: "2026-12-07T15:00:00.000Z",
  occupiedStart: "2026-12-07T14:00:00.000Z",
  occupiedEnd: "2026-12-07T15:00:00.000Z",
  heldUntil: "2026-12-07T09:01:30.000Z",
  callId: "c-1",
};
const roomBlock: DiaryBlock = {
  kind: "block",
  id: "r-3",
  practitionerId: null,
  resourceId: LASER,
  start: "2026-12-07T16:00:00.000Z",
  end: "2026-12-07T17:00:00.000Z",
  occupiedStart: "2026-12-07T16:00:00.000Z",
  occupiedEnd: "2026-12-07T17:00:00.000Z",
  reason: "Laser service",
};

const view: DiaryView = {
  timeZone: "Europe/London",
  practitioners: [
    { id: SURGEON, name: "Dr Okafor", title: "Surgeon" },
    { id: NURSE, name: "Sam Reid", title: "" },
  ],
  resources: [{ id: LASER, name: "Laser suite", kind: "device" }],
  appointmentTypes: [],
  workingIntervals: [
    { practitionerId: SURGEON, start: "2026-12-07T09:00:00.000Z", end: "2026-12-07T13:00:00.000Z" },
    { practitionerId: SURGEON, start: "2026-12-07T14:00:00.000Z", end: "2026-12-07T18:00:00.000Z" },
  ],
  closures: [{ startsOn: "2026-12-24", endsOn: "2026-12-26", reason: "Christmas" }],
  entries: [hold, appointment, roomBlock],
};
const NOW = Date.parse("2026-12-07T09:00:00.000Z");

describe("diary columns and events", () => {
  it("gives a column per practitioner, or per room and device", () => {
    expect(columnsOf(view, "practitioner")).toEqual([
      { id: SURGEON, title: "Dr Okafor", subtitle: "Surgeon" },
      { id: NURSE, title: "Sam Reid", subtitle: undefined },
    ]);
    expect(columnsOf(view, "room")).toEqual([
      { id: LASER, title: "Laser suite", subtitle: "Device" },
    ]);
  });

  it("puts each entry in its practitioner's column, sorted by start, leaving out room-only blocks", () => {
    const events = toCalendarEvents(view, { mode: "practitioner", now: NOW });
    expect(events.map((e) => [e.id, e.resourceId, e.title])).toEqual([
      ["appointment:r-1", SURGEON, "Ada Lovelace · Consultation"],
      ["hold:r-2", NURSE, "Held on a call"],
    ]);
    expect(events[0]!.start.toISOString()).toBe(appointment.start);
    expect(events[0]!.end.toISOString()).toBe(appointment.end);
  });

  it("puts entries that need a room in that room's column", () => {
    const events = toCalendarEvents(view, { mode: "room", now: NOW });
    expect(events.map((e) => [e.id, e.resourceId, e.title])).toEqual([
      ["hold:r-2", LASER, "Held on a call"],
      ["block:r-3", LASER, "Blocked · Laser service"],
    ]);
  });

  it("shows one practitioner's entries without columns in the week view", () => {
    const events = toCalendarEvents(view, { mode: "practitioner", focusId: SURGEON, now: NOW });
    expect(events.map((e) => [e.id, e.resourceId])).toEqual([["appointment:r-1", undefined]]);
  });

  it("drops a hold once its time is up, before the server's broadcast arrives", () => {
    const later = Date.parse(hold.heldUntil);
    expect(
      toCalendarEvents(view, { mode: "practitioner", now: later }).map((e) => e.id),
    ).not.toContain("hold:r-2");
    expect(holdSecondsLeft(hold.heldUntil, NOW)).toBe(90);
    expect(holdSecondsLeft(hold.heldUntil, NOW + 89_001)).toBe(1);
    expect(holdSecondsLeft(hold.heldUntil, later + 5000)).toBe(0);
    expect(nextHoldExpiry(view, NOW)).toBe(later);
    expect(nextHoldExpiry(view, later)).toBeNull();
    expect(nextHoldExpiry(null, NOW)).toBeNull();
  });
});

describe("working time and closures", () => {
  it("greys a slot unless it lies wholly inside one of the practitioner's intervals", () => {
    const at = (iso: string) => new Date(iso);
    expect(isWorkingTime(view, SURGEON, at("2026-12-07T09:00:00Z"), 15)).toBe(true);
    expect(isWorkingTime(view, SURGEON, at("2026-12-07T12:45:00Z"), 15)).toBe(true);
    expect(isWorkingTime(view, SURGEON, at("2026-12-07T13:00:00Z"), 15)).toBe(false);
    expect(isWorkingTime(view, SURGEON, at("2026-12-07T08:45:00Z"), 15)).toBe(false);
    expect(isWorkingTime(view, NURSE, at("2026-12-07T10:00:00Z"), 15)).toBe(false);
  });

  it("finds the closure of a clinic-local day", () => {
    expect(closureOn(view, new Date("2026-12-25T12:00:00Z"))?.reason).toBe("Christmas");
    expect(closureOn(view, new Date("2026-12-26T23:30:00Z"))?.reason).toBe("Christmas");
    expect(closureOn(view, new Date("2026-12-27T00:30:00Z"))).toBeNull();
    expect(closureOn(view, new Date("2026-12-23T23:59:00Z"))).toBeNull();
    const tokyo = { ...view, timeZone: "Asia/Tokyo" };
    // 23 December 16:00 UTC is already 24 December in Tokyo.
    expect(closureOn(tokyo, new Date("2026-12-23T16:00:00Z"))?.reason).toBe("Christmas");
  });

  it("shows at least 08:00 to 18:00, widened to the working hours and entries in clinic time", () => {
    expect(gridHours(view)).toEqual({ startHour: 8, endHour: 18 });
    const early = {
      ...view,
      workingIntervals: [
        { practitionerId: NURSE, start: "2026-12-07T07:30:00Z", end: "2026-12-07T19:15:00Z" },
      ],
    };
    expect(gridHours(early)).toEqual({ startHour: 7, endHour: 20 });
    // New York is UTC-5 in December: 13:00Z is 08:00 local, 23:00Z is 18:00 local.
    const newYork = {
      ...view,
      timeZone: "America/New_York",
      entries: [],
      workingIntervals: [
        { practitionerId: NURSE, start: "2026-12-07T12:00:00Z", end: "2026-12-07T23:00:00Z" },
      ],
    };
    expect(gridHours(newYork)).toEqual({ startHour: 7, endHour: 18 });
  });
});

describe("dates in the clinic's zone", () => {
  it("fetches the clinic-local day, which is 23 hours long when the clocks go forward", () => {
    const day = visibleRange(new Date("2026-03-29T12:00:00Z"), "day", "Europe/London");
    expect(day).toEqual({ from: "2026-03-29T00:00:00.000Z", to: "2026-03-29T23:00:00.000Z" });
    const ny = visibleRange(new Date("2026-12-08T03:00:00Z"), "day", "America/New_York");
    // 03:00Z on the 8th is still the 7th in New York.
    expect(ny).toEqual({ from: "2026-12-07T05:00:00.000Z", to: "2026-12-08T05:00:00.000Z" });
  });

  it("fetches the week from Monday", () => {
    const week = visibleRange(new Date("2026-12-10T12:00:00Z"), "week", "Europe/London");
    expect(week).toEqual({ from: "2026-12-07T00:00:00.000Z", to: "2026-12-14T00:00:00.000Z" });
  });

  it("steps by clinic-local days and weeks, and reads dates and times in clinic time", () => {
    const tz = "America/New_York";
    const start = fromLocalDate("2026-11-01", tz)!; // DST ends that night
    expect(localDate(stepDate(start, "day", 1, tz), tz)).toBe("2026-11-02");
    expect(localDate(stepDate(start, "week", -1, tz), tz)).toBe("2026-10-25");
    expect(fromLocalDate("not a date", tz)).toBeNull();
    expect(localDateTime("2026-12-07", "10:30", tz)?.toISOString()).toBe(
      "2026-12-07T15:30:00.000Z",
    );
    expect(localTime("2026-12-07T15:30:00Z", tz)).toBe("10:30");
    expect(localDateTime("2026-12-07", "25:00", tz)).toBeNull();
  });
});

describe("what the front desk may do", () => {
  it("offers the next steps of the lifecycle only", () => {
    expect(nextStatuses("pending")).toEqual(["confirmed", "no_show"]);
    expect(nextStatuses("confirmed")).toEqual(["arrived", "no_show"]);
    expect(nextStatuses("arrived")).toEqual(["completed"]);
    expect(nextStatuses("completed")).toEqual([]);
    expect(nextStatuses("cancelled")).toEqual([]);
  });

  it("moves a dropped appointment to the practitioner of the column it lands in", () => {
    const start = new Date("2026-12-07T15:00:00Z");
    expect(dropTarget(appointment, { start, resourceId: NURSE }, "practitioner")).toEqual({
      ok: true,
      practitionerId: NURSE,
      start: "2026-12-07T15:00:00.000Z",
    });
    // Week view: no column (react-big-calendar says null), same practitioner.
    expect(dropTarget(appointment, { start }, "practitioner")).toMatchObject({
      ok: true,
      practitionerId: SURGEON,
    });
    expect(dropTarget(appointment, { start, resourceId: null }, "practitioner")).toMatchObject({
      ok: true,
      practitionerId: SURGEON,
    });
  });

  it("keeps the room: dropping on another room's column is refused", () => {
    const inLaser = { ...appointment, resourceId: LASER };
    const start = new Date("2026-12-07T15:00:00Z");
    expect(dropTarget(inLaser, { start, resourceId: LASER }, "room")).toMatchObject({
      ok: true,
      practitionerId: SURGEON,
    });
    expect(dropTarget(inLaser, { start, resourceId: "elsewhere" }, "room")).toMatchObject({
      ok: false,
    });
  });
});
