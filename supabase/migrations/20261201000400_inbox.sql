-- The inbox (issue 15): texts become conversations per patient. Inbound texts now keep what the
-- patient wrote (media only as a count: never fetched, never their URLs), staff reply from the
-- dashboard (each reply records who sent it), inbound texts are unread until a member of staff
-- opens the conversation (one shared inbox per clinic: read by one is read for the front desk),
-- and a text can point at the appointment it is about. Every committed change to a text is
-- announced on the clinic's private topic `clinic:<clinic_id>:inbox` (ids only), as the diary
-- does, so the inbox and the sidebar's unread count update live.

alter table public.sms_messages
  add column keyword text check (keyword in ('STOP', 'START', 'HELP')),
  add column media_count smallint not null default 0 check (media_count between 0 and 10),
  add column sent_by uuid references auth.users (id) on delete set null,
  add column reply_key uuid unique,
  add column booking_id uuid,
  add column read_at timestamptz,
  add column read_by uuid references auth.users (id) on delete set null,
  add constraint sms_messages_booking_fk foreign key (booking_id, clinic_id)
    references public.bookings (id, clinic_id) on delete set null (booking_id),
  add constraint sms_messages_read_inbound check (read_at is null or direction = 'inbound'),
  add constraint sms_messages_sent_by_outbound check (sent_by is null or direction = 'outbound');

comment on column public.sms_messages.body is 'Text as sent or received (inbound texts kept as the patient wrote them since the inbox; earlier ones hold only the keyword). Up to 1,600 characters.';
comment on column public.sms_messages.keyword is 'For an inbound text: the opt-out keyword kind it was read as (STOP, START, HELP), if any.';
comment on column public.sms_messages.media_count is 'How many pictures or files came with an inbound text (Twilio NumMedia); the media itself is never fetched or kept.';
comment on column public.sms_messages.sent_by is 'The member of staff who sent this reply from the inbox (null for automatic texts and inbound ones).';
comment on column public.sms_messages.reply_key is 'Idempotency key of a staff reply (one per press of Send), so a repeated request sends nothing twice.';
comment on column public.sms_messages.booking_id is 'The appointment this text is about, when it names one.';
comment on column public.sms_messages.read_at is 'When staff first opened the conversation after this inbound text arrived (null: unread).';
comment on column public.sms_messages.read_by is 'Who opened it.';

-- Texts the front desk has not read yet, per conversation.
create index sms_messages_unread_idx on public.sms_messages (clinic_id, patient_id)
  where direction = 'inbound' and read_at is null;

-- Before the inbox, inbound rows kept the keyword in body: carry it into keyword, and count
-- nothing received before today as unread.
update public.sms_messages
   set keyword = case when body in ('STOP', 'START', 'HELP') then body end,
       read_at = created_at
 where direction = 'inbound';

-- Staff mark a conversation read: every unread inbound text of the patient, as the person.
-- The number of texts marked, or -1 when the person is not a member of the clinic.
create or replace function public.inbox_mark_read(p_clinic_id uuid, p_patient_id uuid)
returns integer language plpgsql security definer set search_path = '' as $$
declare
  v_count integer;
begin
  if not private.require_member(p_clinic_id) then
    return -1;
  end if;
  update public.sms_messages m set read_at = now(), read_by = (select auth.uid())
   where m.clinic_id = p_clinic_id and m.patient_id = p_patient_id
     and m.direction = 'inbound' and m.read_at is null;
  get diagnostics v_count = row_count;
  return v_count;
end;
$$;

-- A staff reply, recorded before it is handed to the SMS provider (status 'queued', sent_by the
-- person), so a reply is never sent unrecorded. Outcomes: queued (the new row, to be sent),
-- duplicate (this reply_key was already recorded: its row, nothing new), forbidden, not_found
-- (no such patient in the clinic), no_number (the patient has no number to text),
-- opted_out (the number replied STOP: never texted until it replies START).
create or replace function public.inbox_record_reply(
  p_clinic_id uuid, p_patient_id uuid, p_body text, p_reply_key uuid, p_provider text
) returns table (outcome text, message_id uuid, to_number text, from_number text, opted_out_at timestamptz)
language plpgsql security definer set search_path = '' as $$
declare
  v_phone text;
  v_clinic_phone text;
  v_opted timestamptz;
  v_existing public.sms_messages;
  v_id uuid;
