import "server-only";

import type { Checked, Col, Outer } from "./rows";
import type { Tx } from "./transaction";

// The inbox: texts grouped into conversations per patient, unread counts, staff replies
// (recorded by public.inbox_record_reply before they are sent) and read state. Migration
// 20261201000400_inbox.sql.

export interface ConversationRow {
  patientId: Col<"patients", "id">;
  fullName: Col<"patients", "full_name">;
  phone: Col<"patients", "phone">;
  lastBody: Col<"sms_messages", "body">;
  lastDirection: Checked<Col<"sms_messages", "direction">, "outbound" | "inbound">;
  lastMediaCount: Col<"sms_messages", "media_count">;
  lastAt: Col<"sms_messages", "created_at">;
  /** Inbound texts nobody has read yet (count(*)). */
  unread: number;
  optedOutAt: Outer<Col<"sms_opt_outs", "opted_out_at">>;
}

/** The clinic's conversations (one per patient who has texted or been texted), newest first. */
export function listConversations(
  tx: Tx,
  clinicId: string,
  limit = 200,
): Promise<ConversationRow[]> {
  return tx.query<ConversationRow>(
    `with last as (
       select distinct on (m.patient_id) m.patient_id, m.body, m.direction, m.media_count, m.created_at
         from public.sms_messages m
        where m.clinic_id = $1 and m.patient_id is not null
        order by m.patient_id, m.created_at desc, m.id desc
     ), unread as (
       select m.patient_id, count(*)::int as n from public.sms_messages m
        where m.clinic_id = $1 and m.direction = 'inbound' and m.read_at is null and m.patient_id is not null
        group by m.patient_id
     )
     select p.id as "patientId", p.full_name as "fullName", p.phone, l.body as "lastBody",
            l.direction as "lastDirection", l.media_count as "lastMediaCount", l.created_at as "lastAt",
            coalesce(u.n, 0) as unread, o.opted_out_at as "optedOutAt"
       from last l
       join public.patients p on p.id = l.patient_id and p.clinic_id = $1
       left join unread u on u.patient_id = l.patient_id
       left join public.sms_opt_outs o on o.clinic_id = p.clinic_id and o.phone_number = p.phone
      order by l.created_at desc
      limit $2`,
    [clinicId, limit],
  );
}

export interface ConversationMessageRow {
  id: Col<"sms_messages", "id">;
  direction: Checked<Col<"sms_messages", "direction">, "outbound" | "inbound">;
  body: Col<"sms_messages", "body">;
  keyword: Col<"sms_messages", "keyword">;
  mediaCount: Col<"sms_messages", "media_count">;
  status: Col<"sms_messages", "status">;
  errorCode: Col<"sms_messages", "error_code">;
  errorMessage: Col<"sms_messages", "error_message">;
  createdAt: Col<"sms_messages", "created_at">;
  readAt: Col<"sms_messages", "read_at">;
  /** Who sent a staff reply (their display name in the clinic, "Staff" without one). */
  sentBy: string | null;
  /** What sent an automatic text: the follow-up kind (aftercare, cut_off, booking_confirmation). */
  followUpKind: Outer<Col<"follow_ups", "kind">>;
  callId: Outer<Col<"follow_ups", "call_id">>;
  bookingId: Col<"sms_messages", "booking_id">;
  bookingStartsAt: Outer<Col<"bookings", "starts_at">>;
  bookingStatus: Outer<Col<"bookings", "status">>;
}

/** One patient's texts, oldest first (the last `limit`). */
export function listConversation(
  tx: Tx,
  clinicId: string,
  patientId: string,
  limit = 300,
): Promise<ConversationMessageRow[]> {
  return tx.query<ConversationMessageRow>(
    `select * from (
       select m.id, m.direction, m.body, m.keyword, m.media_count as "mediaCount", m.status,
              m.error_code as "errorCode", m.error_message as "errorMessage", m.created_at as "createdAt",
              m.read_at as "readAt",
              case when m.sent_by is null then null
                   else coalesce(nullif(cm.display_name, ''), 'Staff') end as "sentBy",
              f.kind as "followUpKind", f.call_id as "callId",
              b.id as "bookingId", b.starts_at as "bookingStartsAt", b.status as "bookingStatus"
         from public.sms_messages m
         left join public.follow_ups f on f.id = m.follow_up_id
         left join public.handoffs h on h.id = f.handoff_id and f.kind = 'booking_confirmation'
         left join public.bookings b on b.id = coalesce(m.booking_id, h.booking_id) and b.clinic_id = m.clinic_id
         left join public.clinic_members cm on cm.clinic_id = m.clinic_id and cm.user_id = m.sent_by
        where m.clinic_id = $1 and m.patient_id = $2
        order by m.created_at desc, m.id desc
        limit $3
     ) recent order by "createdAt", id`,
    [clinicId, patientId, limit],
  );
}

