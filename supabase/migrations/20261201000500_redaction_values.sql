-- Redaction (issue 17): a keyword rule can also remove the value said after the keyword
-- ("my patient portal password is hunter2" -> "my [CUSTOM] is [CUSTOM]"), which is what a
-- credential keyword is for: the keyword alone was removed and the secret stored. Existing
-- rules whose keyword names a credential get it switched on; others keep their behaviour.

alter table public.redaction_rules
  add column redact_following boolean not null default false;
comment on column public.redaction_rules.redact_following is 'keyword rules: also remove the value said after the keyword (the next word, number or phrase, up to a pause).';

alter table public.redaction_rules
  add constraint redaction_rules_following_keyword check (not redact_following or kind = 'keyword');

update public.redaction_rules
   set redact_following = true
 where kind = 'keyword'
   and value ~* '(password|passcode|pass code|pin|security code|secret|code word|codeword|memorable word|security answer|login|username|user name)';
