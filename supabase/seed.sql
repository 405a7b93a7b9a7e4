-- Demo data: "Harbour Aesthetics" (the clinic in every demo and test) and a second clinic,
-- so switching between clinics can be seen. Idempotent: safe to run on every boot.
-- Aftercare PDFs are stored, and their rows written, by `npm run db:seed` (scripts/db.ts),
-- since a file and its row must appear together.
--
-- Staff accounts (embedded default sign-in; on Supabase create them in Auth instead):
--   admin@harbour-aesthetics.test        / harbour-admin-2026   admin of both clinics
--   reception@harbour-aesthetics.test    / harbour-front-2026   receptionist at Harbour

-- Harbour writes dates, numbers and prices the American way (en-US, dollars); Marlow, in London,
-- the British way (en-GB, pounds): lib/format.
insert into public.clinics (id, slug, name, timezone, locale, currency, phone_number,
                            front_desk_number, settings)
values
  ('c1a1c000-0000-4000-8000-000000000001', 'harbour-aesthetics', 'Harbour Aesthetics',
   'America/New_York', 'en-US', 'USD', '+15555550199', '+15555550100',
   '{"slot_minutes": 30,
     "hours": {"mon": ["09:00", "17:00"], "tue": ["09:00", "17:00"], "wed": ["09:00", "17:00"],
               "thu": ["09:00", "19:00"], "fri": ["09:00", "17:00"], "sat": ["10:00", "14:00"]},
     "booking_rules": "Surgery and laser resurfacing start with a consultation with the practitioner who will treat the patient. Anti-wrinkle injections and HydraFacials can be booked directly."}'),
  ('c1a1c000-0000-4000-8000-000000000002', 'marlow-skin', 'Marlow Skin & Laser',
   'Europe/London', 'en-GB', 'GBP', '+15555550142', null,
   '{"slot_minutes": 30,
     "hours": {"mon": ["10:00", "18:00"], "wed": ["10:00", "18:00"], "fri": ["10:00", "16:00"]}}')
on conflict (id) do nothing;

insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
                        confirmation_token, recovery_token, email_change_token_new, email_change,
                        raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
values
  ('00000000-0000-0000-0000-000000000000', 'a11ce000-0000-4000-8000-000000000001', 'authenticated',
   'authenticated', 'admin@harbour-aesthetics.test',
   extensions.crypt('harbour-admin-2026', extensions.gen_salt('bf')), now(), '', '', '', '',
   '{"provider": "email", "providers": ["email"]}', '{"full_name": "Olivia Grant"}', now(), now()),
  ('00000000-0000-0000-0000-000000000000', 'a11ce000-0000-4000-8000-000000000002', 'authenticated',
   'authenticated', 'reception@harbour-aesthetics.test',
   extensions.crypt('harbour-front-2026', extensions.gen_salt('bf')), now(), '', '', '', '',
   '{"provider": "email", "providers": ["email"]}', '{"full_name": "Sam Patel"}', now(), now())
on conflict (id) do nothing;

insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
select u.id::text, u.id, jsonb_build_object('sub', u.id::text, 'email', u.email, 'email_verified', true),
       'email', now(), now()
from auth.users u
where u.id in ('a11ce000-0000-4000-8000-000000000001', 'a11ce000-0000-4000-8000-000000000002')
on conflict (provider_id, provider) do nothing;

insert into public.clinic_members (clinic_id, user_id, role, display_name)
values
  ('c1a1c000-0000-4000-8000-000000000001', 'a11ce000-0000-4000-8000-000000000001', 'admin', 'Olivia Grant'),
  ('c1a1c000-0000-4000-8000-000000000001', 'a11ce000-0000-4000-8000-000000000002', 'receptionist', 'Sam Patel'),
  ('c1a1c000-0000-4000-8000-000000000002', 'a11ce000-0000-4000-8000-000000000001', 'admin', 'Olivia Grant')
on conflict do nothing;

