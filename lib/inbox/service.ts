import "server-only";

import { getEnv } from "@/lib/env";
import { SmsError, type SmsSender } from "@/types/sms";
import { AppError } from "@/lib/api/errors";
import type { Claims } from "@/lib/auth/claims";
import { getClinicFormat } from "@/lib/db/clinics";
import {
  countUnread,
  listConversation,
  listConversations,
  markConversationRead,
  recordReply,
  recordReplyFailed,
  recordReplySent,
  type ConversationMessageRow,
  type ConversationRow,
} from "@/lib/db/inbox";
import { getPatient, type PatientRow } from "@/lib/db/patients";
import { recordOptOut } from "@/lib/db/sms-opt-outs";
import { withClaims, withService } from "@/lib/db/transaction";
import { formatDate } from "@/lib/format";
import { getSmsSender } from "@/lib/sms";
import type { ReplyInput } from "@/lib/validations/inbox";

import { linkTextToAppointment } from "./link";

// The inbox: conversations per patient, read as the signed-in person (RLS decides), and staff
// replies sent through the SMS sender (lib/sms: Twilio in production, the outbox locally).

export function loadConversations(
  claims: Claims,
  clinicId: string,
): Promise<{ conversations: ConversationRow[]; unread: number }> {
  return withClaims(claims, async (tx) => ({
    conversations: await listConversations(tx, clinicId),
    unread: await countUnread(tx, clinicId),
  }));
}

export function loadUnreadCount(claims: Claims, clinicId: string): Promise<number> {
  return withClaims(claims, (tx) => countUnread(tx, clinicId));
}

export interface Conversation {
  patient: PatientRow;
  messages: ConversationMessageRow[];
}

/** One patient's texts; 404 for a patient RLS does not show in this clinic. */
export function loadConversation(
  claims: Claims,
  clinicId: string,
  patientId: string,
): Promise<Conversation> {
  return withClaims(claims, async (tx) => {
    const patient = await getPatient(tx, clinicId, patientId);
    if (!patient) throw new AppError("not_found", "This patient is not in your clinic.");
    return { patient, messages: await listConversation(tx, clinicId, patientId) };
  });
}

/** Marks the conversation read for the clinic's front desk; the number of texts marked. */
export async function markRead(
  claims: Claims,
  clinicId: string,
  patientId: string,
): Promise<number> {
  const marked = await withClaims(claims, (tx) => markConversationRead(tx, clinicId, patientId));
  if (marked < 0) throw new AppError("forbidden", "You are not a member of this clinic.");
  return marked;
}

/**
 * Sends a staff reply: recorded first as the person (who sent it; refused for a number that
 * opted out, without a number, or outside the clinic), then handed to the SMS sender, then its
 * provider id and status recorded (delivery reports move it on). A repeated reply key sends
 * nothing again and answers the first reply. Refusals throw an AppError with a sentence for the
 * front desk; a failed send is kept as a failed text in the conversation.
 */
export async function sendReply(
  claims: Claims,
  clinicId: string,
  input: ReplyInput,
): Promise<{ messageId: string; status: string; duplicate: boolean }> {
  const sender = getSmsSender();
  const recorded = await withClaims(claims, (tx) =>
    recordReply(tx, { clinicId, ...input, provider: sender.provider }),
  );
  switch (recorded.outcome) {
    case "forbidden":
      throw new AppError("forbidden", "You are not a member of this clinic.");
    case "not_found":
      throw new AppError("not_found", "This patient is not in your clinic.");
    case "no_number":
      throw new AppError("invalid", "This patient has no mobile number to text.");
    case "opted_out": {
      // The day they opted out, in the clinic's words and zone (lib/format).
      const clinic = recorded.optedOutAt
        ? await withClaims(claims, (tx) => getClinicFormat(tx, clinicId))
        : null;
      const on =
        recorded.optedOutAt && clinic ? ` on ${formatDate(recorded.optedOutAt, clinic)}` : "";
      throw new AppError(
        "conflict",
        `This patient has opted out of texts (they replied STOP${on}), so nothing was sent. They can text START to opt back in; until then, please call them.`,
      );
    }
    case "duplicate": {
      const status = await withService((tx) =>
        tx.one<{ status: string }>("select status from public.sms_messages where id = $1", [
          recorded.messageId,
        ]),
      );
      return { messageId: recorded.messageId!, status: status.status, duplicate: true };
    }
  }
  const messageId = recorded.messageId!;
  const to = recorded.toNumber!;
  const from = recorded.fromNumber!;
  const startedAt = new Date();
  try {
    const sent = await sender.send({
      clinicId,
      followUpId: null,
      to,
      from,
      body: input.body,
      statusCallback:
        sender.provider === "twilio"
          ? `${getEnv().APP_URL.replace(/\/$/, "")}/api/webhooks/twilio/sms-status`
          : undefined,
    });
    await withService(async (tx) => {
      await recordReplySent(tx, messageId, sent);
      await linkTextToAppointment(
        tx,
        clinicId,
        { id: messageId, patientId: input.patientId, createdAt: new Date() },
        input.body,
      );
    });
    return { messageId, status: sent.status, duplicate: false };
  } catch (error) {
    const failure =
      error instanceof SmsError ? error : new SmsError("The text could not be sent.", true);
    // No answer (a timeout) may still mean Twilio took it: look before calling it failed.
    const taken = failure.transient
      ? await acceptedAnyway(sender, { to, from, body: input.body, since: startedAt })
      : null;
    if (taken) {
      await withService((tx) => recordReplySent(tx, messageId, taken));
      return { messageId, status: taken.status, duplicate: false };
    }
    await withService(async (tx) => {
      if (failure.optedOut) await recordOptOut(tx, clinicId, to, "error_21610");
      await recordReplyFailed(tx, messageId, {
        errorCode: failure.code ?? null,
        message: failure.message,
      });
    });
    if (failure.optedOut)
      throw new AppError(
        "conflict",
        "This number has opted out of texts (the carrier refused it), so nothing was sent. Please call them instead.",
      );
    throw new AppError(
      "unavailable",
      "The text could not be sent just now; it is marked failed in the conversation. Please try again.",
    );
  }
}

/**
 * The text Twilio accepted for this reply although the request failed (answered too late), if
 * the provider can tell: the same body to the same number since the send began, whose sid no
 * text of ours has. A failed lookup counts as not sent.
 */
async function acceptedAnyway(
  sender: SmsSender,
  reply: { to: string; from: string; body: string; since: Date },
): Promise<{ providerSid: string; status: string } | null> {
  if (!sender.recent) return null;
  try {
    // A minute's grace for the provider's clock.
    const since = new Date(reply.since.getTime() - 60_000);
    const candidates = (await sender.recent({ to: reply.to, from: reply.from, since })).filter(
      (message) => message.body === reply.body,
    );
    if (candidates.length === 0) return null;
    const known = await withService((tx) =>
      tx.query<{ sid: string }>(
        "select provider_sid as sid from public.sms_messages where provider_sid = any($1::text[])",
        [candidates.map((message) => message.providerSid)],
      ),
    );
    const match = candidates.find(
      (message) => !known.some((row) => row.sid === message.providerSid),
    );
    return match ? { providerSid: match.providerSid, status: match.status } : null;
  } catch {
    return null;
  }
}
