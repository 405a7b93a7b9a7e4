import "server-only";

import { getEnv } from "@/lib/env";
import { SmsError, type RecentSms, type SentSms, type SmsSender } from "@/types/sms";
import { findManageLink } from "@/lib/db/appointment-changes";
import { createManageLink } from "@/lib/db/manage-links";
import {
  claimDueAppointmentTexts,
  markAppointmentText,
  recordAppointmentSms,
  renewAppointmentTextClaim,
  skipAppointmentTextsTo,
  type ClaimedAppointmentText,
} from "@/lib/db/reminders";
import { recordOptOut } from "@/lib/db/sms-opt-outs";
import { withService } from "@/lib/db/transaction";
import { offerOpening } from "@/lib/db/waitlist";
import {
  appointmentConfirmationText,
  appointmentReminderText,
  appointmentWhen,
  callManageLinkText,
  cancellationText,
  manageLinkText,
  replyConfirmedText,
  retryDelayMs,
  textPhone,
  waitlistOfferText,
} from "@/lib/follow-up/messages";
import { getSmsSender } from "@/lib/sms";

export interface ReminderReport {
  sent: number;
  retried: number;
  failed: number;
  skipped: number;
  withdrawn: number;
  /** Claims that expired before their turn in this pass and were taken by another worker. */
  takenOver: number;
}

type Outcome = keyof ReminderReport;

const OPTED_OUT = "The patient has opted out of texts.";
const LINK = "\u0000";
const LIVE = new Set(["pending", "confirmed"]);
/** How long a waitlist offer can be taken on the manage page (never after the time starts). */
const WAITLIST_OFFER_MINUTES = 120;

/**
 * One pass of the appointment-text worker (confirmations, reminders, answers to replies): claim
 * due jobs and send them, `batch` at a time in parallel, until none is due or `maxBatches` have
 * gone, so 1,000 reminders due in the same minute go in one pass. The same guarantees as the
 * follow-ups (lib/follow-up/worker.ts): claimed with SKIP LOCKED, "sending" recorded before the
 * SMS goes, the claim renewed (and fenced) just before the send, and a retry asks the provider
 * whether an earlier attempt was accepted without our record before sending again.
 */
export async function runReminders(batch = 25, maxBatches = 80): Promise<ReminderReport> {
  const report: ReminderReport = {
    sent: 0,
    retried: 0,
    failed: 0,
    skipped: 0,
    withdrawn: 0,
    takenOver: 0,
  };
  const claimTimeoutSeconds = getEnv().FOLLOW_UP_CLAIM_TIMEOUT_SECONDS;
  for (let round = 0; round < maxBatches; round++) {
    const jobs = await withService((tx) =>
      claimDueAppointmentTexts(tx, { limit: batch, claimTimeoutSeconds }),
    );
    const outcomes = await Promise.allSettled(jobs.map(sendAppointmentText));
    for (const outcome of outcomes) if (outcome.status === "fulfilled") report[outcome.value]++;
    // A job whose bookkeeping failed (database gone) stays claimed and is retried when its claim expires.
    const failure = outcomes.find((outcome) => outcome.status === "rejected");
    if (failure) throw failure.reason;
    if (jobs.length < batch) break;
  }
  return report;
}

/** The job's text, with `link` where a link goes (compose issues the real one). */
export function draftAppointmentText(job: ClaimedAppointmentText, link: string): string {
  const when = appointmentWhen(job.appointmentStartsAt, job);
  const common = { clinicName: job.clinicName, patientName: job.patientName };
  switch (job.kind) {
    case "confirmation":
      return appointmentConfirmationText({
        ...common,
        when,
        practitioner: job.practitioner,
        appointment: job.appointmentType,
        pending: job.bookingStatus === "pending",
        movedFrom: job.previousStartsAt ? appointmentWhen(job.previousStartsAt, job) : null,
        calendarLink: link,
      });
    case "reminder_24h":
    case "reminder_2h":
      return appointmentReminderText({
        ...common,
        when,
        practitioner: job.practitioner,
        appointment: job.appointmentType,
      });
    case "reply_confirmed":
      return replyConfirmedText({ ...common, when });
    case "reply_manage_link":
      return manageLinkText({ ...common, when, link });
    case "waitlist_offer":
      return waitlistOfferText({
        clinicName: job.clinicName,
        patientName: job.patientName,
        appointment: job.appointmentType,
        when: appointmentWhen(job.openingStartsAt ?? job.appointmentStartsAt, job),
        practitioner: job.openingPractitioner,
        link,
      });
    case "call_manage_link":
      // Asked for by a caller who was not recognised: the link only, no name or time.
      return callManageLinkText({ clinicName: job.clinicName, link });
    case "cancellation":
      return cancellationText({
        ...common,
        when,
        practitioner: job.practitioner,
        appointment: job.appointmentType,
        // The clinic's number as patients dial it: national format (lib/format).
        clinicPhone: textPhone(job.clinicPhone, job),
      });
  }
}

/** The kinds whose text carries a link (issued at send time). */
const WITH_LINK = new Set<ClaimedAppointmentText["kind"]>([
  "confirmation",
  "reply_manage_link",
  "call_manage_link",
  "waitlist_offer",
]);
const hasLink = (job: ClaimedAppointmentText) => WITH_LINK.has(job.kind);

