import "server-only";

import type { Checked, Col, Outer } from "./rows";
import type { Tx } from "./transaction";

// Appointment texts: confirmations, reminders, answers to replies and manage links asked for on
// a call, planned by triggers on bookings (or enqueue* below) (supabase/migrations/20261201000300_reminders.sql) and sent by lib/reminders/worker.ts.

export const APPOINTMENT_TEXT_KINDS = [
  "confirmation",
  "reminder_24h",
  "reminder_2h",
  "reply_confirmed",
  "reply_manage_link",
  "call_manage_link",
  "waitlist_offer",
  "cancellation",
] as const;
export type AppointmentTextKind = (typeof APPOINTMENT_TEXT_KINDS)[number];

export interface ClaimedAppointmentText {
  id: Col<"appointment_texts", "id">;
  clinicId: Col<"appointment_texts", "clinic_id">;
  bookingId: Col<"appointment_texts", "booking_id">;
  kind: Checked<Col<"appointment_texts", "kind">, AppointmentTextKind>;
  appointmentStartsAt: Col<"appointment_texts", "appointment_starts_at">;
  previousStartsAt: Col<"appointment_texts", "previous_starts_at">;
  toNumber: Col<"appointment_texts", "to_number">;
  attempts: Col<"appointment_texts", "attempts">;
  dueBy: Col<"appointment_texts", "due_by">;
  createdAt: Col<"appointment_texts", "created_at">;
  clinicName: Col<"clinics", "name">;
  /** Never null: texts of a clinic without its number wait (claimDueAppointmentTexts). */
  clinicPhone: NonNullable<Col<"clinics", "phone_number">>;
  timezone: Col<"clinics", "timezone">;
  locale: Col<"clinics", "locale">;
  currency: Col<"clinics", "currency">;
  patientName: Col<"bookings", "patient_name">;
  bookingStatus: Col<"bookings", "status">;
  bookingStartsAt: Col<"bookings", "starts_at">;
  bookingEndsAt: Col<"bookings", "ends_at">;
  practitioner: Outer<Col<"practitioners", "name">>;
  appointmentType: Outer<Col<"appointment_types", "name">>;
  /** exists (…) over sms_opt_outs, computed in SQL. */
  optedOut: boolean;
  /** The patient's sms_consent (true when the appointment has no patient record). */
  consent: boolean;
  /** waitlist_offer: the freed time it offers (null for other kinds). */
  waitlistOpeningId: Col<"appointment_texts", "waitlist_opening_id">;
  openingStartsAt: Outer<Col<"waitlist_openings", "starts_at">>;
  openingPractitioner: Outer<Col<"practitioners", "name">>;
  /** waitlist_offer: the time is still ahead, not taken and free (computed in SQL). */
  openingFree: boolean;
}

/**
 * Claims due appointment texts: FOR UPDATE SKIP LOCKED, so concurrent workers never take the
 * same one; a job left "sending" by a worker that died is claimed again once its claim is older
 * than `claimTimeoutSeconds`. Reminders are not claimed during the clinic's quiet hours (a retry
 * that runs into them waits for the morning, or fails at its deadline).
 */