begin
  if not private.require_member(p_clinic_id) then
    return query select 'forbidden'::text, null::uuid, null::text, null::text, null::timestamptz;
    return;
  end if;
  select m.* into v_existing from public.sms_messages m
   where m.reply_key = p_reply_key and m.clinic_id = p_clinic_id;
  if found then
    return query select 'duplicate'::text, v_existing.id, v_existing.to_number, v_existing.from_number, null::timestamptz;
    return;
  end if;
  select p.phone into v_phone from public.patients p where p.id = p_patient_id and p.clinic_id = p_clinic_id;
  if not found then
    return query select 'not_found'::text, null::uuid, null::text, null::text, null::timestamptz;
    return;
  end if;
  select c.phone_number into v_clinic_phone from public.clinics c where c.id = p_clinic_id;
  if v_phone is null or v_phone !~ '^\+[1-9][0-9]{7,14}$' or v_clinic_phone is null then
    return query select 'no_number'::text, null::uuid, null::text, null::text, null::timestamptz;
    return;
  end if;
  select o.opted_out_at into v_opted from public.sms_opt_outs o
   where o.clinic_id = p_clinic_id and o.phone_number = v_phone;
  if found then
    return query select 'opted_out'::text, null::uuid, null::text, null::text, v_opted;
    return;
  end if;
  insert into public.sms_messages as m (clinic_id, direction, to_number, from_number, body, provider,
                                        status, sent_by, reply_key, patient_id)
  values (p_clinic_id, 'outbound', v_phone, v_clinic_phone, p_body, p_provider, 'queued',
          (select auth.uid()), p_reply_key, p_patient_id)
  on conflict (reply_key) do nothing
  returning m.id into v_id;
  if v_id is null then
    -- The same reply recorded by a concurrent request a moment ago.
    select m.* into v_existing from public.sms_messages m where m.reply_key = p_reply_key;
    return query select 'duplicate'::text, v_existing.id, v_existing.to_number, v_existing.from_number, null::timestamptz;
    return;
  end if;
  return query select 'queued'::text, v_id, v_phone, v_clinic_phone, null::timestamptz;
end;
$$;

revoke all on function public.inbox_mark_read(uuid, uuid),
  public.inbox_record_reply(uuid, uuid, text, uuid, text) from public, anon;
grant execute on function public.inbox_mark_read(uuid, uuid),
  public.inbox_record_reply(uuid, uuid, text, uuid, text) to authenticated, service_role;

-- Live updates: every text written (received, sent, a delivery status, read, linked) is
-- announced on `clinic:<clinic_id>:inbox` as inbox_change with ids only; the inbox and the
-- unread count reload what they show, through RLS. SECURITY DEFINER like the diary's broadcast.
create or replace function private.broadcast_inbox_change() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  perform realtime.send(
    jsonb_build_object('clinicId', new.clinic_id, 'messageId', new.id, 'patientId', new.patient_id,
                       'direction', new.direction),
    'inbox_change', 'clinic:' || new.clinic_id || ':inbox', true);
  return null;
end;
$$;
revoke all on function private.broadcast_inbox_change() from public;
create trigger sms_messages_broadcast after insert or update of status, read_at, booking_id, provider_sid
  on public.sms_messages for each row execute function private.broadcast_inbox_change();

create policy "clinic staff receive inbox changes" on realtime.messages for select to authenticated
  using (
    realtime.messages.extension = 'broadcast'
    and (select realtime.topic()) like 'clinic:%:inbox'
    and split_part((select realtime.topic()), ':', 2) = any ((select private.member_clinic_ids())::text[])
  );
