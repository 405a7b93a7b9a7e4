import { describe, expect, it } from "vitest";

import {
  blockTimeSchema,
  bookAppointmentSchema,
  cancelAppointmentSchema,
  diaryRangeSchema,
  setAppointmentStatusSchema,
} from "@/lib/validations/diary";

const TYPE = "11111111-1111-4111-8111-111111111111";
const PRACTITIONER = "22222222-2222-4222-8222-222222222222";
const base = {
  typeId: TYPE,
  practitionerId: PRACTITIONER,
  start: "2026-12-07T10:30:00.000Z",
  patientName: "  Ada Lovelace ",
  patientPhone: "",
};

describe("the diary's receptionist input", () => {
  it("books with a trimmed name and a phone kept as digits with its +", () => {
    const parsed = bookAppointmentSchema.parse({ ...base, patientPhone: "+44 (20) 7946-0018" });
    expect(parsed).toMatchObject({ patientName: "Ada Lovelace", patientPhone: "+442079460018" });
    expect(bookAppointmentSchema.parse(base).patientPhone).toBeNull();
  });

  it("refuses a phone that is not one, a missing name, type or time", () => {
    const issues = (input: object) =>
      bookAppointmentSchema.safeParse(input).error?.issues.map((i) => [i.path[0], i.message]);
    expect(issues({ ...base, patientPhone: "call me" })).toEqual([
      ["patientPhone", "Enter a phone number like +1 212 555 0100"],
    ]);
    expect(issues({ ...base, patientPhone: "12345" })?.[0]?.[0]).toBe("patientPhone");
    expect(issues({ ...base, patientName: " " })?.[0]).toEqual([
      "patientName",
      "Enter the patient's name",
    ]);
    expect(issues({ ...base, typeId: "" })?.[0]).toEqual(["typeId", "Choose an appointment type"]);
    expect(issues({ ...base, start: "tomorrow" })?.[0]?.[0]).toBe("start");
  });

  it("needs a reason to cancel, and only sets the statuses staff may set", () => {
    const bookingId = TYPE;
    expect(cancelAppointmentSchema.safeParse({ bookingId, reason: " " }).success).toBe(false);
    expect(cancelAppointmentSchema.parse({ bookingId, reason: " Unwell " }).reason).toBe("Unwell");
    expect(setAppointmentStatusSchema.safeParse({ bookingId, status: "arrived" }).success).toBe(
      true,
    );
    expect(setAppointmentStatusSchema.safeParse({ bookingId, status: "cancelled" }).success).toBe(
      false,
    );
    expect(setAppointmentStatusSchema.safeParse({ bookingId, status: "pending" }).success).toBe(
      false,
    );
  });

  it("blocks a practitioner or a room, ending after it starts", () => {
    const block = {
      practitionerId: PRACTITIONER,
      resourceId: null,
      start: "2026-12-07T10:00:00Z",
      end: "2026-12-07T11:00:00Z",
      reason: "Team meeting",
    };
    expect(blockTimeSchema.safeParse(block).success).toBe(true);
    expect(
      blockTimeSchema.safeParse({ ...block, practitionerId: null }).error?.issues[0],
    ).toMatchObject({ path: ["practitionerId"], message: "Choose a practitioner or a room" });
    expect(
      blockTimeSchema.safeParse({ ...block, end: "2026-12-07T09:00:00Z" }).error?.issues[0],
    ).toMatchObject({ path: ["end"], message: "The end must be after the start" });
  });

  it("reads at most six weeks of diary, forwards", () => {
    const from = "2026-12-07T00:00:00Z";
    expect(diaryRangeSchema.safeParse({ from, to: "2026-12-14T00:00:00Z" }).success).toBe(true);
    expect(diaryRangeSchema.safeParse({ from, to: from }).success).toBe(false);
    expect(diaryRangeSchema.safeParse({ from, to: "2027-03-01T00:00:00Z" }).success).toBe(false);
  });
});