export function claimDueAppointmentTexts(
  tx: Tx,
  options: { limit: number; claimTimeoutSeconds: number },
): Promise<ClaimedAppointmentText[]> {
  return tx.query<ClaimedAppointmentText>(
    `with due as (
       select t.id from public.appointment_texts t
        where ((t.status = 'pending' and t.next_attempt_at <= now())
               or (t.status = 'sending' and t.locked_at < now() - make_interval(secs => $2::double precision)))
          -- Texts go from the clinic's number: a clinic still being set up has none yet.
          and exists (select 1 from public.clinics k where k.id = t.clinic_id and k.phone_number is not null)
          and (t.kind not in ('reminder_24h', 'reminder_2h') or t.due_by <= now() or (
                select q.began is null from public.clinics c
                 cross join lateral private.reminder_settings_of(c.id) s
                 cross join lateral private.quiet_period(now(), s.timezone, s.quiet_start, s.quiet_end) q
                 where c.id = t.clinic_id))
        order by t.next_attempt_at limit $1 for update of t skip locked),
     claimed as (
       update public.appointment_texts t set status = 'sending', locked_at = now(), attempts = t.attempts + 1
         from due where t.id = due.id returning t.*)
     select t.id, t.clinic_id as "clinicId", t.booking_id as "bookingId", t.kind,
            t.appointment_starts_at as "appointmentStartsAt", t.previous_starts_at as "previousStartsAt",
            t.to_number as "toNumber", t.attempts, t.due_by as "dueBy", t.created_at as "createdAt",
            cl.name as "clinicName", cl.phone_number as "clinicPhone", cl.timezone, cl.locale, cl.currency,
            b.patient_name as "patientName", b.status as "bookingStatus", b.starts_at as "bookingStartsAt",
            b.ends_at as "bookingEndsAt", pr.name as practitioner, at.name as "appointmentType",
            public.sms_opted_out(t.clinic_id, t.to_number) as "optedOut",
            coalesce(p.sms_consent, true) as consent,
            t.waitlist_opening_id as "waitlistOpeningId", wo.starts_at as "openingStartsAt",
            wp.name as "openingPractitioner",
            (wo.id is not null and wo.starts_at > now() and wo.taken_by is null
             and public.waitlist_time_free(wo.practitioner_id, wo.resource_id, wo.occupied)) as "openingFree"
       from claimed t
       join public.clinics cl on cl.id = t.clinic_id
       join public.bookings b on b.id = t.booking_id
       left join public.patients p on p.id = b.patient_id
       left join public.practitioners pr on pr.id = b.practitioner_id
       left join public.appointment_types at on at.id = b.appointment_type_id
       left join public.waitlist_openings wo on wo.id = t.waitlist_opening_id
       left join public.practitioners wp on wp.id = wo.practitioner_id`,
    [options.limit, options.claimTimeoutSeconds],
  );
}

/**
 * Restarts this worker's claim just before it sends, fenced by the attempt number its claim set:
 * false when the claim expired and another worker took the job, or when the appointment was moved
 * or cancelled meanwhile (the job is withdrawn), so nothing is sent.
 */
export async function renewAppointmentTextClaim(
  tx: Tx,
  job: { id: string; attempts: number },
): Promise<boolean> {
  const rows = await tx.query(
    "update public.appointment_texts set locked_at = now() where id = $1 and status = 'sending' and attempts = $2 returning id",
    [job.id, job.attempts],
  );
  return rows.length > 0;
}

export type AppointmentTextChange =
  | { status: "sent" }
  | { status: "skipped" | "withdrawn"; reason: string }
  | { status: "failed"; error: string }
  | { status: "pending"; retryAt: Date; error: string };

/**
 * Records what became of a claimed job. Except "sent" (a text that went is recorded whatever
 * happened to the job meanwhile), only the claim holding it (status sending, same attempt) can
 * change it: a withdrawn job stays withdrawn.
 */
export async function markAppointmentText(
  tx: Tx,
  job: { id: string; attempts: number },
  change: AppointmentTextChange,
): Promise<void> {
  const fence = "id = $1 and status = 'sending' and attempts = $2";
  if (change.status === "sent") {
    await tx.query(
      "update public.appointment_texts set status = 'sent', sent_at = now(), locked_at = null, last_error = null where id = $1",
      [job.id],
    );
  } else if (change.status === "skipped" || change.status === "withdrawn") {
    await tx.query(
      `update public.appointment_texts set status = $3, skip_reason = $4, locked_at = null where ${fence}`,
      [job.id, job.attempts, change.status, change.reason.slice(0, 200)],
    );
  } else if (change.status === "failed") {
    await tx.query(
      `update public.appointment_texts set status = 'failed', last_error = $3, locked_at = null where ${fence}`,
      [job.id, job.attempts, change.error.slice(0, 500)],
    );
  } else if (change.status === "pending") {
    await tx.query(
      `update public.appointment_texts set status = 'pending', next_attempt_at = $3, last_error = $4, locked_at = null where ${fence}`,
      [job.id, job.attempts, change.retryAt, change.error.slice(0, 500)],
    );
  }
}

