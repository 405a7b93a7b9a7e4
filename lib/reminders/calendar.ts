import { createEvent } from "ics";

/**
 * The add-to-calendar file (.ics) for one appointment. Its UID is the appointment's, so a
 * calendar that imports the file again after a move updates the event rather than adding one.
 * Times are written in UTC; the patient's calendar shows them in its own zone.
 */
export function appointmentCalendar(input: {
  bookingId: string;
  startsAt: Date;
  endsAt: Date;
  updatedAt: Date;
  clinicName: string;
  /** The clinic's number (its front desk's while it has none); null leaves the line out. */
  clinicPhone: string | null;
  practitioner: string | null;
  appointmentType: string | null;
  /** Where the patient can change it (their manage link), if they have one. */
  manageUrl?: string | null;
}): string {
  const what = input.appointmentType ?? "Appointment";
  const lines = [
    input.practitioner ? `With ${input.practitioner}.` : null,
    input.clinicPhone
      ? `To change or cancel, reply 2 to our text or call ${input.clinicPhone}.`
      : "To change or cancel, reply 2 to our text.",
  ].filter(Boolean);
  const { error, value } = createEvent({
    productId: "callwaiting-ai/reminders",
    uid: `${input.bookingId}@callwaiting.ai`,
    start: input.startsAt.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    end: input.endsAt.getTime(),
    endInputType: "utc",
    endOutputType: "utc",
    title: `${what} at ${input.clinicName}`,
    description: lines.join(" "),
    location: input.clinicName,
    status: "CONFIRMED",
    busyStatus: "BUSY",
    lastModified: input.updatedAt.getTime(),
    ...(input.manageUrl ? { url: input.manageUrl } : {}),
    alarms: [
      {
        action: "display",
        description: `${what} at ${input.clinicName}`,
        trigger: { hours: 2, before: true },
      },
    ],
  });
  if (error || !value) throw error ?? new Error("Could not build the calendar file.");
  return value;
}
