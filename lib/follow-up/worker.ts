import "server-only";

import { getEnv } from "@/lib/env";
import { SmsError, type RecentSms, type SentSms, type SmsSender } from "@/types/sms";
import { createAftercareLink } from "@/lib/db/aftercare-links";
import { insertCallEvent } from "@/lib/db/calls";
import {
  claimDueFollowUps,
  markFollowUp,
  renewClaim,
  type ClaimedFollowUp,
} from "@/lib/db/follow-ups";
import { listUndeliveredHandoffs } from "@/lib/db/handoffs";
import { recordSms } from "@/lib/db/sms-messages";
import { recordOptOut } from "@/lib/db/sms-opt-outs";
import { withService } from "@/lib/db/transaction";
import { SIGN_LABELS, URGENT_SIGNS, type UrgentSign } from "@/lib/hours/urgent";
import { getSmsSender } from "@/lib/sms";

import { deliverHandoff } from "./delivery";
import {
  aftercareText,
  appointmentWhen,
  bookingConfirmationText,
  cutOffText,
  missedCallText,
  retryDelayMs,
  textPhone,
  urgentAlertText,
} from "./messages";

export interface WorkerReport {
  delivered: number;
  sent: number;
  retried: number;
  failed: number;
  skipped: number;
  /** Claims that expired before their turn in this pass and were taken by another worker. */
  takenOver: number;
}

/**
/**
 * One pass of the follow-up worker: (re)deliver hand-offs, then claim due jobs and send them,
 * `batch` at a time in parallel, until none is due or `maxBatches` have gone (a burst of calls
 * ending together is drained in one pass, not 10 texts every few seconds). Runs inside the app
 * and from a cron route; any number of workers may run at once. A job is recorded "sending"
 * before the SMS goes out, and a retry first asks the provider whether an earlier attempt was
 * accepted without our record (a late answer, or a worker that died; a claim expires after
 * FOLLOW_UP_CLAIM_TIMEOUT_SECONDS), so it is recorded rather than sent twice.
 */
export async function runFollowUps(batch = 10, maxBatches = 20): Promise<WorkerReport> {
  const report: WorkerReport = {
    delivered: 0,
    sent: 0,
    retried: 0,
    failed: 0,
    skipped: 0,
    takenOver: 0,
  };
  for (const { id } of await withService((tx) => listUndeliveredHandoffs(tx))) {
    if ((await deliverHandoff(id).catch(() => null))?.acknowledged) report.delivered++;
  }
  const claimTimeoutSeconds = getEnv().FOLLOW_UP_CLAIM_TIMEOUT_SECONDS;
  for (let round = 0; round < maxBatches; round++) {
    const jobs = await withService((tx) =>
      claimDueFollowUps(tx, { limit: batch, claimTimeoutSeconds }),
    );
    const outcomes = await Promise.allSettled(jobs.map(sendFollowUp));
    for (const outcome of outcomes) if (outcome.status === "fulfilled") report[outcome.value]++;
    // A job whose bookkeeping failed (database gone) stays claimed and is retried when its claim expires.
    const failure = outcomes.find((outcome) => outcome.status === "rejected");
    if (failure) throw failure.reason;
    if (jobs.length < batch) break;
  }
  return report;
}

/** The job's text, with `link` where the aftercare link goes (compose issues the real one). */
function draft(job: ClaimedFollowUp, link: string): { body: string } | { skip: string } {
  if (job.kind === "urgent_alert")
    return {
      body: urgentAlertText({
        clinicName: job.clinicName,
        emergency: job.urgency === "emergency",
        signs: job.urgentSigns
          .filter((sign): sign is UrgentSign => (URGENT_SIGNS as readonly string[]).includes(sign))
          .map((sign) => SIGN_LABELS[sign]),
        callerLast4: job.callerLast4,
      }),
    };
  if (job.kind === "missed_call")
    return {
      body: missedCallText({
        clinicName: job.clinicName,
        callerName: job.callerName,
        clinicPhone: textPhone(job.clinicPhone, job),
      }),
    };
  if (job.kind === "cut_off")
    return {
      body: cutOffText({
        clinicName: job.clinicName,
        callerName: job.callerName,
        clinicPhone: textPhone(job.clinicPhone, job),
      }),
    };
  if (job.kind === "booking_confirmation") {
    if (!job.bookingStartsAt || !job.bookingPractitioner)
      return { skip: "The booking no longer exists." };
    const when = appointmentWhen(job.bookingStartsAt, job);
    return {
      body: bookingConfirmationText({
        clinicName: job.clinicName,
        callerName: job.callerName,
        when,
        practitioner: job.bookingPractitioner,
        appointment: job.bookingType,
      }),
    };
  }
  if (!job.aftercareDocumentId || !job.procedureName)
    return { skip: `No aftercare document for ${job.procedureName ?? "this procedure"}.` };
  return {
    body: aftercareText({
      clinicName: job.clinicName,
      callerName: job.callerName,
      procedure: job.procedureName,
      link,
    }),
  };
}