/** The outbound SMS of an appointment text, once per job (a retry that found an earlier attempt updates it). */
export async function recordAppointmentSms(
  tx: Tx,
  sms: {
    clinicId: string;
    appointmentTextId: string;
    to: string;
    from: string;
    body: string;
    provider: string;
    providerSid: string;
    status: string;
  },
): Promise<void> {
  await tx.query(
    `insert into public.sms_messages (clinic_id, appointment_text_id, direction, to_number, from_number, body, provider, provider_sid, status, sent_at)
     values ($1, $2, 'outbound', $3, $4, $5, $6, $7, $8, now())
     on conflict (appointment_text_id) do update set provider_sid = excluded.provider_sid, status = excluded.status, body = excluded.body, sent_at = now()`,
    [
      sms.clinicId,
      sms.appointmentTextId,
      sms.to,
      sms.from,
      sms.body.slice(0, 1600),
      sms.provider,
      sms.providerSid,
      sms.status,
    ],
  );
}

/** Any appointment text to this number is skipped once it opts out (Twilio 21610 or STOP). */
export async function skipAppointmentTextsTo(
  tx: Tx,
  clinicId: string,
  phone: string,
  reason: string,
): Promise<void> {
  await tx.query(
    `update public.appointment_texts set status = 'skipped', skip_reason = $3, locked_at = null
      where clinic_id = $1 and to_number = $2 and status = 'pending'`,
    [clinicId, phone, reason.slice(0, 200)],
  );
}

// ---- Replies ------------------------------------------------------------------------------

export interface RepliedAppointment {
  bookingId: Col<"bookings", "id">;
  status: Col<"bookings", "status">;
  startsAt: Col<"bookings", "starts_at">;
}

/**
 * The appointment the last confirmation or reminder texted to this number was about, if it is
 * still ahead, still at that time, and pending or confirmed; locked, so a reply and a move or
 * cancellation take turns.
 */
export function lastRemindedAppointment(
  tx: Tx,
  clinicId: string,
  phone: string,
): Promise<RepliedAppointment | null> {
  return tx.maybeOne<RepliedAppointment>(
    `with last as (
       select t.booking_id, t.appointment_starts_at from public.appointment_texts t
        where t.clinic_id = $1 and t.to_number = $2 and t.status = 'sent'
          and t.kind in ('confirmation', 'reminder_24h', 'reminder_2h')
        order by t.sent_at desc limit 1)
     select b.id as "bookingId", b.status, b.starts_at as "startsAt"
       from last join public.bookings b on b.id = last.booking_id
      where b.starts_at = last.appointment_starts_at and b.starts_at > now()
        and b.status in ('pending', 'confirmed')
      for update of b`,
    [clinicId, phone],
  );
}

/**
 * Whether this number has opted out of the clinic's texts (sms_opt_outs, compared by keyed hash so
 * a number whose data was erased stays opted out).
 */
export async function isOptedOut(tx: Tx, clinicId: string, phone: string): Promise<boolean> {
  const row = await tx.one<{ optedOut: boolean }>(
    `select public.sms_opted_out($1, $2) as "optedOut"`,
    [clinicId, phone],
  );
  return row.optedOut;
}

/** A patient's "1"/YES confirms a pending appointment (the status trigger stamps and audits it). */
export async function confirmByReply(tx: Tx, bookingId: string): Promise<boolean> {
  const rows = await tx.query(
    "update public.bookings set status = 'confirmed' where id = $1 and status = 'pending' returning id",
    [bookingId],
  );
  return rows.length > 0;
}

/** The answer to a reply, owed once per inbound text (inbound_sid is unique). */
export async function enqueueReplyText(
  tx: Tx,
  input: {
    clinicId: string;
    bookingId: string;
    kind: "reply_confirmed" | "reply_manage_link";
    to: string;
    inboundSid: string | null;
  },
): Promise<boolean> {
  const rows = await tx.query(
    `insert into public.appointment_texts (clinic_id, booking_id, kind, appointment_starts_at, to_number, inbound_sid, due_by)
     select b.clinic_id, b.id, $3, b.starts_at, $4, $5, least(now() + interval '15 minutes', b.starts_at)
       from public.bookings b where b.id = $1 and b.clinic_id = $2
     on conflict (inbound_sid) do nothing returning id`,
    [input.bookingId, input.clinicId, input.kind, input.to, input.inboundSid],
  );
  return rows.length > 0;
}

