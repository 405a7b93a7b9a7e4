import "server-only";

import type { Checked, Col, Columns, Outer } from "./rows";
import type { Tx } from "./transaction";

// The SMS log: texts Sarah sent (with their delivery status) and texts patients sent back.

export async function recordSms(
  tx: Tx,
  sms: {
    clinicId: string;
    followUpId: string | null;
    direction: "outbound" | "inbound";
    to: string;
    from: string;
    body: string;
    provider: string;
    providerSid: string | null;
    status: string;
  },
): Promise<void> {
  await tx.query(
    `insert into public.sms_messages (clinic_id, follow_up_id, direction, to_number, from_number, body, provider, provider_sid, status, sent_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, case when $3 = 'outbound' then now() end)
     on conflict (follow_up_id) do update set provider_sid = excluded.provider_sid, status = excluded.status, body = excluded.body, sent_at = now()`,
    [
      sms.clinicId,
      sms.followUpId,
      sms.direction,
      sms.to,
      sms.from,
      sms.body.slice(0, 1600),
      sms.provider,
      sms.providerSid,
      sms.status,
    ],
  );
}

/**
 * A delivery report, applied only if the message is in one of the statuses `from` (the ones
 * `status` may follow, lib/twilio/sms-status.ts): a late or repeated report never undoes a later
 * one. One UPDATE whose WHERE is re-checked on the locked row, so concurrent reports cannot race
 * each other backwards. A report for a MessageSid not recorded yet (Twilio called back before our
 * record of the send committed) is kept and applied when it is (public.apply_sms_status,
 * supabase/migrations/20261201000770_early_sms_reports.sql). Null when nothing changed now.
 */
export async function updateSmsStatus(
  tx: Tx,
  providerSid: string,
  change: { status: string; from: readonly string[]; errorCode: number | null },
): Promise<{ clinicId: string; toNumber: string } | null> {
  return tx.maybeOne<Columns<"sms_messages", { clinicId: "clinic_id"; toNumber: "to_number" }>>(
    `select clinic_id as "clinicId", to_number as "toNumber" from public.apply_sms_status($1, $2, $4::text[], $3)`,
    [providerSid, change.status, change.errorCode, change.from],
  );
}

/**
 * A text a patient sent to the clinic's number, stored once per Twilio MessageSid: null when
 * that MessageSid is already stored (Twilio delivered the webhook again), so the caller applies
 * an opt-out or opt-in only the first time. The text is kept as written (up to 1,600
 * characters, Twilio's limit for a concatenated text) for the inbox, with the keyword kind it was
 * read as; media only as a count, never its URLs. A message without a sid cannot be recognised
 * again and is stored each time.
 */
export async function recordInboundSms(
  tx: Tx,
  sms: {
    clinicId: string;
    from: string;
    to: string;
    body: string;
    kind: "STOP" | "START" | "HELP" | null;
    mediaCount: number;
    providerSid: string | null;
  },
): Promise<{ id: string; patientId: string | null; createdAt: Date } | null> {
  return tx.maybeOne<
    Columns<"sms_messages", { id: "id"; patientId: "patient_id"; createdAt: "created_at" }>
  >(
    `insert into public.sms_messages (clinic_id, direction, to_number, from_number, body, keyword, media_count, provider, provider_sid, status)
     values ($1, 'inbound', $2, $3, $4, $5, $6, 'twilio', $7, 'received')
     on conflict (provider_sid) do nothing returning id, patient_id as "patientId", created_at as "createdAt"`,
    [
      sms.clinicId,
      sms.to,
      sms.from,
      storableText(sms.body),
      sms.kind,
      Math.max(0, Math.min(10, Math.trunc(sms.mediaCount) || 0)),
      sms.providerSid,
    ],
  );
}

/** What PostgreSQL can keep of a text: no NUL characters, at most 1,600 characters. */
export function storableText(text: string): string {
  return Array.from(text.replaceAll("\u0000", "")).slice(0, 1600).join("");
}

export interface SmsRow {
  id: Col<"sms_messages", "id">;
  direction: Checked<Col<"sms_messages", "direction">, "outbound" | "inbound">;
  toNumber: Col<"sms_messages", "to_number">;
  fromNumber: Col<"sms_messages", "from_number">;
  body: Col<"sms_messages", "body">;
  status: Col<"sms_messages", "status">;
  errorCode: Col<"sms_messages", "error_code">;
  createdAt: Col<"sms_messages", "created_at">;
  callId: Outer<Col<"follow_ups", "call_id">>;
  kind: Outer<Col<"follow_ups", "kind">>;
}

/** The clinic's recent texts, newest first (RLS-scoped). */
export function listSmsMessages(tx: Tx, clinicId: string, limit = 100): Promise<SmsRow[]> {
  return tx.query<SmsRow>(
    `select m.id, m.direction, m.to_number as "toNumber", m.from_number as "fromNumber", m.body, m.status, m.error_code as "errorCode",
            m.created_at as "createdAt", f.call_id as "callId", f.kind
       from public.sms_messages m left join public.follow_ups f on f.id = m.follow_up_id
      where m.clinic_id = $1 order by m.created_at desc limit $2`,
    [clinicId, limit],
  );
}
