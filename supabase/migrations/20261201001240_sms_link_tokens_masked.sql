-- A patient's link (/a/<token> aftercare, /m/<token> their appointment) is a bearer secret: only
-- its hash is stored (aftercare_links, appointment_links). The text that carried it was stored
-- whole in sms_messages.body, so anyone who could read the SMS log could open the link. Now the
-- body is stored with the token masked; the text itself is sent before it is recorded, with the
-- real link. Texts in from patients are masked too (a patient may send their link back).
--
-- The outbox provider is the exception: it is the local demo's phone (SMS_PROVIDER=outbox, which
-- the production guard refuses), whose Messages page is where the demo's patient opens the link.

create or replace function private.mask_link_tokens(p_body text) returns text
language sql immutable set search_path = '' as $$
  select regexp_replace(p_body, '(https?://[^[:space:]/]+(/[^[:space:]]*)?/[am]/)[A-Za-z0-9_-]{16,}',
                        '\1[private link]', 'g');
$$;
comment on function private.mask_link_tokens(text) is 'A text with the token of every patient link (/a/<token>, /m/<token>) replaced by [private link].';

-- Security definer: it runs for whichever role writes the text (service_role, staff replies).
create or replace function private.sms_mask_link_tokens() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if new.provider <> 'outbox' then
    new.body := private.mask_link_tokens(new.body);
  end if;
  return new;
end;
$$;
revoke all on function private.mask_link_tokens(text), private.sms_mask_link_tokens() from public;

drop trigger if exists sms_messages_mask_link_tokens on public.sms_messages;
create trigger sms_messages_mask_link_tokens before insert or update of body on public.sms_messages
  for each row execute function private.sms_mask_link_tokens();

-- Texts already stored.
update public.sms_messages
   set body = private.mask_link_tokens(body)
 where provider <> 'outbox' and body <> private.mask_link_tokens(body);