async function compose(job: ClaimedAppointmentText): Promise<string> {
  if (!hasLink(job)) return draftAppointmentText(job, "");
  const env = getEnv();
  const token = await withService(async (tx) => {
    const issued = await createManageLink(tx, {
      clinicId: job.clinicId,
      bookingId: job.bookingId,
      purpose: job.kind === "confirmation" ? "calendar" : "manage",
    });
    // The freed time, offered on this link only: the first patient to take it has it.
    if (job.kind === "waitlist_offer" && job.waitlistOpeningId) {
      const link = await findManageLink(tx, issued);
      if (link)
        await offerOpening(tx, {
          openingId: job.waitlistOpeningId,
          linkId: link.id,
          bookingId: job.bookingId,
          minutes: WAITLIST_OFFER_MINUTES,
        });
    }
    return issued;
  });
  const base = env.APP_URL.replace(/\/$/, "");
  const link =
    job.kind === "confirmation" ? `${base}/m/${token}/calendar.ics` : `${base}/m/${token}`;
  return draftAppointmentText(job, link);
}

/**
 * On a retry, the text an earlier attempt got accepted without our knowing (Twilio answered too
 * late, or the worker died before recording it): this job's text to this number since it was
 * planned. Texts with a link match up to the link, which differs per attempt.
 */
async function earlierAttempt(
  sender: SmsSender,
  job: ClaimedAppointmentText,
): Promise<RecentSms | null> {
  if (job.attempts < 2 || !sender.recent) return null;
  const expected = draftAppointmentText(job, LINK).split(LINK)[0]!;
  // A minute more for clock skew and Twilio's whole-second dates.
  const since = new Date(job.createdAt.getTime() - 60_000);
  const recent = await sender.recent({ to: job.toNumber, from: job.clinicPhone, since });
  return (
    recent.find((sms) => (hasLink(job) ? sms.body.startsWith(expected) : sms.body === expected)) ??
    null
  );
}

/** Why a claimed job should not go at all, checked again at send time. */
function notToSend(
  job: ClaimedAppointmentText,
): { status: "skipped" | "withdrawn"; reason: string } | null {
  if (job.optedOut) return { status: "skipped", reason: OPTED_OUT };
  if (!job.consent) return { status: "skipped", reason: "The patient has not agreed to texts." };
  // Staff cancelled it: the one text about an appointment that is no longer live.
  if (job.kind === "cancellation")
    return job.bookingStatus === "cancelled"
      ? null
      : { status: "withdrawn", reason: "The appointment is no longer cancelled." };
  if (!LIVE.has(job.bookingStatus))
    return {
      status: "withdrawn",
      reason: `The appointment is ${job.bookingStatus.replace("_", "-")}.`,
    };
  if (job.bookingStartsAt.getTime() !== job.appointmentStartsAt.getTime())
    return { status: "withdrawn", reason: "The appointment was moved." };
  if (job.kind === "waitlist_offer" && !job.openingFree)
    return { status: "skipped", reason: "The earlier time has been taken or has passed." };
  return null;
}

async function sendAppointmentText(job: ClaimedAppointmentText): Promise<Outcome> {
  const mark = (change: Parameters<typeof markAppointmentText>[2]) =>
    withService((tx) => markAppointmentText(tx, job, change));
  const refused = notToSend(job);
  if (refused) {
    await mark(refused);
    return refused.status;
  }
  const sender = getSmsSender();
  const env = getEnv();
  const record = async (body: string, sent: SentSms | RecentSms) => {
    await withService(async (tx) => {
      await markAppointmentText(tx, job, { status: "sent" });
      await recordAppointmentSms(tx, {
        clinicId: job.clinicId,
        appointmentTextId: job.id,
        to: job.toNumber,
        from: job.clinicPhone,
        body,
        provider: sender.provider,
        providerSid: sent.providerSid,
        status: sent.status,
      });
    });
    return "sent" as const;
  };
  try {
    const earlier = await earlierAttempt(sender, job);
    if (earlier) return await record(earlier.body, earlier);
    if (Date.now() > job.dueBy.getTime()) {
      await mark({ status: "failed", error: "Not sent before its deadline." });
      return "failed";
    }
    const body = await compose(job);
    // Renewed just before the send: another worker may have taken an expired claim, or the
    // appointment may have been moved or cancelled (the job withdrawn) since it was claimed.
    if (!(await withService((tx) => renewAppointmentTextClaim(tx, job)))) return "takenOver";
    const sent = await sender.send({
      clinicId: job.clinicId,
      followUpId: null,
      to: job.toNumber,
      from: job.clinicPhone,
      body,
      statusCallback:
        sender.provider === "twilio"
          ? `${env.APP_URL.replace(/\/$/, "")}/api/webhooks/twilio/sms-status`
          : undefined,
    });
    return await record(body, sent);
  } catch (error) {
    const failure =
      error instanceof SmsError
        ? error
        : new SmsError((error as Error).message ?? "send failed", true);
    if (failure.optedOut) {
      await withService(async (tx) => {
        await recordOptOut(tx, job.clinicId, job.toNumber, "error_21610");
        await skipAppointmentTextsTo(tx, job.clinicId, job.toNumber, OPTED_OUT);
        await markAppointmentText(tx, job, {
          status: "skipped",
          reason: "The patient has opted out of texts (Twilio 21610).",
        });
      });
      return "skipped";
    }
    const retryAt = new Date(Date.now() + retryDelayMs(job.attempts));
    if (failure.transient && retryAt < job.dueBy) {
      await mark({ status: "pending", retryAt, error: failure.message });
      return "retried";
    }
    await mark({ status: "failed", error: failure.message });
    return "failed";
  }
}