async function compose(job: ClaimedFollowUp): Promise<{ body: string } | { skip: string }> {
  const drafted = draft(job, "");
  if ("skip" in drafted || job.kind !== "aftercare") return drafted;
  const env = getEnv();
  const token = await withService((tx) =>
    createAftercareLink(tx, {
      clinicId: job.clinicId,
      followUpId: job.id,
      documentId: job.aftercareDocumentId!,
      days: env.AFTERCARE_LINK_DAYS,
    }),
  );
  return draft(job, `${env.APP_URL.replace(/\/$/, "")}/a/${token}`);
}

/**
 * On a retry, the text an earlier attempt got accepted without our knowing (Twilio answered too
 * late, or the worker died before recording it): this job's text to this number since it
 * became owed. Aftercare texts match up to their link, which differs per attempt.
 */
async function earlierAttempt(sender: SmsSender, job: ClaimedFollowUp): Promise<RecentSms | null> {
  if (job.attempts < 2 || !sender.recent) return null;
  const LINK = "\u0000";
  const drafted = draft(job, LINK);
  if ("skip" in drafted) return null;
  const expected = drafted.body.split(LINK)[0]!;
  // Owed since the call ended (due_by minus 5 minutes); a minute more for clock skew and Twilio's whole-second dates.
  const owedSince = new Date(job.dueBy.getTime() - 6 * 60_000);
  const recent = await sender.recent({ to: job.toNumber, from: job.clinicPhone, since: owedSince });
  return (
    recent.find((sms) =>
      job.kind === "aftercare" ? sms.body.startsWith(expected) : sms.body === expected,
    ) ?? null
  );
}

async function sendFollowUp(
  job: ClaimedFollowUp,
): Promise<Exclude<keyof WorkerReport, "delivered">> {
  if (!(await withService((tx) => renewClaim(tx, job)))) return "takenOver";
  const event = (name: string, metadata: Record<string, unknown>) =>
    withService((tx) =>
      insertCallEvent(tx, {
        clinicId: job.clinicId,
        callId: job.callId,
        kind: "note",
        event: name,
        metadata: { followUpId: job.id, kind: job.kind, ...metadata },
      }),
    );
  if (job.optedOut) {
    await withService((tx) =>
      markFollowUp(tx, job.id, { status: "skipped", reason: "The caller has opted out of texts." }),
    );
    return "skipped";
  }
  const sender = getSmsSender();
  const env = getEnv();
  const record = async (body: string, sent: SentSms, metadata: Record<string, unknown> = {}) => {
    await withService(async (tx) => {
      await markFollowUp(tx, job.id, { status: "sent" });
      await recordSms(tx, {
        clinicId: job.clinicId,
        followUpId: job.id,
        direction: "outbound",
        to: job.toNumber,
        from: job.clinicPhone,
        body,
        provider: sender.provider,
        providerSid: sent.providerSid,
        status: sent.status,
      });
    });
    await event("sms.sent", { attempts: job.attempts, ...metadata });
    return "sent" as const;
  };
  try {
    const earlier = await earlierAttempt(sender, job);
    if (earlier) return await record(earlier.body, earlier, { earlierAttempt: true });
    if (Date.now() > job.dueBy.getTime()) {
      await withService((tx) =>
        markFollowUp(tx, job.id, {
          status: "failed",
          error: "Not sent within the 5-minute window.",
        }),
      );
      await event("sms.failed", { reason: "window" });
      return "failed";
    }
    const message = await compose(job);
    if ("skip" in message) {
      await withService((tx) =>
        markFollowUp(tx, job.id, { status: "skipped", reason: message.skip }),
      );
      return "skipped";
    }
    const sent = await sender.send({
      clinicId: job.clinicId,
      followUpId: job.id,
      to: job.toNumber,
      from: job.clinicPhone,
      body: message.body,
      statusCallback:
        sender.provider === "twilio"
          ? `${env.APP_URL.replace(/\/$/, "")}/api/webhooks/twilio/sms-status`
          : undefined,
    });
    return await record(message.body, sent);
  } catch (error) {
    const failure =
      error instanceof SmsError
        ? error
        : new SmsError((error as Error).message ?? "send failed", true);
    if (failure.optedOut) {
      await withService(async (tx) => {
        await recordOptOut(tx, job.clinicId, job.toNumber, "error_21610");
        await markFollowUp(tx, job.id, {
          status: "skipped",
          reason: "The caller has opted out of texts (Twilio 21610).",
        });
      });
      return "skipped";
    }
    const retryAt = new Date(Date.now() + retryDelayMs(job.attempts));
    if (failure.transient && retryAt < job.dueBy) {
      await withService((tx) =>
        markFollowUp(tx, job.id, { status: "pending", retryAt, error: failure.message }),
      );
      return "retried";
    }
    await withService((tx) =>
      markFollowUp(tx, job.id, { status: "failed", error: failure.message }),
    );
    await event("sms.failed", { error: failure.message, attempts: job.attempts });
    return "failed";
  }
}