insert into public.practitioners (id, clinic_id, name, title)
values
  ('9a000000-0000-4000-8000-000000000001', 'c1a1c000-0000-4000-8000-000000000001',
   'Dr Amara Okafor', 'Consultant plastic surgeon'),
  ('9a000000-0000-4000-8000-000000000002', 'c1a1c000-0000-4000-8000-000000000001',
   'Dr James Whitfield', 'Facial plastic surgeon'),
  ('9a000000-0000-4000-8000-000000000003', 'c1a1c000-0000-4000-8000-000000000002',
   'Dr Priya Raman', 'Consultant dermatologist'),
  ('9a000000-0000-4000-8000-000000000004', 'c1a1c000-0000-4000-8000-000000000001',
   'Nurse Chloe Bennett', 'Aesthetic nurse injector'),
  ('9a000000-0000-4000-8000-000000000005', 'c1a1c000-0000-4000-8000-000000000001',
   'Maya Lopez', 'Aesthetician')
on conflict (id) do nothing;

insert into public.procedures (id, clinic_id, name, synonyms, duration_minutes, description, sort_order)
values
  ('7c000000-0000-4000-8000-000000000001', 'c1a1c000-0000-4000-8000-000000000001', 'Facelift',
   '{"face lift","face-lift","rhytidectomy","lower facelift","mini facelift","neck lift"}', 240,
   'Surgery that lifts and tightens the lower face and neck for a natural, rested look.', 1),
  ('7c000000-0000-4000-8000-000000000002', 'c1a1c000-0000-4000-8000-000000000001', 'Rhinoplasty',
   '{"nose job","nose surgery","nose reshaping","septorhinoplasty"}', 180,
   'Surgery to reshape the nose, for appearance, breathing, or both.', 2),
  ('7c000000-0000-4000-8000-000000000003', 'c1a1c000-0000-4000-8000-000000000001', 'Blepharoplasty',
   '{"eyelid surgery","eye lift","eyelid lift","eye bags"}', 120,
   'Eyelid surgery that removes excess skin or fat from the upper or lower lids.', 3),
  ('7c000000-0000-4000-8000-000000000004', 'c1a1c000-0000-4000-8000-000000000001', 'Botox',
   '{"botox","anti-wrinkle injections","wrinkle relaxer","botulinum toxin","tox"}', 30,
   'Anti-wrinkle injections that soften frown lines, forehead lines and crow''s feet.', 4),
  ('7c000000-0000-4000-8000-000000000005', 'c1a1c000-0000-4000-8000-000000000001', 'Tummy tuck',
   '{"abdominoplasty","tummy tuck","stomach tuck","mini tummy tuck"}', 180,
   'Surgery that removes loose skin and tightens the abdominal muscles.', 5),
  ('7c000000-0000-4000-8000-000000000006', 'c1a1c000-0000-4000-8000-000000000001', 'Breast augmentation',
   '{"boob job","breast implants","breast enlargement","augmentation mammoplasty"}', 120,
   'Surgery to increase breast size or restore volume, usually with implants.', 6),
  ('7c000000-0000-4000-8000-000000000007', 'c1a1c000-0000-4000-8000-000000000001', 'HydraFacial',
   '{"hydra facial","hydrafacial","hydra-facial","facial","deep cleansing facial"}', 45,
   'A cleansing, exfoliating and hydrating facial with no downtime.', 7),
  ('7c000000-0000-4000-8000-000000000008', 'c1a1c000-0000-4000-8000-000000000001', 'Laser resurfacing',
   '{"laser facial","fractional laser","co2 laser","laser skin resurfacing"}', 60,
   'Laser treatment that improves skin texture, fine lines and pigmentation.', 8),
  ('7c000000-0000-4000-8000-000000000011', 'c1a1c000-0000-4000-8000-000000000002', 'Laser resurfacing',
   '{"laser facial","fractional laser","co2 laser"}', 60,
   'Laser treatment that improves skin texture, fine lines and pigmentation.', 1),
  ('7c000000-0000-4000-8000-000000000012', 'c1a1c000-0000-4000-8000-000000000002', 'Botox',
   '{"anti-wrinkle injections","wrinkle relaxer"}', 30,
   'Anti-wrinkle injections for expression lines.', 2)
on conflict (id) do nothing;

