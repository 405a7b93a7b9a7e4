import { describe, expect, it } from "vitest";

import {
  appointmentConfirmationText,
  appointmentReminderText,
  appointmentWhen,
  manageLinkText,
  replyConfirmedText,
} from "@/lib/follow-up/messages";
import { appointmentCalendar } from "@/lib/reminders/calendar";
import { replyIntent, RESERVED_WORDS } from "@/lib/reminders/replies";
import { DEFAULT_KEYWORDS, optOutKind } from "@/lib/twilio/opt-out";
import { reminderSettingsSchema } from "@/lib/validations/reminders";

describe("reply commands", () => {
  it('reads "1" and YES as confirm and "2" as a manage link, the whole trimmed text only', () => {
    for (const body of ["1", " 1 ", "1.", "yes", "YES", "Yes!"])
      expect(replyIntent(body, optOutKind(body)), body).toBe("confirm");
    for (const body of ["2", " 2", "2!"])
      expect(replyIntent(body, optOutKind(body))).toBe("manage");
    for (const body of ["", "12", "1 please", "yes please", "two", "3", "Hi, can I move it?"])
      expect(replyIntent(body, optOutKind(body)), body).toBeNull();
  });

  it("never makes a command of Twilio's opt-out words or HELP, in any case, nor of an opt-out Twilio detected", () => {
    for (const word of [...DEFAULT_KEYWORDS.STOP, ...DEFAULT_KEYWORDS.HELP]) {
      expect(replyIntent(word, optOutKind(word)), word).toBeNull();
      expect(replyIntent(word.toLowerCase(), optOutKind(word.toLowerCase()))).toBeNull();
    }
    for (const word of ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"])
      expect(RESERVED_WORDS).toContain(word);
    // Advanced Opt-Out: Twilio says it was an opt-out (e.g. "ARRET"), whatever the body.
    expect(replyIntent("1", "STOP")).toBeNull();
    expect(replyIntent("2", "HELP")).toBeNull();
    // YES is also Twilio's opt-in word: with OptOutType START it still confirms.
    expect(replyIntent("YES", "START")).toBe("confirm");
    expect(replyIntent("START", "START")).toBeNull();
  });
});

describe("appointment texts", () => {
  const newYork = { locale: "en-US", currency: "USD", timezone: "America/New_York" };
  const when = appointmentWhen(new Date("2026-12-03T15:30:00Z"), newYork);

  it("says the time in the clinic's zone and words", () => {
    expect(when).toBe("Thursday, December 3 at 10:30 AM");
    const london = { locale: "en-GB", currency: "GBP", timezone: "Europe/London" };
    expect(appointmentWhen(new Date("2026-12-03T15:30:00Z"), london)).toBe(
      "Thursday 3 December at 3:30 pm",
    );
    // A New York clinic worded the British way still says New York's time.
    expect(appointmentWhen(new Date("2026-12-03T15:30:00Z"), { ...newYork, locale: "en-GB" })).toBe(
      "Thursday 3 December at 10:30 am",
    );
  });

  it("confirms, or says booked and asks for a 1 while pending, or says where it moved, with the calendar link", () => {
    const base = {
      clinicName: "Harbour Aesthetics",
      patientName: "Ana Reyes",
      when,
      practitioner: "Dr Okafor",
      appointment: "Facelift consultation",
      calendarLink: "https://x.test/m/abc/calendar.ics",
    };
    expect(appointmentConfirmationText({ ...base, pending: false })).toBe(
      "Hi Ana, it's Sarah from Harbour Aesthetics. Your appointment (Facelift consultation) is confirmed for Thursday, December 3 at 10:30 AM with Dr Okafor. Add it to your calendar: https://x.test/m/abc/calendar.ics Reply 2 to change or cancel. Reply STOP to opt out.",
    );
    expect(appointmentConfirmationText({ ...base, pending: true })).toContain(
      "is booked for Thursday, December 3 at 10:30 AM with Dr Okafor. Add it to your calendar: https://x.test/m/abc/calendar.ics Reply 1 to confirm or 2 to change or cancel.",
    );
    expect(
      appointmentConfirmationText({
        ...base,
        pending: false,
        movedFrom: "Monday, December 1 at 9:00 AM",
      }),
    ).toContain(
      "has moved from Monday, December 1 at 9:00 AM to Thursday, December 3 at 10:30 AM with Dr Okafor.",
    );
  });

  it("reminds, thanks and links without anything medical beyond the appointment's name", () => {
    const common = { clinicName: "Harbour Aesthetics", patientName: null, when };
    expect(
      appointmentReminderText({ ...common, practitioner: "Dr Okafor", appointment: null }),
    ).toBe(
      "Hi, it's Sarah from Harbour Aesthetics. A reminder of your appointment on Thursday, December 3 at 10:30 AM with Dr Okafor. Reply 1 to confirm or 2 to change or cancel. Reply STOP to opt out.",
    );
    expect(replyConfirmedText(common)).toMatch(
      /is confirmed\. Reply 2 to change or cancel\. Reply STOP to opt out\.$/,
    );
    expect(manageLinkText({ ...common, link: "https://x.test/m/tok" })).toBe(
      "Hi, to change or cancel your appointment at Harbour Aesthetics on Thursday, December 3 at 10:30 AM, open https://x.test/m/tok Reply STOP to opt out.",
    );
  });
});

describe("the add-to-calendar file", () => {
  it("is one event in UTC with the appointment's UID, and nothing about the patient", () => {
    const ics = appointmentCalendar({
      bookingId: "00000000-0000-4000-8000-0000000000b1",
      startsAt: new Date("2026-12-03T15:30:00Z"),
      endsAt: new Date("2026-12-03T16:00:00Z"),
      updatedAt: new Date("2026-11-30T12:00:00Z"),
      clinicName: "Harbour Aesthetics",
      clinicPhone: "+15555550199",
      practitioner: "Dr Okafor",
      appointmentType: "Facelift consultation",
    });
    expect(ics).toMatch(/^BEGIN:VCALENDAR/);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(ics).toContain("UID:00000000-0000-4000-8000-0000000000b1@callwaiting.ai");
    expect(ics).toContain("DTSTART:20261203T153000Z");
    expect(ics).toContain("DTEND:20261203T160000Z");
    expect(ics).toContain("SUMMARY:Facelift consultation at Harbour Aesthetics");
    expect(ics).toContain("BEGIN:VALARM");
  });
});

describe("reminder settings input", () => {
  it("accepts quiet hours across midnight and drops them when turned off", () => {
    const base = { remind24h: true, remind2h: false, quietStart: "21:00", quietEnd: "08:00" };
    expect(reminderSettingsSchema.parse({ ...base, quietHours: true })).toEqual({
      remind24h: true,
      remind2h: false,
      quietStart: "21:00",
      quietEnd: "08:00",
    });
    expect(
      reminderSettingsSchema.parse({ ...base, quietHours: false, quietStart: "nonsense" }),
    ).toMatchObject({ quietStart: null, quietEnd: null });
  });

  it("refuses malformed or equal times, and anything that is not a boolean", () => {
    const base = { remind24h: true, remind2h: true, quietHours: true };
    const issues = (input: unknown) =>
      reminderSettingsSchema.safeParse(input).error?.issues.map((issue) => issue.path[0]);
    expect(issues({ ...base, quietStart: "25:00", quietEnd: "08:00" })).toEqual(["quietStart"]);
    expect(issues({ ...base, quietStart: "21:00", quietEnd: "8am" })).toEqual(["quietEnd"]);
    expect(issues({ ...base, quietStart: "21:00", quietEnd: "21:00" })).toEqual(["quietEnd"]);
    expect(issues({ ...base, remind2h: "yes", quietStart: "21:00", quietEnd: "08:00" })).toEqual([
      "remind2h",
    ]);
  });
});
