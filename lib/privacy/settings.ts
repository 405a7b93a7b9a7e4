// A clinic's privacy settings (issue 16, docs/data-flow.md): what its Vapi assistant may keep,
// what Voxanne says first, and how long each kind of data is kept. Pure: used by the assistant
// builder, the form's validation and the page. Defaults mirror the columns of
// supabase/migrations/20261201000800_privacy.sql (a test compares them).

import {
  RETENTION_KINDS,
  type PrivacySettings,
  type RetentionDays,
  type RetentionKind,
} from "@/types/privacy";

export { RETENTION_KINDS, type PrivacySettings, type RetentionDays, type RetentionKind };

/**
 * Each retention window: its default, the shortest and longest a clinic may choose, and why the
 * floor is where it is. None of these is the clinic's medical record: appointments and patients
 * are never purged, nor are the audit trail and the STOP list.
 */
export const RETENTION: Record<
  RetentionKind,
  { label: string; what: string; defaultDays: number; min: number; max: number; floor: string }
> = {
  transcriptDays: {
    label: "Call transcripts",
    what: "Redacted transcript lines of each call.",
    defaultDays: 365,
    min: 30,
    max: 3650,
    floor:
      "At least 30 days, so staff can review recent calls and answer a complaint about one. Already redacted; keep them no longer than your policy needs.",
  },
  callEventDays: {
    label: "Call events",
    what: "Each call's state changes, tool-call metadata and speech timings.",
    defaultDays: 365,
    min: 30,
    max: 3650,
    floor:
      "At least 30 days: the call's timeline on its page and the latency figures for the month are built from them.",
  },
  handoffDays: {
    label: "Hand-offs",
    what: "What the follow-up agent remembers of a call (caller, procedures, questions, summary) and its finished follow-up texts.",
    defaultDays: 90,
    min: 30,
    max: 3650,
    floor:
      "At least 30 days, so follow-ups and call-backs still due can finish. A hand-off with a text still waiting to go is never purged.",
  },
  smsDays: {
    label: "Text messages",
    what: "SMS bodies in the inbox and the delivery records of finished appointment texts.",
    defaultDays: 365,
    min: 30,
    max: 3650,
    floor:
      "At least 30 days, so replies (1, 2) and delivery questions can be traced. Opt-outs (STOP) are kept for as long as the number is blocked, whatever this says: a number that replied STOP must never be texted again.",
  },
  webhookDays: {
    label: "Webhook receipts",
    what: "Dedupe keys of Vapi and Twilio messages and the stored replies to tool calls.",
    defaultDays: 30,
    min: 7,
    max: 365,
    floor:
      "At least 7 days, so a message Vapi or Twilio delivers again is recognised and not acted on twice.",
  },
};

export const DEFAULT_RETENTION: RetentionDays = {
  transcriptDays: RETENTION.transcriptDays.defaultDays,
  callEventDays: RETENTION.callEventDays.defaultDays,
  handoffDays: RETENTION.handoffDays.defaultDays,
  smsDays: RETENTION.smsDays.defaultDays,
  webhookDays: RETENTION.webhookDays.defaultDays,
};

export const DEFAULT_PRIVACY: PrivacySettings = {
  hipaaEnabled: true,
  recordingEnabled: false,
  greeting: null,
  retention: DEFAULT_RETENTION,
};

export const GREETING_MAX = 400;

/** Where the clinic's name goes in a greeting an admin writes: replaced when the assistant is built. */
export const CLINIC_PLACEHOLDER = "{clinic}";

/** The standard first message: Voxanne, the clinic's AI assistant, and the recording when there is one. */
export function standardGreeting(clinicName: string, recordingEnabled: boolean): string {
  return recordingEnabled
    ? `Thank you for calling ${clinicName}. This is Voxanne, the clinic's AI assistant. This call is recorded. How can I help you today?`
    : `Thank you for calling ${clinicName}. This is Voxanne, the clinic's AI assistant. How can I help you today?`;
}

/** The greeting with the clinic's name in place of {clinic}. */
export function fillGreeting(greeting: string, clinicName: string): string {
  return greeting.split(CLINIC_PLACEHOLDER).join(clinicName);
}

const AI = /\b(AI|A\.I\.|artificial intelligence)\b/;
const RECORDED = /\brecord(ed|ing)?\b/i;

/**
 * What a first message is missing of the required disclosure: that it is Voxanne, that Voxanne
 * is an AI assistant, whose assistant (the clinic's name) and, when calls are recorded, that
 * this one is. Empty when it says all of it.
 */
export function missingDisclosure(
  firstMessage: string,
  { clinicName, recordingEnabled }: { clinicName: string; recordingEnabled: boolean },
): string[] {
  const missing: string[] = [];
  if (!/\bVoxanne\b/i.test(firstMessage)) missing.push("the name Voxanne");
  if (!AI.test(firstMessage)) missing.push('that Voxanne is an AI assistant (say "AI")');
  if (!firstMessage.toLowerCase().includes(clinicName.toLowerCase()))
    missing.push(`the clinic's name (${clinicName}, or ${CLINIC_PLACEHOLDER})`);
  if (recordingEnabled && !RECORDED.test(firstMessage)) missing.push("that the call is recorded");
  return missing;
}

/**
 * The first message the assistant speaks: the clinic's wording when it carries the whole
 * disclosure for the current settings, else the standard one (a clinic renamed, or recording
 * turned on by some other path, never yields a greeting without it).
 */
export function firstMessageFor(clinicName: string, privacy: PrivacySettings): string {
  if (privacy.greeting) {
    const filled = fillGreeting(privacy.greeting, clinicName);
    if (
      missingDisclosure(filled, { clinicName, recordingEnabled: privacy.recordingEnabled })
        .length === 0
    )
      return filled;
  }
  return standardGreeting(clinicName, privacy.recordingEnabled);
}
