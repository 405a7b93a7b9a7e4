import { describe, expect, it } from "vitest";

import type { OnboardingFacts } from "@/lib/db/onboarding";
import { STARTER_PROCEDURES } from "@/lib/onboarding/starter";
import { onboardingSteps } from "@/lib/onboarding/steps";
import {
  clinicDetailsSchema,
  isTimeZone,
  normalisePhone,
  signUpSchema,
} from "@/lib/validations/onboarding";

const empty: OnboardingFacts = {
  name: "New Clinic",
  timezone: "Europe/London",
  locale: "en-GB",
  currency: "GBP",
  frontDeskNumber: "+442079460018",
  phoneNumber: null,
  vapiPhoneNumberId: null,
  vapiNumberSyncedAt: null,
  vapiNumberError: null,
  vapiAssistantId: null,
  openingIntervals: 0,
  closures: 0,
  procedures: 0,
  appointmentTypes: 0,
  readyPractitioners: 0,
  practitioners: 0,
  calls: 0,
  lastCall: null,
  marked: [],
};
const doneOf = (facts: OnboardingFacts, vapiConfigured = true) =>
  Object.fromEntries(onboardingSteps(facts, { vapiConfigured }).map((s) => [s.step, s.done]));

describe("onboardingSteps", () => {
  it("has nothing done for a clinic with no rows", () => {
    expect(Object.values(doneOf(empty)).some(Boolean)).toBe(false);
  });

  it("needs opening hours and the admin's say-so for the hours step", () => {
    expect(doneOf({ ...empty, marked: ["hours"] }).hours).toBe(false);
    expect(doneOf({ ...empty, openingIntervals: 5 }).hours).toBe(false);
    expect(doneOf({ ...empty, openingIntervals: 5, marked: ["hours"] }).hours).toBe(true);
  });

  it("counts only practitioners with hours and appointment types", () => {
    expect(doneOf({ ...empty, practitioners: 2 }).practitioners).toBe(false);
    expect(doneOf({ ...empty, practitioners: 2, readyPractitioners: 1 }).practitioners).toBe(true);
  });

  it("needs the number in Vapi when the server talks to Vapi, the number alone when not", () => {
    const withNumber = { ...empty, phoneNumber: "+15575550100" };
    expect(doneOf(withNumber, true).number).toBe(false);
    expect(doneOf(withNumber, false).number).toBe(true);
    expect(doneOf({ ...withNumber, vapiNumberSyncedAt: new Date() }, true).number).toBe(true);
  });

  it("says what is missing in a sentence", () => {
    const steps = onboardingSteps(empty, { vapiConfigured: true });
    for (const step of steps) expect(step.missing).toMatch(/^[A-Z].+\.$/);
  });
});

describe("onboarding input", () => {
  it("normalises phone numbers to E.164 and refuses anything else", () => {
    expect(normalisePhone("+44 (20) 7946-0018")).toBe("+442079460018");
    expect(normalisePhone("020 7946 0018")).toBeNull();
    expect(normalisePhone("+44 20 7946 0018 x2")).toBeNull();
    expect(normalisePhone("+0123456789")).toBeNull();
  });

  it("knows IANA time zones", () => {
    expect(isTimeZone("Europe/London")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Europe/Atlantis")).toBe(false);
  });

  it("refuses weak passwords with a reason", () => {
    const base = { name: "A", email: "owner@clinic.test", confirm: "" };
    const problem = (password: string) => {
      const parsed = signUpSchema.safeParse({ ...base, password, confirm: password });
      return parsed.success ? null : parsed.error.issues[0]!.message;
    };
    expect(problem("short")).toMatch(/at least 10/);
    expect(problem("zzzzzzzzzzzz")).toMatch(/too easy/);
    expect(problem("owner-is-me-123")).toMatch(/too easy/);
    expect(problem("a sound passphrase")).toBeNull();
  });

  it("checks a clinic's details", () => {
    expect(
      clinicDetailsSchema.safeParse({
        name: "Clinic",
        timezone: "Asia/Tokyo",
        frontDeskNumber: "+81 3 1234 5678",
      }).data,
    ).toEqual({ name: "Clinic", timezone: "Asia/Tokyo", frontDeskNumber: "+81312345678" });
  });

  it("offers a starter list with unique keys and names, each with something to book", () => {
    const keys = STARTER_PROCEDURES.map((item) => item.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const item of STARTER_PROCEDURES)
      expect(item.consultationMinutes + item.main.minutes).toBeGreaterThan(0);
    expect(STARTER_PROCEDURES.filter((item) => item.main.kind === "surgery")).toHaveLength(4);
  });
});
