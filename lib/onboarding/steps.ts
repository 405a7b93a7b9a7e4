import type { OnboardingFacts } from "@/lib/db/onboarding";

/** The walk-through's steps, in order; each page section's anchor is its key. */
export const ONBOARDING_STEPS = [
  "details",
  "hours",
  "procedures",
  "practitioners",
  "number",
  "test_call",
] as const;
export type OnboardingStep = (typeof ONBOARDING_STEPS)[number];

export const STEP_TITLES: Record<OnboardingStep, string> = {
  details: "Details and time zone",
  hours: "Opening hours and closures",
  procedures: "Procedures and appointment types",
  practitioners: "Practitioners",
  number: "Phone number",
  test_call: "Test call",
};

export interface StepState {
  step: OnboardingStep;
  title: string;
  done: boolean;
  /** What is missing, in a sentence (shown on the live board's checklist). */
  missing: string;
}

/** The server's abilities that change what "done" means. */
export interface OnboardingEnv {
  /** VAPI_API_KEY is set: the number must be imported into Vapi. */
  vapiConfigured: boolean;
}

/**
 * Each step's state from the clinic's rows. Pure: the checklist and the walk-through share it.
 * Without VAPI_API_KEY (the embedded default, where the simulator plays Vapi) the number step is
 * done once the number is entered; with it, once Vapi holds the number.
 */
export function onboardingSteps(facts: OnboardingFacts, env: OnboardingEnv): StepState[] {
  const marked = new Set<string>(facts.marked);
  const state: Record<OnboardingStep, [boolean, string]> = {
    details: [marked.has("details"), "Confirm the clinic's name, time zone and front desk number."],
    hours: [
      facts.openingIntervals > 0 && marked.has("hours"),
      facts.openingIntervals > 0
        ? "Review the opening hours and closures, then mark them done."
        : "Set the hours the front desk answers.",
    ],
    procedures: [
      facts.procedures > 0 && facts.appointmentTypes > 0,
      "Add the procedures you offer, with their appointment types.",
    ],
    practitioners: [
      facts.readyPractitioners > 0,
      facts.practitioners > 0
        ? "Give a practitioner weekly hours and the appointment types they perform."
        : "Add your practitioners, their hours and what they perform.",
    ],
    number: [
      facts.phoneNumber !== null && (!env.vapiConfigured || facts.vapiNumberSyncedAt !== null),
      facts.phoneNumber === null
        ? "Enter the clinic's Twilio number."
        : "Connect the clinic's number to Vapi.",
    ],
    test_call: [facts.calls > 0, "Make a test call and watch it arrive."],
  };
  return ONBOARDING_STEPS.map((step) => ({
    step,
    title: STEP_TITLES[step],
    done: state[step][0],
    missing: state[step][1],
  }));
}
