import "server-only";

import type { Checked, Col } from "./rows";
import type { Tx } from "./transaction";

// The diary's configuration (supabase/migrations/20261130000100_diary_config.sql) as admins
// edit it. Meant to run as the signed-in person: RLS lets members read and only the clinic's
// admins write, and the audit triggers record who changed what. A statement that fails on a
// constraint aborts the transaction; lib/diary/config-service.ts explains the failure. When
// people work (weekly hours, one-day overrides, closures) is in lib/db/diary-hours.ts.

export interface ConfigPractitioner {
  id: Col<"practitioners", "id">;
  name: Col<"practitioners", "name">;
  title: Col<"practitioners", "title">;
  active: Col<"practitioners", "active">;
}

export interface ConfigResource {
  id: Col<"resources", "id">;
  name: Col<"resources", "name">;
  kind: Checked<Col<"resources", "kind">, "room" | "device">;
  active: Col<"resources", "active">;
}

export interface ConfigProcedure {
  id: Col<"procedures", "id">;
  name: Col<"procedures", "name">;
  active: Col<"procedures", "active">;
}

export interface ConfigAppointmentType {
  id: Col<"appointment_types", "id">;
  procedureId: Col<"appointment_types", "procedure_id">;
  kind: Checked<
    Col<"appointment_types", "kind">,
    "consultation" | "treatment" | "surgery" | "review"
  >;
  name: Col<"appointment_types", "name">;
  durationMinutes: Col<"appointment_types", "duration_minutes">;
  bufferBeforeMinutes: Col<"appointment_types", "buffer_before_minutes">;
  bufferAfterMinutes: Col<"appointment_types", "buffer_after_minutes">;
  resourceId: Col<"appointment_types", "resource_id">;
  /** array_agg of the practitioners' ids, computed in SQL. */
  practitionerIds: Col<"appointment_type_practitioners", "practitioner_id">[];
  requiresConsultation: Col<"appointment_types", "requires_consultation">;
  confirmation: Checked<Col<"appointment_types", "confirmation">, "instant" | "staff">;
  active: Col<"appointment_types", "active">;
}

export interface BookingRules {
  timezone: Col<"clinics", "timezone">;
  minNoticeMinutes: Col<"clinics", "min_notice_minutes">;
  horizonDays: Col<"clinics", "horizon_days">;
  /** The clinic's today (YYYY-MM-DD), from which "upcoming" is counted; computed in SQL. */
  today: string;
}

/** Rows as the forms send them once validated (lib/validations/diary-config.ts). */
export interface ResourceRow {
  id?: string;
  name: string;
  kind: ConfigResource["kind"];
}
export interface PractitionerRow {
  id?: string;
  name: string;
  title: string;
}
export interface AppointmentTypeRow {
  id?: string;
  procedureId: string;
  kind: ConfigAppointmentType["kind"];
  name: string;
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  resourceId: string | null;
  practitionerIds: string[];
  requiresConsultation: boolean;
  confirmation: ConfigAppointmentType["confirmation"];
  active: boolean;
}
export function getBookingRules(tx: Tx, clinicId: string): Promise<BookingRules | null> {
  return tx.maybeOne<BookingRules>(
    `select timezone, min_notice_minutes as "minNoticeMinutes", horizon_days as "horizonDays",
            to_char((now() at time zone timezone)::date, 'YYYY-MM-DD') as today
       from public.clinics where id = $1`,
    [clinicId],
  );
}

export function listConfigPractitioners(tx: Tx, clinicId: string): Promise<ConfigPractitioner[]> {
  return tx.query<ConfigPractitioner>(
    `select id, name, title, active from public.practitioners
      where clinic_id = $1 order by active desc, name, id`,
    [clinicId],
  );
}

export function listConfigResources(tx: Tx, clinicId: string): Promise<ConfigResource[]> {
  return tx.query<ConfigResource>(
    `select id, name, kind, active from public.resources
      where clinic_id = $1 order by active desc, kind, lower(name), id`,
    [clinicId],
  );
}

export function listConfigProcedures(tx: Tx, clinicId: string): Promise<ConfigProcedure[]> {
  return tx.query<ConfigProcedure>(
    `select id, name, active from public.procedures
      where clinic_id = $1 order by sort_order, name, id`,
    [clinicId],
  );
}

export function listAppointmentTypes(tx: Tx, clinicId: string): Promise<ConfigAppointmentType[]> {
  return tx.query<ConfigAppointmentType>(
    `select t.id, t.procedure_id as "procedureId", t.kind, t.name, t.duration_minutes as "durationMinutes",
            t.buffer_before_minutes as "bufferBeforeMinutes", t.buffer_after_minutes as "bufferAfterMinutes",
            t.resource_id as "resourceId", t.requires_consultation as "requiresConsultation",
            t.confirmation, t.active,
            coalesce((select array_agg(p.practitioner_id order by p.created_at, p.practitioner_id)
                        from public.appointment_type_practitioners p
                       where p.appointment_type_id = t.id), '{}') as "practitionerIds"
       from public.appointment_types t
      where t.clinic_id = $1
      order by array_position(array['consultation', 'treatment', 'surgery', 'review'], t.kind), t.name`,
    [clinicId],
  );
}

