import { formatAppointmentTime, formatPhone, type ClinicFormat } from "@/lib/format";

/** The texts Sarah sends: short, warm, in the clinic's name, nothing medical beyond the procedure's name. */

const firstName = (name: string | null) => name?.trim().split(/\s+/)[0] ?? null;
const greeting = (name: string | null) => `Hi${firstName(name) ? ` ${firstName(name)}` : ""}`;
const STOP = "Reply STOP to opt out.";

/**
 * A procedure's name inside a sentence: "Facelift" reads "facelift", "Anti-wrinkle injections"
 * "anti-wrinkle injections"; names with capitals inside ("HydraFacial", "CO2 laser") are kept.
 */
export function inSentence(name: string): string {
  const first = name.split(/\s+/)[0] ?? "";
  return /^[A-Z][a-z-]*$/.test(first) && !/[A-Z]/.test(name.slice(1))
    ? name.charAt(0).toLowerCase() + name.slice(1)
    : name;
}

export function aftercareText(input: {
  clinicName: string;
  callerName: string | null;
  procedure: string;
  link: string;
}): string {
  return `${greeting(input.callerName)}, it's Sarah from ${input.clinicName}. Thanks for asking about our ${inSentence(input.procedure)} consultation. Here is our ${input.procedure} aftercare guide: ${input.link} ${STOP}`;
}

export function cutOffText(input: {
  clinicName: string;
  callerName: string | null;
  clinicPhone: string;
}): string {
  return `${greeting(input.callerName)}, it's Sarah from ${input.clinicName}. Sorry, we got cut off while booking. We'll call you back shortly, or call us on ${input.clinicPhone}. ${STOP}`;
}

/** A call that ended before anything was done: sorry, and how to get a call back. */
export function missedCallText(input: {
  clinicName: string;
  callerName: string | null;
  clinicPhone: string;
}): string {
  return `${greeting(input.callerName)}, it's Sarah from ${input.clinicName}. Sorry we missed your call just now. Reply to this text and we'll call you back, or call us on ${input.clinicPhone}. ${STOP}`;
}

/**
 * To staff (the on-call clinician or the front desk) about an urgent call: the signs as
 * categories and the caller's last four digits, never what they said. The call-back task on
 * the dashboard has the rest.
 */
export function urgentAlertText(input: {
  clinicName: string;
  emergency: boolean;
  signs: string[];
  callerLast4: string | null;
}): string {
  const who = input.callerLast4 ? `a caller ending ${input.callerLast4}` : "a caller";
  const signs = input.signs.length ? input.signs.join(", ") : "an urgent concern";
  const what = input.emergency
    ? "EMERGENCY signs (told to call emergency services)"
    : "URGENT post-op concern";
  return `${input.clinicName}: ${what} from ${who}: ${signs}. See the urgent call-back in the dashboard.`;
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

// Appointment texts (lib/reminders): confirmations, reminders and answers to "1" / "2" replies.
// Never a STOP-family word as a command: patients reply 1 or 2 (YES also confirms).

const REPLY_PROMPT = "Reply 1 to confirm or 2 to change or cancel.";
const appointmentWords = (appointment: string | null | undefined) =>
  appointment ? `appointment (${appointment})` : "appointment";

export function appointmentConfirmationText(input: {
  clinicName: string;
  patientName: string | null;
  when: string;
  practitioner: string | null;
  appointment?: string | null;
  /** Still awaiting confirmation (made by the assistant, the type needs the clinic's or the patient's yes). */
  pending: boolean;
  /** The time it moved from, when it was moved. */
  movedFrom?: string | null;
  calendarLink: string;
}): string {
  const who = input.practitioner ? ` with ${input.practitioner}` : "";
  const what = appointmentWords(input.appointment);
  const news = input.movedFrom
    ? `Your ${what} has moved from ${input.movedFrom} to ${input.when}${who}.`
    : input.pending
      ? `Your ${what} is booked for ${input.when}${who}.`
      : `Your ${what} is confirmed for ${input.when}${who}.`;
  const prompt = input.pending ? ` ${REPLY_PROMPT}` : " Reply 2 to change or cancel.";
  return `${greeting(input.patientName)}, it's Sarah from ${input.clinicName}. ${news} Add it to your calendar: ${input.calendarLink}${prompt} ${STOP}`;
}

export function appointmentReminderText(input: {
  clinicName: string;
  patientName: string | null;
  when: string;
  practitioner: string | null;
  appointment?: string | null;
}): string {
  const who = input.practitioner ? ` with ${input.practitioner}` : "";
  return `${greeting(input.patientName)}, it's Sarah from ${input.clinicName}. A reminder of your ${appointmentWords(input.appointment)} on ${input.when}${who}. ${REPLY_PROMPT} ${STOP}`;
}

export function replyConfirmedText(input: {
  clinicName: string;
  patientName: string | null;
  when: string;
}): string {
  return `${greeting(input.patientName)}, thank you: your appointment at ${input.clinicName} on ${input.when} is confirmed. Reply 2 to change or cancel. ${STOP}`;
}

export function manageLinkText(input: {
  clinicName: string;
  patientName: string | null;
  when: string;
  link: string;
}): string {
  return `${greeting(input.patientName)}, to change or cancel your appointment at ${input.clinicName} on ${input.when}, open ${input.link} ${STOP}`;
}

/**
 * An earlier time for a patient on the waitlist: what, when and with whom, and that the first to
 * take it on the link gets it.
 */
export function waitlistOfferText(input: {
  clinicName: string;
  patientName: string | null;
  appointment: string | null;
  when: string;
  practitioner: string | null;
  link: string;
}): string {
  const what = input.appointment ? ` for your ${input.appointment}` : "";
  const who = input.practitioner ? ` with ${input.practitioner}` : "";
  return `${greeting(input.patientName)}, an earlier time has come up at ${input.clinicName}${what}: ${input.when}${who}. It goes to the first to take it: ${input.link} ${STOP}`;
}

/**
 * A manage link asked for on a call by someone who was not recognised, texted to the number on
 * file: the link only, no name, time or practitioner.
 */
export function callManageLinkText(input: { clinicName: string; link: string }): string {
  return `${input.clinicName}: here is the link you asked for to see, move or cancel your appointment: ${input.link} ${STOP}`;
}

/**
 * Staff cancelled the appointment: what, when and with whom, and how to book again. The reason
 * staff gave stays on the booking for the clinic; it is not sent.
 */
export function cancellationText(input: {
  clinicName: string;
  patientName: string | null;
  when: string;
  practitioner: string | null;
  appointment?: string | null;
  clinicPhone: string;
}): string {
  const what = input.appointment ? inSentence(input.appointment) : "appointment";
  const who = input.practitioner ? ` with ${input.practitioner}` : "";
  return `${greeting(input.patientName)}, it's Sarah from ${input.clinicName}. We're sorry, we have had to cancel your ${what} on ${input.when}${who}. To book another time, call us on ${input.clinicPhone} or reply to this text. ${STOP}`;
}

/**
 * An appointment's time as the texts say it, in the clinic's zone and words (lib/format):
 * "Tuesday 1 December at 10:30 am" in London, "Tuesday, December 1 at 10:30 AM" in New York.
 */
export function appointmentWhen(at: Date, clinic: ClinicFormat): string {
  return formatAppointmentTime(at, clinic);
}

/**
 * The clinic's number as texts write it: national format for the clinic's own country
 * ("020 7946 0018"), international for another's (lib/format's formatPhone).
 */
export function textPhone(number: string, clinic: ClinicFormat): string {
  return formatPhone(number, clinic);
}
