import { describe, expect, it } from "vitest";

import {
  appointmentTypeSchema,
  closureSchema,
  configFieldErrors,
  overrideSchema,
  weeklyHoursSchema,
} from "@/lib/validations/diary-config";

const practitionerId = "7c000000-0000-4000-8000-000000000001";
const errorsOf = (result: { success: boolean; error?: Parameters<typeof configFieldErrors>[0] }) =>
  result.success ? {} : configFieldErrors(result.error!);

describe("weekly hours", () => {
  const week = (intervals: { weekday: number; opens: string; closes: string }[]) =>
    errorsOf(weeklyHoursSchema.safeParse({ practitionerId, intervals }));

  it("accepts split days and intervals that touch, on any weekday", () => {
    expect(
      week([
        { weekday: 1, opens: "09:00", closes: "13:00" },
        { weekday: 1, opens: "13:00", closes: "17:00" },
        { weekday: 2, opens: "09:00", closes: "17:00" },
        { weekday: 7, opens: "00:00", closes: "23:59" },
      ]),
    ).toEqual({});
  });

  it("reports each interval's problem under its own index", () => {
    expect(
      week([
        { weekday: 1, opens: "09:00", closes: "13:00" },
        { weekday: 1, opens: "08:00", closes: "09:30" },
        { weekday: 3, opens: "18:00", closes: "18:00" },
        { weekday: 4, opens: "24:00", closes: "25:00" },
      ]),
    ).toEqual({
      "intervals.1": "Overlaps 09:00–13:00 on the same day",
      "intervals.2": "Closing time must be after opening time",
      "intervals.3": "Enter both times as HH:MM",
    });
  });
});

describe("dates and overrides", () => {
  it("refuses dates that do not exist and closures that end before they start", () => {
    expect(
      errorsOf(closureSchema.safeParse({ startsOn: "2027-02-29", endsOn: "2027-03-01" })),
    ).toEqual({
      startsOn: "Enter the first closed day",
    });
    expect(
      errorsOf(closureSchema.safeParse({ startsOn: "2028-02-29", endsOn: "2028-02-29" })),
    ).toEqual({});
    expect(
      errorsOf(closureSchema.safeParse({ startsOn: "2028-03-02", endsOn: "2028-03-01" })),
    ).toEqual({
      endsOn: "The last day cannot be before the first",
    });
  });

  it("takes a whole day off without times, and needs both times otherwise", () => {
    const base = { practitionerId, onDate: "2028-01-10", reason: "Leave" };
    expect(overrideSchema.parse({ ...base, kind: "off", opens: "", closes: "" })).toMatchObject({
      opens: null,
      closes: null,
    });
    expect(
      errorsOf(overrideSchema.safeParse({ ...base, kind: "off", opens: "10:00", closes: "" })),
    ).toEqual({
      closes: "Give both times, or neither for the whole day",
    });
    expect(errorsOf(overrideSchema.safeParse({ ...base, kind: "extra", opens: "10:00" }))).toEqual({
      closes: "Extra hours need an end",
    });
  });
});

describe("appointment types", () => {
  const type = {
    procedureId: practitionerId,
    kind: "treatment",
    name: " HydraFacial ",
    durationMinutes: "45",
    resourceId: "",
    practitionerIds: [practitionerId, practitionerId],
    confirmation: "staff",
  };

  it("normalises what forms send", () => {
    expect(appointmentTypeSchema.parse(type)).toMatchObject({
      name: "HydraFacial",
      durationMinutes: 45,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      resourceId: null,
      practitionerIds: [practitionerId],
      requiresConsultation: false,
      active: true,
    });
  });

  it("keeps durations and buffers in range", () => {
    expect(
      errorsOf(
        appointmentTypeSchema.safeParse({
          ...type,
          durationMinutes: "4",
          bufferBeforeMinutes: "241",
          bufferAfterMinutes: "2.5",
        }),
      ),
    ).toEqual({
      durationMinutes: "At least 5 minutes",
      bufferBeforeMinutes: "At most 240 minutes",
      bufferAfterMinutes: "Use whole minutes",
    });
  });
});
