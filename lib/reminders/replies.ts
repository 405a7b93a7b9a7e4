import "server-only";

import {
  confirmByReply,
  enqueueReplyText,
  isOptedOut,
  lastRemindedAppointment,
} from "@/lib/db/reminders";
import type { Tx } from "@/lib/db/transaction";
import type { OptOutKind } from "@/lib/twilio/opt-out";

/**
 * Twilio's reserved opt-out words (and the two more it honours by default): never a command
 * here, whatever they might mean in a conversation ("CANCEL" is an opt-out, not a cancellation).
 */
export const RESERVED_WORDS: readonly string[] = [
  "STOP",
  "STOPALL",
  "UNSUBSCRIBE",
  "CANCEL",
  "END",
  "QUIT",
  "REVOKE",
  "OPTOUT",
];

export type ReplyIntent = "confirm" | "manage";

/**
 * What a patient's text asks of their appointment: "1" or YES confirms, "2" asks for a manage
 * link. The whole trimmed text must be the command (a trailing "." or "!" is allowed), so
 * "1 please call me" and anything else is a conversation for the inbox. Opt-out and help texts
 * are never commands.
 */
export function replyIntent(body: string, optOutKind: OptOutKind | null): ReplyIntent | null {
  if (optOutKind === "STOP" || optOutKind === "HELP") return null;
  const word = body
    .trim()
    .replace(/[.!]+$/, "")
    .trim();
  if (RESERVED_WORDS.includes(word.toUpperCase())) return null;
  if (word === "1" || /^yes$/i.test(word)) return "confirm";
  if (word === "2") return "manage";
  return null;
}

export type ReplyOutcome =
  | { handled: false }
  | { handled: true; intent: ReplyIntent; bookingId: string; confirmed: boolean };

/**
 * Acts on a patient's reply to an appointment text, inside the transaction that stores the
 * inbound text (only the first time its MessageSid is seen: a replayed webhook changes nothing).
 * "1"/YES confirms the appointment the last confirmation or reminder was about (pending →
 * confirmed) and owes a thank-you; "2" owes a text with a manage link. The answers are durable
 * appointment texts, sent by the worker once each (keyed by the reply's MessageSid). A number
 * that has opted out is not acted on (its YES only opts it back in), nor is a reply with no
 * appointment to refer to: both are left for the inbox.
 */
export async function handleAppointmentReply(
  tx: Tx,
  reply: {
    clinicId: string;
    from: string;
    body: string;
    optOutKind: OptOutKind | null;
    providerSid: string | null;
  },
): Promise<ReplyOutcome> {
  const intent = replyIntent(reply.body, reply.optOutKind);
  if (!intent) return { handled: false };
  if (await isOptedOut(tx, reply.clinicId, reply.from)) return { handled: false };
  const appointment = await lastRemindedAppointment(tx, reply.clinicId, reply.from);
  if (!appointment) return { handled: false };
  const confirmed = intent === "confirm" && (await confirmByReply(tx, appointment.bookingId));
  await enqueueReplyText(tx, {
    clinicId: reply.clinicId,
    bookingId: appointment.bookingId,
    kind: intent === "confirm" ? "reply_confirmed" : "reply_manage_link",
    to: reply.from,
    inboundSid: reply.providerSid,
  });
  return { handled: true, intent, bookingId: appointment.bookingId, confirmed };
}
