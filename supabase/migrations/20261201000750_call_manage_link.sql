-- A manage link asked for on a call (find_appointments with sendManageLink) becomes a durable
-- appointment text, planned in the call's webhook transaction and sent by the reminders worker,
-- like the answer to a "2" reply. It used to be sent from inside the webhook: a webhook
-- transaction retried after a serialization or lock conflict sent it twice, and a crash between
-- the send and its record lost the record. Now a rolled-back webhook plans nothing, and the
-- worker sends each planned text once or marks it failed.
alter table public.appointment_texts drop constraint appointment_texts_kind_check;
alter table public.appointment_texts add constraint appointment_texts_kind_check
  check (kind in ('confirmation', 'reminder_24h', 'reminder_2h', 'reply_confirmed', 'reply_manage_link', 'call_manage_link'));
comment on column public.appointment_texts.kind is 'confirmation (made or moved, with a calendar link), reminder_24h, reminder_2h, reply_confirmed (answer to "1"/YES), reply_manage_link (answer to "2") or call_manage_link (asked for on a call, texted to the number on file).';
