import "server-only";

import type { Checked, Col } from "./rows";
import type { Tx } from "./transaction";

// Onboarding (supabase/migrations/20261201001500_onboarding.sql): creating a clinic, the facts
// the walk-through's state is derived from, and the steps an admin marks done.

/** Steps an admin marks done explicitly (onboarding_steps.step's CHECK list). */
export const MARKED_STEPS = ["details", "hours"] as const;
export type MarkedStep = (typeof MARKED_STEPS)[number];

/** Creates a clinic as the signed-in person (public.create_clinic), who becomes its admin. */
export async function createClinic(
  tx: Tx,
  input: {
    name: string;
    timezone: string;
    frontDeskNumber: string | null;
    /** Left out: derived from the time zone and front desk number (in SQL). */
    locale?: string;
    currency?: string;
  },
): Promise<string> {
  const row = await tx.one<{ id: string }>(
    "select public.create_clinic($1, $2, $3, $4, $5) as id", // function result: uuid
    [
      input.name,
      input.timezone,
      input.frontDeskNumber,
      input.locale ?? null,
      input.currency ?? null,
    ],
  );
  return row.id;
}

export interface OnboardingFacts {
  name: Col<"clinics", "name">;
  timezone: Col<"clinics", "timezone">;
  locale: Col<"clinics", "locale">;
  currency: Col<"clinics", "currency">;
  frontDeskNumber: Col<"clinics", "front_desk_number">;
  phoneNumber: Col<"clinics", "phone_number">;
  vapiPhoneNumberId: Col<"clinics", "vapi_phone_number_id">;
  vapiNumberSyncedAt: Col<"clinics", "vapi_number_synced_at">;
  vapiNumberError: Col<"clinics", "vapi_number_error">;
  vapiAssistantId: Col<"clinics", "vapi_assistant_id">;
  /** Counts (computed). */
  openingIntervals: number;
  closures: number;
  procedures: number;
  appointmentTypes: number;
  /** Active practitioners with weekly hours who perform at least one active appointment type. */
  readyPractitioners: number;
  practitioners: number;
  calls: number;
  lastCall: { id: string; state: string; startedAt: string | null; createdAt: string } | null;
  marked: Checked<Col<"onboarding_steps", "step">, MarkedStep>[];
}

/** What the walk-through's state is derived from; null when the clinic is not visible (RLS). */
export function loadOnboardingFacts(tx: Tx, clinicId: string): Promise<OnboardingFacts | null> {
  return tx.maybeOne<OnboardingFacts>(
    `select c.name, c.timezone, c.locale, c.currency, c.front_desk_number as "frontDeskNumber",
            c.phone_number as "phoneNumber", c.vapi_phone_number_id as "vapiPhoneNumberId",
            c.vapi_number_synced_at as "vapiNumberSyncedAt", c.vapi_number_error as "vapiNumberError",
            c.vapi_assistant_id as "vapiAssistantId",
            (select count(*)::int from public.opening_hours o where o.clinic_id = c.id) as "openingIntervals",
            (select count(*)::int from public.clinic_closures x where x.clinic_id = c.id) as "closures",
            (select count(*)::int from public.procedures p where p.clinic_id = c.id and p.active) as "procedures",
            (select count(*)::int from public.appointment_types t
              where t.clinic_id = c.id and t.active) as "appointmentTypes",
            (select count(*)::int from public.practitioners pr where pr.clinic_id = c.id and pr.active) as "practitioners",
            (select count(*)::int from public.practitioners pr
              where pr.clinic_id = c.id and pr.active
                and exists (select 1 from public.working_hours w where w.practitioner_id = pr.id)
                and exists (select 1 from public.appointment_type_practitioners tp
                              join public.appointment_types t on t.id = tp.appointment_type_id and t.active
                             where tp.practitioner_id = pr.id)) as "readyPractitioners",
            (select count(*)::int from public.calls k where k.clinic_id = c.id) as "calls",
            (select json_build_object('id', k.id, 'state', k.state, 'startedAt', k.started_at,
                                      'createdAt', k.created_at)
               from public.calls k where k.clinic_id = c.id
              order by k.created_at desc limit 1) as "lastCall",
            coalesce((select array_agg(s.step order by s.step) from public.onboarding_steps s
                       where s.clinic_id = c.id), '{}') as "marked"
       from public.clinics c where c.id = $1`,
    [clinicId],
  );
}

/** Marks a step done (admins, by RLS); marking it twice changes nothing. */
export async function markStep(tx: Tx, clinicId: string, step: MarkedStep): Promise<void> {
  await tx.query(
    `insert into public.onboarding_steps (clinic_id, step, completed_by)
     values ($1, $2, (select auth.uid())) on conflict (clinic_id, step) do nothing`,
    [clinicId, step],
  );
}

/**
 * Changes the clinic's details (admins, by RLS: false when not theirs); a locale or currency
 * left out stays as it is.
 */
export async function updateClinicDetails(
  tx: Tx,
  clinicId: string,
  input: {
    name: string;
    timezone: string;
    frontDeskNumber: string | null;
    locale?: string;
    currency?: string;
  },
): Promise<boolean> {
  const rows = await tx.query(
    `update public.clinics
        set name = $2, timezone = $3, front_desk_number = $4,
            locale = coalesce($5, locale), currency = coalesce($6, currency)
      where id = $1 returning id`,
    [
      clinicId,
      input.name,
      input.timezone,
      input.frontDeskNumber,
      input.locale ?? null,
      input.currency ?? null,
    ],
  );
  return rows.length > 0;
}

/**
 * Sets the clinic's Twilio number (admins, by RLS: false when not theirs). A different number
 * than before forgets the Vapi import's result, so the walk-through asks to connect it again.
 */
export async function setClinicNumber(
  tx: Tx,
  clinicId: string,
  phoneNumber: string,
): Promise<boolean> {
  const rows = await tx.query(
    `update public.clinics
        set vapi_number_synced_at = case when phone_number is distinct from $2 then null
                                         else vapi_number_synced_at end,
            phone_number = $2
      where id = $1 returning id`,
    [clinicId, phoneNumber],
  );
  return rows.length > 0;
}

/** Lets a practitioner perform appointment types of the same clinic (composite keys refuse others). */
export async function assignPractitionerTypes(
  tx: Tx,
  clinicId: string,
  practitionerId: string,
  appointmentTypeIds: string[],
): Promise<void> {
  await tx.query(
    `insert into public.appointment_type_practitioners (clinic_id, appointment_type_id, practitioner_id)
     select $1, t, $2 from unnest($3::uuid[]) t
     on conflict do nothing`,
    [clinicId, practitionerId, appointmentTypeIds],
  );
}

/** Active procedure names of the clinic, lower case (the starter import skips those it has). */
export async function procedureNames(tx: Tx, clinicId: string): Promise<Map<string, string>> {
  const rows = await tx.query<{ id: Col<"procedures", "id">; name: Col<"procedures", "name"> }>(
    "select id, name from public.procedures where clinic_id = $1",
    [clinicId],
  );
  return new Map(rows.map((row) => [row.name.toLowerCase(), row.id]));
}

/** Whether the signed-in person is an admin of the clinic. */
export async function isClinicAdmin(tx: Tx, clinicId: string): Promise<boolean> {
  const row = await tx.one<{ admin: boolean }>(
    "select $1::uuid = any ((select private.admin_clinic_ids())::uuid[]) as admin", // computed
    [clinicId],
  );
  return row.admin;
}