insert into public.procedure_knowledge (clinic_id, procedure_id, topic, question, answer)
select 'c1a1c000-0000-4000-8000-000000000001', p.id, k.topic, k.question, k.answer
from (values
  ('7c000000-0000-4000-8000-000000000001', 'recovery', 'How long is the recovery after a facelift?',
   'Most patients are back to light activities in about two weeks; bruising and swelling settle over two to three weeks, and the final result shows at around three months.'),
  ('7c000000-0000-4000-8000-000000000001', 'candidacy', 'Am I a good candidate for a facelift?',
   'Good candidates are in good general health, do not smoke, and are bothered by loose skin of the lower face or neck. The surgeon confirms suitability at a consultation.'),
  ('7c000000-0000-4000-8000-000000000001', 'price', 'How much does a facelift cost?',
   'A facelift at Harbour Aesthetics typically ranges from 12,000 to 18,000 dollars including the surgeon, anaesthesia and facility. An exact quote is given after the consultation.'),
  ('7c000000-0000-4000-8000-000000000002', 'recovery', 'What is the recovery time for a nose job?',
   'The splint comes off after about a week; most people return to work in one to two weeks. Swelling fades gradually over several months.'),
  ('7c000000-0000-4000-8000-000000000002', 'price', 'How much is rhinoplasty?',
   'Rhinoplasty typically ranges from 8,000 to 12,000 dollars depending on complexity. The consultation fee is credited if you go ahead.'),
  ('7c000000-0000-4000-8000-000000000003', 'recovery', 'How long does eyelid surgery take to heal?',
   'Stitches come out after about five days; most bruising settles in ten to fourteen days.'),
  ('7c000000-0000-4000-8000-000000000004', 'general', 'How long does Botox last?',
   'Results appear within three to seven days and usually last three to four months.'),
  ('7c000000-0000-4000-8000-000000000004', 'price', 'How much does Botox cost?',
   'Botox is priced per area, typically 300 to 450 dollars per area.'),
  ('7c000000-0000-4000-8000-000000000005', 'recovery', 'How long is tummy tuck recovery?',
   'Plan for two to three weeks off work and no heavy lifting for six weeks.'),
  ('7c000000-0000-4000-8000-000000000006', 'recovery', 'What is recovery like after breast augmentation?',
   'Most patients return to desk work within a week and to exercise after about six weeks.')
) as k (procedure_id, topic, question, answer)
join public.procedures p on p.id = k.procedure_id::uuid
where not exists (
  select 1 from public.procedure_knowledge e where e.procedure_id = p.id and e.question = k.question
);

insert into public.redaction_rules (clinic_id, kind, value, category, description, redact_following)
select c.id, r.kind, r.value, r.category, r.description, r.following
from public.clinics c
cross join (values
  ('pattern', '\bHA[- ]?[0-9]{6}\b', 'ID', 'Harbour patient record numbers, e.g. HA-204518.', false),
  ('keyword', 'semaglutide', 'MEDICAL', 'Weight-loss medication callers mention before body procedures.', false),
  ('keyword', 'Mounjaro', 'MEDICAL', 'Weight-loss medication brand name.', false),
  ('keyword', 'gastric sleeve', 'MEDICAL', 'Prior bariatric surgery.', false),
  ('keyword', 'patient portal password', 'CUSTOM', 'Callers sometimes read out portal credentials: the password that follows goes too.', true)
) as r (kind, value, category, description, following)
where c.id in ('c1a1c000-0000-4000-8000-000000000001', 'c1a1c000-0000-4000-8000-000000000002')
on conflict do nothing;

