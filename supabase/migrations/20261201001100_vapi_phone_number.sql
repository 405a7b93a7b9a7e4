-- The clinic's Twilio number imported into Vapi (issue 18, failover): the Vapi phone number's
-- id, so importing again updates it instead of adding a second one, and what the last import
-- did, for Hours and on-call ("Connect number to Vapi"): when it last succeeded, the fallback
-- destination Vapi then had (the front desk, dialled when our server cannot answer a call), and
-- the last attempt's error in words (null when it succeeded). Written by the service side only
-- (lib/vapi/phone-number-service.ts); members read them with the rest of the clinic's row.
alter table public.clinics
  add column vapi_phone_number_id text check (length(vapi_phone_number_id) between 1 and 100),
  add column vapi_number_attempted_at timestamptz,
  add column vapi_number_synced_at timestamptz,
  add column vapi_number_fallback text,
  add column vapi_number_error text check (length(vapi_number_error) <= 500);
comment on column public.clinics.vapi_phone_number_id is 'Id of the clinic''s number in Vapi (phoneNumbers.create), once imported; later imports update it.';
comment on column public.clinics.vapi_number_attempted_at is 'When the number was last pushed to Vapi, successfully or not.';
comment on column public.clinics.vapi_number_synced_at is 'When the number was last pushed to Vapi successfully.';
comment on column public.clinics.vapi_number_fallback is 'The fallbackDestination number Vapi had after the last successful push (null: none).';
comment on column public.clinics.vapi_number_error is 'Why the last push failed, in words (null when it succeeded or never ran).';
