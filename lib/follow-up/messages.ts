/** The texts Sarah sends: short, warm, in the clinic's name, nothing medical beyond the procedure's name. */

const firstName = (name: string | null) => name?.trim().split(/\s+/)[0] ?? null;
const greeting = (name: string | null) => `Hi${firstName(name) ? ` ${firstName(name)}` : ""}`;
const STOP = "Reply STOP to opt out.";

export function aftercareText(input: {
  clinicName: string;
  callerName: string | null;
  procedure: string;
  link: string;
}): string {
  return `${greeting(input.callerName)}, it's Sarah from ${input.clinicName}. Thanks for asking about ${input.procedure.toLowerCase()}. Here is our ${input.procedure} aftercare guide: ${input.link} ${STOP}`;
}

export function cutOffText(input: {
  clinicName: string;
  callerName: string | null;
  clinicPhone: string;
}): string {
  return `${greeting(input.callerName)}, it's Sarah from ${input.clinicName}. Sorry, we got cut off while booking. We'll call you back shortly, or call us on ${input.clinicPhone}. ${STOP}`;
}

export function bookingConfirmationText(input: {
  clinicName: string;
  callerName: string | null;
  when: string;
  practitioner: string;
  /** The appointment type's name, e.g. "Anti-wrinkle injections"; "appointment" when unknown. */
  appointment?: string | null;
}): string {
  const what = input.appointment ? `appointment (${input.appointment})` : "appointment";
  return `${greeting(input.callerName)}, it's Sarah from ${input.clinicName}. Your ${what} is confirmed for ${input.when} with ${input.practitioner}. ${STOP}`;
}

/** Retry delays after a failed send; a retry is only scheduled if it still fits before the deadline. */
export function retryDelayMs(attempt: number): number {
  return [10_000, 20_000, 40_000, 60_000, 60_000][Math.min(attempt - 1, 4)] ?? 60_000;
}