/** Creates or renames a room or device; null when the row to update is not there (or not theirs to change). */
export async function saveResource(
  tx: Tx,
  clinicId: string,
  input: ResourceRow,
): Promise<string | null> {
  const row = input.id
    ? await tx.maybeOne<{ id: Col<"resources", "id"> }>(
        "update public.resources set name = $3, kind = $4 where id = $1 and clinic_id = $2 returning id",
        [input.id, clinicId, input.name, input.kind],
      )
    : await tx.one<{ id: Col<"resources", "id"> }>(
        "insert into public.resources (clinic_id, name, kind) values ($1, $2, $3) returning id",
        [clinicId, input.name, input.kind],
      );
  return row?.id ?? null;
}

export async function setResourceActive(
  tx: Tx,
  clinicId: string,
  id: string,
  active: boolean,
): Promise<boolean> {
  const rows = await tx.query(
    "update public.resources set active = $3 where id = $1 and clinic_id = $2 returning id",
    [id, clinicId, active],
  );
  return rows.length > 0;
}

export async function savePractitioner(
  tx: Tx,
  clinicId: string,
  input: PractitionerRow,
): Promise<string | null> {
  const row = input.id
    ? await tx.maybeOne<{ id: Col<"practitioners", "id"> }>(
        "update public.practitioners set name = $3, title = $4 where id = $1 and clinic_id = $2 returning id",
        [input.id, clinicId, input.name, input.title],
      )
    : await tx.one<{ id: Col<"practitioners", "id"> }>(
        "insert into public.practitioners (clinic_id, name, title) values ($1, $2, $3) returning id",
        [clinicId, input.name, input.title],
      );
  return row?.id ?? null;
}

export async function setPractitionerActive(
  tx: Tx,
  clinicId: string,
  id: string,
  active: boolean,
): Promise<boolean> {
  const rows = await tx.query(
    "update public.practitioners set active = $3 where id = $1 and clinic_id = $2 returning id",
    [id, clinicId, active],
  );
  return rows.length > 0;
}

/**
 * Creates or updates an appointment type and sets exactly who performs it: practitioners no
 * longer listed are removed, new ones added (unchanged ones keep their rows, so the audit
 * trail shows only real changes).
 */
export async function saveAppointmentType(
  tx: Tx,
  clinicId: string,
  input: AppointmentTypeRow,
): Promise<string | null> {
  const values = [
    clinicId,
    input.procedureId,
    input.kind,
    input.name,
    input.durationMinutes,
    input.bufferBeforeMinutes,
    input.bufferAfterMinutes,
    input.resourceId,
    input.requiresConsultation,
    input.confirmation,
    input.active,
  ];
  const row = input.id
    ? await tx.maybeOne<{ id: Col<"appointment_types", "id"> }>(
        `update public.appointment_types
            set procedure_id = $2, kind = $3, name = $4, duration_minutes = $5, buffer_before_minutes = $6,
                buffer_after_minutes = $7, resource_id = $8, requires_consultation = $9, confirmation = $10, active = $11
          where id = $12 and clinic_id = $1 returning id`,
        [...values, input.id],
      )
    : await tx.one<{ id: Col<"appointment_types", "id"> }>(
        `insert into public.appointment_types
           (clinic_id, procedure_id, kind, name, duration_minutes, buffer_before_minutes, buffer_after_minutes,
            resource_id, requires_consultation, confirmation, active)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning id`,
        values,
      );
  if (!row) return null;
  await tx.query(
    `delete from public.appointment_type_practitioners
      where appointment_type_id = $1 and clinic_id = $2 and practitioner_id <> all ($3::uuid[])`,
    [row.id, clinicId, input.practitionerIds],
  );
  await tx.query(
    `insert into public.appointment_type_practitioners (clinic_id, appointment_type_id, practitioner_id)
     select $2, $1, unnest($3::uuid[])
     on conflict (appointment_type_id, practitioner_id) do nothing`,
    [row.id, clinicId, input.practitionerIds],
  );
  return row.id;
}

export async function setAppointmentTypeActive(
  tx: Tx,
  clinicId: string,
  id: string,
  active: boolean,
): Promise<boolean> {
  const rows = await tx.query(
    "update public.appointment_types set active = $3 where id = $1 and clinic_id = $2 returning id",
    [id, clinicId, active],
  );
  return rows.length > 0;
}

export async function saveBookingRules(
  tx: Tx,
  clinicId: string,
  rules: { minNoticeMinutes: number; horizonDays: number },
): Promise<boolean> {
  const rows = await tx.query(
    "update public.clinics set min_notice_minutes = $2, horizon_days = $3 where id = $1 returning id",
    [clinicId, rules.minNoticeMinutes, rules.horizonDays],
  );
  return rows.length > 0;
}
