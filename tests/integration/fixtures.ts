import type { Client } from "pg";

/** Clinic "Northside" with its own admin and one row in every clinic-owned table. */
export const NORTHSIDE = "c1a1c000-0000-4000-8000-0000000000bb";
export const NORTHSIDE_ADMIN = "a11ce000-0000-4000-8000-0000000000bb";

export async function createNorthside(owner: Client) {
  await owner.query(
    `insert into auth.users (id, aud, role, email, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
     values ($2, 'authenticated', 'authenticated', 'admin@northside.test', '{}', '{}', now(), now())
     on conflict do nothing;
     insert into public.clinics (id, slug, name, timezone, phone_number)
     values ($1, 'northside', 'Northside Clinic', 'Europe/London', '+15555550777') on conflict do nothing;
     insert into public.clinic_members (clinic_id, user_id, role) values ($1, $2, 'admin') on conflict do nothing;`
      .replaceAll("$1", `'${NORTHSIDE}'`)
      .replaceAll("$2", `'${NORTHSIDE_ADMIN}'`),
  );
  const existing = await owner.query("select 1 from public.calls where clinic_id = $1", [
    NORTHSIDE,
  ]);
  if (existing.rowCount) return;
  await owner.query(
    `with pr as (insert into public.practitioners (clinic_id, name) values ($1, 'Dr North') returning id),
     doc as (insert into public.aftercare_documents (clinic_id, title, storage_path, file_name, size_bytes, sha256)
             values ($1, 'North Aftercare', $1 || '/aftercare/north.pdf', 'north.pdf', 10, repeat('a', 64)) returning id),
     proc as (insert into public.procedures (clinic_id, name, aftercare_document_id)
              select $1, 'Brow lift', id from doc returning id),
     know as (insert into public.procedure_knowledge (clinic_id, procedure_id, question, answer)
              select $1, id, 'Does it hurt?', 'Mildly.' from proc returning id),
     rule as (insert into public.redaction_rules (clinic_id, kind, value) values ($1, 'keyword', 'northword') returning id),
     priv as (insert into public.privacy_settings (clinic_id) values ($1) returning 1),
     invite as (insert into public.staff_invitations (clinic_id, email, role, token_hash)
                values ($1, 'new@northside.test', 'receptionist', repeat('d', 64)) returning id),
     prun as (insert into public.purge_runs (clinic_id, run_on, finished_at)
              values ($1, current_date - 1, now()) returning id),
     preq as (insert into public.privacy_requests (clinic_id, kind, actor_id, subject_hash, subject_masked)
              values ($1, 'export', 'a11ce000-0000-4000-8000-0000000000bb', repeat('a', 64), '+1•••••0123') returning id),
     call as (insert into public.calls (clinic_id, vapi_call_id, state) values ($1, 'north-call-1', 'completed') returning id),
     ev as (insert into public.call_events (clinic_id, call_id, kind, event) select $1, id, 'note', 'fixture' from call returning id),
     alog as (insert into public.access_log (clinic_id, actor_id, subject, subject_id)
              select $1, 'a11ce000-0000-4000-8000-0000000000bb', 'call', id from call returning id),
     booking as (insert into public.bookings (clinic_id, call_id, patient_name, patient_phone, practitioner_id, starts_at, ends_at)
                 select $1, call.id, 'Northside Patient', '+15555550123', pr.id, date_trunc('hour', now()) + interval '3 days',
                        date_trunc('hour', now()) + interval '3 days 30 minutes' from pr, call returning id, practitioner_id, starts_at, ends_at),
     appt as (insert into public.reservations (clinic_id, kind, practitioner_id, starts_at, ends_at, occupied, booking_id)
              select $1, 'appointment', practitioner_id, starts_at, ends_at, tstzrange(starts_at, ends_at), id from booking returning id),
     log as (insert into public.logs (clinic_id, call_id, seq, speaker, text) select $1, id, 0, 'user', 'hello [NAME]' from call returning id),
     lat as (insert into public.turn_latencies (clinic_id, call_id, turn, source, latency_ms)
             select $1, id, 0, 'speech_update', 640 from call returning id),
     ho as (insert into public.handoffs (clinic_id, call_id, final_state) select $1, id, 'completed' from call returning id),
     fu as (insert into public.follow_ups (clinic_id, call_id, handoff_id, kind, to_number, due_by)
            select $1, call.id, ho.id, 'cut_off', '+15555550123', now() + interval '5 minutes' from call, ho returning id),
     sms as (insert into public.sms_messages (clinic_id, follow_up_id, direction, to_number, from_number, body, provider)
             select $1, id, 'outbound', '+15555550123', '+15555550777', 'Hi', 'outbox' from fu returning id),
     opt as (insert into public.sms_opt_outs (clinic_id, phone_number, source) values ($1, '+15555550124', 'keyword') returning 1),
     rset as (insert into public.reminder_settings (clinic_id) values ($1) returning 1),
     mlink as (insert into public.appointment_links (clinic_id, booking_id, token_hash, expires_at)
               select $1, id, repeat('c', 64), now() + interval '3 days' from booking returning id),
     link as (insert into public.aftercare_links (clinic_id, token_hash, aftercare_document_id, expires_at)
              select $1, repeat('b', 64), id, now() + interval '14 days' from doc returning id),
     wh as (insert into public.webhook_events (source, dedupe_key, message_type, clinic_id)
            values ('vapi', 'north-1', 'status-update', $1) returning id),
     cb as (insert into public.callback_tasks (clinic_id, call_id, reason) select $1, id, 'Cut off while booking' from call returning id),
     se as (insert into public.speech_events (call_id, clinic_id, role, at) select id, $1, 'user', now() from call returning call_id),
     room as (insert into public.resources (clinic_id, name, kind) values ($1, 'North room', 'room') returning id),
     atype as (insert into public.appointment_types (clinic_id, procedure_id, kind, name, duration_minutes, resource_id)
               select $1, proc.id, 'consultation', 'Brow lift consultation', 30, room.id from proc, room returning id),
     atp as (insert into public.appointment_type_practitioners (clinic_id, appointment_type_id, practitioner_id)
             select $1, atype.id, pr.id from atype, pr returning 1),
     wh2 as (insert into public.working_hours (clinic_id, practitioner_id, weekday, opens, closes)
             select $1, id, 1, '09:00', '17:00' from pr returning id),
     ovr as (insert into public.schedule_overrides (clinic_id, practitioner_id, on_date, kind)
             select $1, id, current_date + 7, 'off' from pr returning id),
     oh as (insert into public.opening_hours (clinic_id, weekday, opens, closes)
            values ($1, 1, '09:00', '17:00') returning id),
     ohd as (insert into public.opening_hours_dates (clinic_id, on_date, opens, closes, reason)
             values ($1, current_date + 20, '09:00', '13:00', 'North half day') returning id),
     rota as (insert into public.on_call_rota (clinic_id, weekday, clinician_name, phone_number)
              values ($1, 1, 'Dr North', '+15555550188') returning id),
     clo as (insert into public.clinic_closures (clinic_id, starts_on, ends_on, reason)
             values ($1, current_date + 30, current_date + 31, 'North holiday') returning id),
     offer as (insert into public.slot_offers (clinic_id, call_id, appointment_type_id, practitioner_id, resource_id,
                                               starts_at, ends_at, occupied)
               select $1, call.id, atype.id, pr.id, room.id, date_trunc('hour', now()) + interval '4 days',
                      date_trunc('hour', now()) + interval '4 days 30 minutes',
                      tstzrange(date_trunc('hour', now()) + interval '4 days', date_trunc('hour', now()) + interval '4 days 30 minutes')
                 from call, atype, pr, room returning id),
     blk as (insert into public.reservations (clinic_id, kind, resource_id, starts_at, ends_at, occupied, reason)
             select $1, 'block', room.id, date_trunc('hour', now()) + interval '5 days', date_trunc('hour', now()) + interval '5 days 1 hour',
                    tstzrange(date_trunc('hour', now()) + interval '5 days', date_trunc('hour', now()) + interval '5 days 1 hour'), 'Room service'
               from room returning id),
     moffer as (insert into public.manage_offers (clinic_id, link_id, booking_id, practitioner_id, starts_at, ends_at, occupied)
                select $1, mlink.id, booking.id, booking.practitioner_id, booking.starts_at + interval '1 day',
                       booking.ends_at + interval '1 day', tstzrange(booking.starts_at + interval '1 day', booking.ends_at + interval '1 day')
                  from mlink, booking returning id),
     wle as (insert into public.waitlist_entries (clinic_id, booking_id, source) select $1, id, 'staff' from booking returning id),
     wlo as (insert into public.waitlist_openings (clinic_id, appointment_type_id, practitioner_id, starts_at, ends_at, occupied)
             select $1, atype.id, pr.id, date_trunc('hour', now()) + interval '6 days', date_trunc('hour', now()) + interval '6 days 30 minutes',
                    tstzrange(date_trunc('hour', now()) + interval '6 days', date_trunc('hour', now()) + interval '6 days 30 minutes')
               from atype, pr returning id),
     obs as (insert into public.onboarding_steps (clinic_id, step) values ($1, 'details')
             on conflict do nothing returning id),
     sap as (insert into public.staff_alert_preferences (clinic_id, user_id, sound)
             values ($1, 'a11ce000-0000-4000-8000-0000000000bb', true) on conflict do nothing returning 1)
     select 1`,
    [NORTHSIDE],
  );
}
