import { describe, expect, it } from "vitest";
import { z } from "zod";

import { bookingActionSchema } from "@/lib/validations/booking";
import { plainError } from "@/lib/validations/plain-errors";

// Form errors are sentences, never validator output (issue 20): what zod would say for an
// issue without its own message is put in words by plainError, the error map every form's
// parse uses (lib/actions/safe-action.ts, sign-in, the manage link, diary setup, replies).
const messages = (schema: z.ZodType, input: unknown) =>
  schema.safeParse(input, { error: plainError }).error!.issues.map((issue) => issue.message);

function expectSentence(message: string) {
  expect(message).toMatch(/^[A-Z].*[.]$/);
  expect(message).not.toMatch(/expected|received|invalid input|>=|<=|nan|undefined|regex|uuid/i);
}

const form = z.object({
  patientName: z.string().min(2),
  notes: z.string().max(10),
  minNoticeMinutes: z.number().int().min(0).max(60),
  email: z.email(),
  website: z.url(),
  appointmentTypeId: z.uuid(),
  status: z.enum(["pending", "confirmed"]),
  days: z.array(z.number()).min(1),
  startsAt: z.iso.time(),
  anything: z.string().regex(/^a+$/),
});

describe("zod's issues in words", () => {
  it.each([
    ["everything missing", {}],
    [
      "everything wrong",
      {
        patientName: "A",
        notes: "far too long for this",
        minNoticeMinutes: 99.5,
        email: "nope",
        website: "nope",
        appointmentTypeId: "nope",
        status: "maybe",
        days: [],
        startsAt: "noon",
        anything: "b",
      },
    ],
    ["wrong types", { patientName: 3, minNoticeMinutes: "ten", days: "monday" }],
  ])("answers %s with sentences", (_, input) => {
    const all = messages(form, input);
    expect(all.length).toBeGreaterThan(3);
    for (const message of all) expectSentence(message);
  });

  it("names the field in everyday words", () => {
    expect(messages(form.pick({ patientName: true }), { patientName: "A" })).toEqual([
      "The patient name needs at least 2 characters.",
    ]);
    expect(messages(form.pick({ minNoticeMinutes: true }), {})).toEqual([
      "Please fill in the min notice minutes.",
    ]);
  });

  it("leaves a schema's own message alone", () => {
    expect(
      messages(bookingActionSchema, {
        action: "cancel",
        bookingId: "7f1c4c9e-4a5b-4c37-9a44-0c5d2b1e3f10",
        reason: "",
      }),
    ).toEqual(["Say why the booking is cancelled."]);
  });

  it("puts a stale or forged id in words", () => {
    for (const message of messages(bookingActionSchema, { action: "confirm", bookingId: "x" }))
      expectSentence(message);
  });
});
