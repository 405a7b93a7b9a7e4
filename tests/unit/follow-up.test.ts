import { describe, expect, it } from "vitest";

import type { Handoff } from "@/types/handoff";
import {
  aftercareText,
  bookingConfirmationText,
  cancellationText,
  cutOffText,
  inSentence,
  missedCallText,
  retryDelayMs,
  urgentAlertText,
} from "@/lib/follow-up/messages";
import { planFollowUps } from "@/lib/follow-up/plan";

const handoff = (overrides: Partial<Handoff> = {}): Handoff => ({
  handoffId: "00000000-0000-4000-8000-000000000001",
  clinicId: "00000000-0000-4000-8000-000000000002",
  callId: "00000000-0000-4000-8000-000000000003",
  clinicName: "Harbour Aesthetics",
  callerNumber: "+15550102030",
  callerName: null,
  procedures: [
    {
      id: "00000000-0000-4000-8000-0000000000a1",
      name: "Facelift",
      aftercareDocumentId: "00000000-0000-4000-8000-0000000000d1",
    },
    { id: "00000000-0000-4000-8000-0000000000a2", name: "Botox", aftercareDocumentId: null },
  ],
  booked: false,
  bookingId: null,
  releasedSlotIds: [],
  questions: [],
  summary: "",
  consentToText: true,
  finalState: "ended",
  droppedDuringBooking: false,
  endedAt: "2026-11-22T10:00:00.000Z",
  updatedAt: "2026-11-22T10:00:01.000Z",
  ...overrides,
});

describe("what the follow-up agent owes", () => {
  it("one aftercare text per procedure of interest, with a reason where there is no PDF", () => {
    expect(planFollowUps(handoff())).toEqual([
      { kind: "aftercare", procedureId: "00000000-0000-4000-8000-0000000000a1", skipReason: null },
      {
        kind: "aftercare",
        procedureId: "00000000-0000-4000-8000-0000000000a2",
        skipReason: "No aftercare document for Botox.",
      },
    ]);
  });
  it("nothing after a booking, or without a number", () => {
    expect(planFollowUps(handoff({ booked: true }))).toEqual([]);
    expect(planFollowUps(handoff({ callerNumber: null }))).toEqual([]);
  });
  it("a 'we got cut off' text when the call dropped mid-booking", () => {
    expect(planFollowUps(handoff({ droppedDuringBooking: true }))).toEqual([
      { kind: "cut_off", procedureId: null, skipReason: null },
    ]);
  });
  it("a missed-call text when the call was never answered or failed before anything was done", () => {
    for (const finalState of ["abandoned", "failed"])
      expect(planFollowUps(handoff({ finalState, procedures: [] }))).toEqual([
        { kind: "missed_call", procedureId: null, skipReason: null },
      ]);
    // A conversation that ended normally, or one about a procedure, is not a missed call.
    expect(planFollowUps(handoff({ finalState: "ended", procedures: [] }))).toEqual([]);
    expect(planFollowUps(handoff({ finalState: "abandoned" })).map((item) => item.kind)).toEqual([
      "aftercare",
      "aftercare",
    ]);
    expect(
      planFollowUps(handoff({ finalState: "abandoned", procedures: [], consentToText: false })),
    ).toEqual([
      { kind: "missed_call", procedureId: null, skipReason: "The caller has opted out of texts." },
    ]);
  });
  it("never a text to someone who opted out", () => {
    expect(
      planFollowUps(handoff({ consentToText: false })).every(
        (item) => item.skipReason === "The caller has opted out of texts.",
      ),
    ).toBe(true);
  });
});

describe("the texts", () => {
  it("offer a call back after a missed call, and tell staff about an urgent call without the caller's words", () => {
    expect(
      missedCallText({
        clinicName: "Harbour Aesthetics",
        callerName: null,
        clinicPhone: "+15555550199",
      }),
    ).toBe(
      "Hi, it's Sarah from Harbour Aesthetics. Sorry we missed your call just now. Reply to this text and we'll call you back, or call us on +15555550199. Reply STOP to opt out.",
    );
    expect(
      urgentAlertText({
        clinicName: "Harbour Aesthetics",
        emergency: false,
        signs: ["bleeding", "fever"],
        callerLast4: "0147",
      }),
    ).toBe(
      "Harbour Aesthetics: URGENT post-op concern from a caller ending 0147: bleeding, fever. See the urgent call-back in the dashboard.",
    );
  });
  it("are warm, in the clinic's name, say who is texting, and end with the opt-out", () => {
    const text = aftercareText({
      clinicName: "Harbour Aesthetics",
      callerName: "Jane Doe",
      procedure: "Facelift",
      link: "https://x.test/a/abc",
    });
    expect(text).toBe(
      "Hi Jane, it's Sarah from Harbour Aesthetics. Thanks for asking about our facelift consultation. Here is our Facelift aftercare guide: https://x.test/a/abc Reply STOP to opt out.",
    );
    expect(
      cutOffText({
        clinicName: "Harbour Aesthetics",
        callerName: null,
        clinicPhone: "+15555550199",
      }),
    ).toMatch(/^Hi, it's Sarah .* cut off .* Reply STOP to opt out\.$/);
    expect(
      bookingConfirmationText({
        clinicName: "H",
        callerName: "Ann",
        when: "Monday, November 23 at 9:00 AM",
        practitioner: "Dr Amara Okafor",
      }),
    ).toMatch(/confirmed for Monday/);
    for (const sms of [text]) expect(sms.length).toBeLessThanOrEqual(320);
  });
  it("back off between retries", () => {
    expect([1, 2, 3, 4, 9].map(retryDelayMs)).toEqual([10_000, 20_000, 40_000, 60_000, 60_000]);
  });
});

describe("the cancellation text and procedure names in a sentence", () => {
  it("lower-cases ordinary names and keeps brand-like ones", () => {
    expect(inSentence("Facelift")).toBe("facelift");
    expect(inSentence("Anti-wrinkle injections")).toBe("anti-wrinkle injections");
    expect(inSentence("HydraFacial")).toBe("HydraFacial");
    expect(inSentence("CO2 laser resurfacing")).toBe("CO2 laser resurfacing");
  });

  it("says what was cancelled, when, with whom and how to book again; never why", () => {
    expect(
      cancellationText({
        clinicName: "Harbour Aesthetics",
        patientName: "Ana Reyes",
        when: "Thursday, December 3 at 10:30 AM",
        practitioner: "Dr Okafor",
        appointment: "Facelift consultation",
        clinicPhone: "+15555550199",
      }),
    ).toBe(
      "Hi Ana, it's Sarah from Harbour Aesthetics. We're sorry, we have had to cancel your facelift consultation on Thursday, December 3 at 10:30 AM with Dr Okafor. To book another time, call us on +15555550199 or reply to this text. Reply STOP to opt out.",
    );
    expect(
      cancellationText({
        clinicName: "Harbour Aesthetics",
        patientName: null,
        when: "Thursday, December 3 at 10:30 AM",
        practitioner: null,
        appointment: null,
        clinicPhone: "+15555550199",
      }),
    ).toMatch(/^Hi, it's Sarah .* cancel your appointment on Thursday, December 3 at 10:30 AM\. /);
  });
});