/**
 * A manage link asked for on a call, to the number on file for the appointment: planned in the
 * call's transaction (a rolled-back webhook plans nothing) and sent once by the worker.
 */
export async function enqueueCallManageLink(
  tx: Tx,
  input: { clinicId: string; bookingId: string },
): Promise<boolean> {
  const rows = await tx.query(
    `insert into public.appointment_texts (clinic_id, booking_id, kind, appointment_starts_at, to_number, due_by)
     select b.clinic_id, b.id, 'call_manage_link', b.starts_at, b.patient_phone, least(now() + interval '15 minutes', b.starts_at)
       from public.bookings b where b.id = $1 and b.clinic_id = $2 and b.patient_phone is not null
     returning id`,
    [input.bookingId, input.clinicId],
  );
  return rows.length > 0;
}

// ---- Calendar -----------------------------------------------------------------------------

export interface CalendarAppointment {
  id: Col<"bookings", "id">;
  status: Col<"bookings", "status">;
  startsAt: Col<"bookings", "starts_at">;
  endsAt: Col<"bookings", "ends_at">;
  updatedAt: Col<"bookings", "updated_at">;
  clinicName: Col<"clinics", "name">;
  /** The clinic's number, else its front desk's (a clinic being set up has no number yet). */
  clinicPhone: Col<"clinics", "phone_number">;
  /** Its numbers are written in the clinic's national format (lib/format). */
  locale: Col<"clinics", "locale">;
  practitioner: Outer<Col<"practitioners", "name">>;
  appointmentType: Outer<Col<"appointment_types", "name">>;
}

/** What an add-to-calendar file needs about one appointment of this clinic. */
export function getCalendarAppointment(
  tx: Tx,
  clinicId: string,
  bookingId: string,
): Promise<CalendarAppointment | null> {
  return tx.maybeOne<CalendarAppointment>(
    `select b.id, b.status, b.starts_at as "startsAt", b.ends_at as "endsAt", b.updated_at as "updatedAt",
            c.name as "clinicName", coalesce(c.phone_number, c.front_desk_number) as "clinicPhone", c.locale, p.name as practitioner, t.name as "appointmentType"
       from public.bookings b
       join public.clinics c on c.id = b.clinic_id
       left join public.practitioners p on p.id = b.practitioner_id
       left join public.appointment_types t on t.id = b.appointment_type_id
      where b.id = $1 and b.clinic_id = $2`,
    [bookingId, clinicId],
  );
}

// ---- Insights -----------------------------------------------------------------------------

/** Appointments that happened or were missed, and how many were no-shows (counts, in SQL). */
export interface NoShowGroup {
  appointments: number;
  noShows: number;
}

/**
 * The effect of reminders: appointments starting between `from` and `to` (clinic-local dates,
 * inclusive) whose outcome is known (arrived, completed or no-show), split by whether a reminder
 * about that appointment time was sent, with the no-shows in each group.
 */
export async function reminderEffect(
  tx: Tx,
  clinicId: string,
  from: string,
  to: string,
): Promise<{ reminded: NoShowGroup; notReminded: NoShowGroup }> {
  const rows = await tx.query<NoShowGroup & { reminded: boolean }>(
    `select exists (select 1 from public.appointment_texts t
                     where t.booking_id = b.id and t.status = 'sent' and t.appointment_starts_at = b.starts_at
                       and t.kind in ('reminder_24h', 'reminder_2h')) as reminded,
            count(*)::int as appointments, count(*) filter (where b.status = 'no_show')::int as "noShows"
       from public.bookings b join public.clinics cl on cl.id = b.clinic_id
      where b.clinic_id = $1 and b.status in ('arrived', 'completed', 'no_show')
        and (b.starts_at at time zone cl.timezone)::date between $2::date and $3::date
      group by 1`,
    [clinicId, from, to],
  );
  const group = (reminded: boolean): NoShowGroup => {
    const row = rows.find((candidate) => candidate.reminded === reminded);
    return { appointments: row?.appointments ?? 0, noShows: row?.noShows ?? 0 };
  };
  return { reminded: group(true), notReminded: group(false) };
}