/** Inbound texts in the clinic nobody has read (the sidebar's count). */
export async function countUnread(tx: Tx, clinicId: string): Promise<number> {
  const row = await tx.one<{ n: number }>(
    `select count(*)::int as n from public.sms_messages
      where clinic_id = $1 and direction = 'inbound' and read_at is null and patient_id is not null`,
    [clinicId],
  );
  return row.n;
}

/** Marks the patient's unread texts read, as the person (-1: not a member of the clinic). */
export async function markConversationRead(
  tx: Tx,
  clinicId: string,
  patientId: string,
): Promise<number> {
  const row = await tx.one<{ n: number }>("select public.inbox_mark_read($1, $2) as n", [
    clinicId,
    patientId,
  ]);
  return row.n;
}

export type RecordReplyOutcome =
  "queued" | "duplicate" | "forbidden" | "not_found" | "no_number" | "opted_out";

/** Records a staff reply before it is sent (as the person: sent_by is them). */
export function recordReply(
  tx: Tx,
  reply: {
    clinicId: string;
    patientId: string;
    body: string;
    replyKey: string;
    provider: "twilio" | "outbox";
  },
): Promise<{
  outcome: RecordReplyOutcome;
  messageId: string | null;
  toNumber: string | null;
  fromNumber: string | null;
  optedOutAt: Date | null;
}> {
  return tx.one(
    `select outcome, message_id as "messageId", to_number as "toNumber", from_number as "fromNumber",
            opted_out_at as "optedOutAt"
       from public.inbox_record_reply($1, $2, $3, $4, $5)`,
    [reply.clinicId, reply.patientId, reply.body, reply.replyKey, reply.provider],
  );
}

/** What the provider answered for a reply (service side). Never moves a status backwards. */
export async function recordReplySent(
  tx: Tx,
  messageId: string,
  sent: { providerSid: string; status: string },
): Promise<void> {
  await tx.query(
    `update public.sms_messages
        set provider_sid = $2, sent_at = now(),
            status = case when status in ('queued', 'sending') then $3 else status end,
            delivered_at = case when $3 in ('delivered', 'read') then coalesce(delivered_at, now()) else delivered_at end
      where id = $1`,
    [messageId, sent.providerSid, sent.status],
  );
}

/** A reply the provider refused (service side): failed, with the error (no personal data). */
export async function recordReplyFailed(
  tx: Tx,
  messageId: string,
  failure: { errorCode: number | null; message: string },
): Promise<void> {
  await tx.query(
    `update public.sms_messages set status = 'failed', error_code = $2, error_message = left($3, 500)
      where id = $1 and status in ('queued', 'sending')`,
    [messageId, failure.errorCode, failure.message],
  );
}

/** The patient's live appointments around now, and the clinic's time zone, for linking texts. */
export async function linkableAppointments(
  tx: Tx,
  clinicId: string,
  patientId: string,
): Promise<{ timeZone: string; appointments: { id: string; startsAt: Date }[] }> {
  const clinic = await tx.one<{ timeZone: Col<"clinics", "timezone"> }>(
    `select timezone as "timeZone" from public.clinics where id = $1`,
    [clinicId],
  );
  const appointments = await tx.query<{
    id: Col<"bookings", "id">;
    startsAt: NonNullable<Col<"bookings", "starts_at">>;
  }>(
    `select id, starts_at as "startsAt" from public.bookings
      where clinic_id = $1 and patient_id = $2 and starts_at is not null
        and status not in ('cancelled')
        and starts_at between now() - interval '1 day' and now() + interval '365 days'
      order by starts_at limit 50`,
    [clinicId, patientId],
  );
  return { timeZone: clinic.timeZone, appointments };
}

/** Records which appointment a text is about (service side). */
export async function setTextAppointment(
  tx: Tx,
  messageId: string,
  bookingId: string,
): Promise<void> {
  await tx.query(`update public.sms_messages set booking_id = $2 where id = $1`, [
    messageId,
    bookingId,
  ]);
}