-- The diary (docs/diary.md). Harbour: two surgeons, a nurse injector and an aesthetician with
-- different hours (several intervals a day); a treatment room, a laser suite and a theatre; a
-- consultation (and where it applies a treatment or surgery) for each procedure; Christmas Day
-- closed. Marlow: one dermatologist, a laser, two procedures. Every insert is skipped when its row
-- (or, for hours, the practitioner's week) exists, so what an admin changed stays changed.
insert into public.resources (id, clinic_id, name, kind)
values
  ('5e000000-0000-4000-8000-000000000001', 'c1a1c000-0000-4000-8000-000000000001', 'Treatment room', 'room'),
  ('5e000000-0000-4000-8000-000000000002', 'c1a1c000-0000-4000-8000-000000000001', 'Laser suite', 'room'),
  ('5e000000-0000-4000-8000-000000000003', 'c1a1c000-0000-4000-8000-000000000001', 'Theatre 1', 'room'),
  ('5e000000-0000-4000-8000-000000000011', 'c1a1c000-0000-4000-8000-000000000002', 'Fractional laser', 'device')
on conflict do nothing;

insert into public.appointment_types (id, clinic_id, procedure_id, kind, name, duration_minutes,
                                      buffer_before_minutes, buffer_after_minutes, resource_id,
                                      requires_consultation, confirmation)
values
  ('7e000000-0000-4000-8000-000000000001', 'c1a1c000-0000-4000-8000-000000000001', '7c000000-0000-4000-8000-000000000001',
   'consultation', 'Facelift consultation', 60, 0, 10, null, false, 'staff'),
  ('7e000000-0000-4000-8000-000000000002', 'c1a1c000-0000-4000-8000-000000000001', '7c000000-0000-4000-8000-000000000001',
   'surgery', 'Facelift surgery', 240, 30, 30, '5e000000-0000-4000-8000-000000000003', true, 'staff'),
  ('7e000000-0000-4000-8000-000000000003', 'c1a1c000-0000-4000-8000-000000000001', '7c000000-0000-4000-8000-000000000002',
   'consultation', 'Rhinoplasty consultation', 45, 0, 10, null, false, 'staff'),
  ('7e000000-0000-4000-8000-000000000004', 'c1a1c000-0000-4000-8000-000000000001', '7c000000-0000-4000-8000-000000000002',
   'surgery', 'Rhinoplasty surgery', 180, 30, 30, '5e000000-0000-4000-8000-000000000003', true, 'staff'),
  ('7e000000-0000-4000-8000-000000000005', 'c1a1c000-0000-4000-8000-000000000001', '7c000000-0000-4000-8000-000000000003',
   'consultation', 'Eyelid surgery consultation', 30, 0, 10, null, false, 'staff'),
  ('7e000000-0000-4000-8000-000000000006', 'c1a1c000-0000-4000-8000-000000000001', '7c000000-0000-4000-8000-000000000004',
   'treatment', 'Anti-wrinkle injections', 20, 0, 10, '5e000000-0000-4000-8000-000000000001', false, 'instant'),
  ('7e000000-0000-4000-8000-000000000007', 'c1a1c000-0000-4000-8000-000000000001', '7c000000-0000-4000-8000-000000000005',
   'consultation', 'Tummy tuck consultation', 45, 0, 10, null, false, 'staff'),
  ('7e000000-0000-4000-8000-000000000008', 'c1a1c000-0000-4000-8000-000000000001', '7c000000-0000-4000-8000-000000000006',
   'consultation', 'Breast augmentation consultation', 45, 0, 10, null, false, 'staff'),
  ('7e000000-0000-4000-8000-000000000009', 'c1a1c000-0000-4000-8000-000000000001', '7c000000-0000-4000-8000-000000000007',
   'treatment', 'HydraFacial', 45, 0, 15, '5e000000-0000-4000-8000-000000000001', false, 'instant'),
  ('7e000000-0000-4000-8000-000000000010', 'c1a1c000-0000-4000-8000-000000000001', '7c000000-0000-4000-8000-000000000008',
   'consultation', 'Laser resurfacing consultation', 30, 0, 0, null, false, 'staff'),
  ('7e000000-0000-4000-8000-000000000011', 'c1a1c000-0000-4000-8000-000000000001', '7c000000-0000-4000-8000-000000000008',
   'treatment', 'Laser resurfacing', 60, 10, 15, '5e000000-0000-4000-8000-000000000002', true, 'staff'),
  ('7e000000-0000-4000-8000-000000000021', 'c1a1c000-0000-4000-8000-000000000002', '7c000000-0000-4000-8000-000000000011',
   'consultation', 'Laser resurfacing consultation', 30, 0, 0, null, false, 'staff'),
  ('7e000000-0000-4000-8000-000000000022', 'c1a1c000-0000-4000-8000-000000000002', '7c000000-0000-4000-8000-000000000011',
   'treatment', 'Laser resurfacing', 60, 10, 15, '5e000000-0000-4000-8000-000000000011', true, 'staff'),
  ('7e000000-0000-4000-8000-000000000023', 'c1a1c000-0000-4000-8000-000000000002', '7c000000-0000-4000-8000-000000000012',
   'treatment', 'Anti-wrinkle injections', 20, 0, 10, null, false, 'instant')
on conflict do nothing;

insert into public.appointment_type_practitioners (clinic_id, appointment_type_id, practitioner_id)
select t.clinic_id, t.id, a.practitioner_id::uuid
from (values
  ('7e000000-0000-4000-8000-000000000001', '9a000000-0000-4000-8000-000000000001'),
  ('7e000000-0000-4000-8000-000000000001', '9a000000-0000-4000-8000-000000000002'),
  ('7e000000-0000-4000-8000-000000000002', '9a000000-0000-4000-8000-000000000001'),
  ('7e000000-0000-4000-8000-000000000003', '9a000000-0000-4000-8000-000000000002'),
  ('7e000000-0000-4000-8000-000000000004', '9a000000-0000-4000-8000-000000000002'),
  ('7e000000-0000-4000-8000-000000000005', '9a000000-0000-4000-8000-000000000001'),
  ('7e000000-0000-4000-8000-000000000005', '9a000000-0000-4000-8000-000000000002'),
  ('7e000000-0000-4000-8000-000000000006', '9a000000-0000-4000-8000-000000000004'),
  ('7e000000-0000-4000-8000-000000000007', '9a000000-0000-4000-8000-000000000001'),
  ('7e000000-0000-4000-8000-000000000008', '9a000000-0000-4000-8000-000000000001'),
  ('7e000000-0000-4000-8000-000000000009', '9a000000-0000-4000-8000-000000000005'),
  ('7e000000-0000-4000-8000-000000000010', '9a000000-0000-4000-8000-000000000004'),
  ('7e000000-0000-4000-8000-000000000010', '9a000000-0000-4000-8000-000000000005'),
  ('7e000000-0000-4000-8000-000000000011', '9a000000-0000-4000-8000-000000000005'),
  ('7e000000-0000-4000-8000-000000000021', '9a000000-0000-4000-8000-000000000003'),
  ('7e000000-0000-4000-8000-000000000022', '9a000000-0000-4000-8000-000000000003'),
  ('7e000000-0000-4000-8000-000000000023', '9a000000-0000-4000-8000-000000000003')
) as a (type_id, practitioner_id)
join public.appointment_types t on t.id = a.type_id::uuid
on conflict do nothing;

-- Weekly hours (clinic-local), only for a practitioner who has none yet.
insert into public.working_hours (clinic_id, practitioner_id, weekday, opens, closes)
select p.clinic_id, p.id, h.weekday, h.opens::time, h.closes::time
from (values
  -- Dr Okafor: consultations Mon/Wed, surgery days Thu/Fri.
  ('9a000000-0000-4000-8000-000000000001', 1, '09:00', '13:00'), ('9a000000-0000-4000-8000-000000000001', 1, '14:00', '17:00'),
  ('9a000000-0000-4000-8000-000000000001', 3, '09:00', '13:00'), ('9a000000-0000-4000-8000-000000000001', 3, '14:00', '17:00'),
  ('9a000000-0000-4000-8000-000000000001', 4, '08:00', '13:00'), ('9a000000-0000-4000-8000-000000000001', 4, '13:30', '18:00'),
  ('9a000000-0000-4000-8000-000000000001', 5, '08:00', '12:30'), ('9a000000-0000-4000-8000-000000000001', 5, '13:30', '17:00'),
  -- Dr Whitfield: Tue/Thu long days, Saturday mornings.
  ('9a000000-0000-4000-8000-000000000002', 2, '09:00', '13:00'), ('9a000000-0000-4000-8000-000000000002', 2, '14:00', '19:00'),
  ('9a000000-0000-4000-8000-000000000002', 4, '09:00', '13:00'), ('9a000000-0000-4000-8000-000000000002', 4, '14:00', '19:00'),
  ('9a000000-0000-4000-8000-000000000002', 6, '10:00', '14:00'),
  -- Nurse Bennett: weekdays from 10:00 into the evening, Saturdays.
  ('9a000000-0000-4000-8000-000000000004', 1, '10:00', '13:00'), ('9a000000-0000-4000-8000-000000000004', 1, '14:00', '19:00'),
  ('9a000000-0000-4000-8000-000000000004', 2, '10:00', '13:00'), ('9a000000-0000-4000-8000-000000000004', 2, '14:00', '19:00'),
  ('9a000000-0000-4000-8000-000000000004', 3, '10:00', '13:00'), ('9a000000-0000-4000-8000-000000000004', 3, '14:00', '19:00'),
  ('9a000000-0000-4000-8000-000000000004', 4, '10:00', '13:00'), ('9a000000-0000-4000-8000-000000000004', 4, '14:00', '19:00'),
  ('9a000000-0000-4000-8000-000000000004', 5, '10:00', '13:00'), ('9a000000-0000-4000-8000-000000000004', 5, '14:00', '17:00'),
  ('9a000000-0000-4000-8000-000000000004', 6, '10:00', '14:00'),
  -- Maya Lopez: Tuesday to Saturday.
  ('9a000000-0000-4000-8000-000000000005', 2, '09:00', '12:30'), ('9a000000-0000-4000-8000-000000000005', 2, '13:30', '17:30'),
  ('9a000000-0000-4000-8000-000000000005', 3, '09:00', '12:30'), ('9a000000-0000-4000-8000-000000000005', 3, '13:30', '17:30'),
  ('9a000000-0000-4000-8000-000000000005', 4, '09:00', '12:30'), ('9a000000-0000-4000-8000-000000000005', 4, '13:30', '17:30'),
  ('9a000000-0000-4000-8000-000000000005', 5, '09:00', '12:30'), ('9a000000-0000-4000-8000-000000000005', 5, '13:30', '17:30'),
  ('9a000000-0000-4000-8000-000000000005', 6, '09:00', '14:00'),
  -- Dr Raman (Marlow): Mon/Wed with a lunch break, Friday.
  ('9a000000-0000-4000-8000-000000000003', 1, '10:00', '13:00'), ('9a000000-0000-4000-8000-000000000003', 1, '14:00', '18:00'),
  ('9a000000-0000-4000-8000-000000000003', 3, '10:00', '13:00'), ('9a000000-0000-4000-8000-000000000003', 3, '14:00', '18:00'),
  ('9a000000-0000-4000-8000-000000000003', 5, '10:00', '16:00')
) as h (practitioner_id, weekday, opens, closes)
join public.practitioners p on p.id = h.practitioner_id::uuid
where not exists (select 1 from public.working_hours w where w.practitioner_id = p.id);

-- When the front desk answers (clinic-local), only for a clinic that has no opening hours yet.
-- Marlow closes for lunch: several intervals a day.
insert into public.opening_hours (clinic_id, weekday, opens, closes)
select h.clinic_id::uuid, h.weekday, h.opens::time, h.closes::time
from (values
  ('c1a1c000-0000-4000-8000-000000000001', 1, '08:30', '18:00'), ('c1a1c000-0000-4000-8000-000000000001', 2, '08:30', '18:00'),
  ('c1a1c000-0000-4000-8000-000000000001', 3, '08:30', '18:00'), ('c1a1c000-0000-4000-8000-000000000001', 4, '08:30', '19:30'),
  ('c1a1c000-0000-4000-8000-000000000001', 5, '08:30', '18:00'), ('c1a1c000-0000-4000-8000-000000000001', 6, '10:00', '14:00'),
  ('c1a1c000-0000-4000-8000-000000000002', 1, '10:00', '13:00'), ('c1a1c000-0000-4000-8000-000000000002', 1, '14:00', '18:00'),
  ('c1a1c000-0000-4000-8000-000000000002', 3, '10:00', '13:00'), ('c1a1c000-0000-4000-8000-000000000002', 3, '14:00', '18:00'),
  ('c1a1c000-0000-4000-8000-000000000002', 5, '10:00', '16:00')
) as h (clinic_id, weekday, opens, closes)
where not exists (select 1 from public.opening_hours o where o.clinic_id = h.clinic_id::uuid);

-- Closed on the coming Christmas Day (Harbour).
insert into public.clinic_closures (clinic_id, starts_on, ends_on, reason)
select 'c1a1c000-0000-4000-8000-000000000001', d, d, 'Christmas Day'
from (select make_date(extract(year from now() + interval '6 days')::int, 12, 25) as d) christmas
where not exists (select 1 from public.clinic_closures c
                  where c.clinic_id = 'c1a1c000-0000-4000-8000-000000000001' and c.starts_on = christmas.d);

-- The production guard refuses to start on a database that has had the demo seed, whose staff
-- passwords are published (lib/deployment/guard.ts).
insert into private.deployment_facts (fact) values ('demo_seeded') on conflict (fact) do nothing;
-- The demo clinics were set up before anyone walked through onboarding: their details and
-- hours count as confirmed (the live board's checklist then asks only for what is missing).
insert into public.onboarding_steps (clinic_id, step)
select c.id, s.step
from public.clinics c
cross join (values ('details'), ('hours')) as s (step)
where c.id in ('c1a1c000-0000-4000-8000-000000000001', 'c1a1c000-0000-4000-8000-000000000002')
on conflict do nothing;
