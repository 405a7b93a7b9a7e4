import "server-only";

import type { Tx } from "./transaction";

/**
 * What availability is computed from, for one clinic and a time range, in a few queries
 * (lib/diary/load.ts turns these rows into the engine's DiarySchedule and BookableTypes).
 * Dates and wall-clock times come back as text, exactly as stored: the engine does the
 * time-zone math.
 */
export interface DiaryClinicRow {
  id: string;
  timezone: string;
  minNoticeMinutes: number;
  horizonDays: number;
  now: Date;
}

export interface DiaryConfigRows {
  weeklyHours: { practitionerId: string; weekday: number; opens: string; closes: string }[];
  overrides: {
    practitionerId: string;
    date: string;
    kind: "off" | "extra";
    opens: string | null;
    closes: string | null;
  }[];
  closures: { startsOn: string; endsOn: string; reason: string }[];
  practitioners: { id: string; name: string; title: string }[];
  resources: { id: string; name: string; kind: "room" | "device"; active: boolean }[];
  types: {
    id: string;
    name: string;
    kind: "consultation" | "treatment" | "surgery" | "review";
    procedureId: string;
    procedureName: string;
    durationMinutes: number;
    bufferBeforeMinutes: number;
    bufferAfterMinutes: number;
    resourceId: string | null;
    requiresConsultation: boolean;
    confirmation: "instant" | "staff";
    practitionerIds: string[];
  }[];
}

export interface BusyRow {
  id: string;
  kind: "hold" | "appointment" | "block";
  practitionerId: string | null;
  resourceId: string | null;
  start: Date;
  end: Date;
  /** When the thing itself starts (start is where its buffer begins). */
  startsAt: Date;
}

export function loadDiaryClinic(tx: Tx, clinicId: string): Promise<DiaryClinicRow | null> {
  return tx.maybeOne<DiaryClinicRow>(
    `select id, timezone, min_notice_minutes as "minNoticeMinutes", horizon_days as "horizonDays", now() as now
       from public.clinics where id = $1`,
    [clinicId],
  );
}

/**
 * The clinic's configuration relevant to [from, to): weekly hours, the overrides and closures
 * on the clinic-local dates the range touches (a day either side), active practitioners, resources, and
 * active appointment types (optionally of one procedure) with the active practitioners who
 * perform them. A type whose resource is inactive performs for no one.
 */
export async function loadDiaryConfig(
  tx: Tx,
  clinic: { id: string; timezone: string },
  range: { from: Date; to: Date },
  filter: { procedureId?: string } = {},
): Promise<DiaryConfigRows> {
  const dates = [clinic.id, range.from, range.to, clinic.timezone];
  const [weeklyHours, overrides, closures, practitioners, resources, types] = [
    await tx.query<DiaryConfigRows["weeklyHours"][number]>(
      `select h.practitioner_id as "practitionerId", h.weekday, to_char(h.opens, 'HH24:MI:SS') as opens,
              to_char(h.closes, 'HH24:MI:SS') as closes
         from public.working_hours h join public.practitioners p on p.id = h.practitioner_id and p.active
        where h.clinic_id = $1 order by h.practitioner_id, h.weekday, h.opens`,
      [clinic.id],
    ),
    await tx.query<DiaryConfigRows["overrides"][number]>(
      `select o.practitioner_id as "practitionerId", to_char(o.on_date, 'YYYY-MM-DD') as date, o.kind,
              to_char(o.opens, 'HH24:MI:SS') as opens, to_char(o.closes, 'HH24:MI:SS') as closes
         from public.schedule_overrides o
        where o.clinic_id = $1
          and o.on_date between ($2::timestamptz at time zone $4)::date - 1 and ($3::timestamptz at time zone $4)::date + 1
        order by o.on_date, o.opens nulls first`,
      dates,
    ),
    await tx.query<DiaryConfigRows["closures"][number]>(
      `select to_char(c.starts_on, 'YYYY-MM-DD') as "startsOn", to_char(c.ends_on, 'YYYY-MM-DD') as "endsOn", c.reason
         from public.clinic_closures c
        where c.clinic_id = $1
          and c.ends_on >= ($2::timestamptz at time zone $4)::date - 1 and c.starts_on <= ($3::timestamptz at time zone $4)::date + 1
        order by c.starts_on`,
      dates,
    ),
    await tx.query<DiaryConfigRows["practitioners"][number]>(
      `select id, name, title from public.practitioners where clinic_id = $1 and active order by name`,
      [clinic.id],
    ),
    await tx.query<DiaryConfigRows["resources"][number]>(
      `select id, name, kind, active from public.resources where clinic_id = $1 order by name`,
      [clinic.id],
    ),
    await tx.query<DiaryConfigRows["types"][number]>(
      `select t.id, t.name, t.kind, t.procedure_id as "procedureId", pr.name as "procedureName",
              t.duration_minutes as "durationMinutes", t.buffer_before_minutes as "bufferBeforeMinutes",
              t.buffer_after_minutes as "bufferAfterMinutes", t.resource_id as "resourceId",
              t.requires_consultation as "requiresConsultation", t.confirmation,
              case when t.resource_id is not null and not coalesce(r.active, false) then '{}'::uuid[]
                   else coalesce((select array_agg(a.practitioner_id order by a.practitioner_id)
                                    from public.appointment_type_practitioners a
                                    join public.practitioners p on p.id = a.practitioner_id and p.active
                                   where a.appointment_type_id = t.id), '{}') end as "practitionerIds"
         from public.appointment_types t
         join public.procedures pr on pr.id = t.procedure_id and pr.active
         left join public.resources r on r.id = t.resource_id
        where t.clinic_id = $1 and t.active and ($2::uuid is null or t.procedure_id = $2)
        order by pr.sort_order, pr.name,
                 array_position(array['consultation', 'treatment', 'surgery', 'review'], t.kind)`,
      [clinic.id, filter.procedureId ?? null],
    ),
  ];
  return { weeklyHours, overrides, closures, practitioners, resources, types };
}

/**
 * What takes time in [from, to) (buffers included): live holds, appointments (cancelled and
 * no-show ones have no reservation), blocks. Optionally only of some practitioners / resources.
 */
export function loadBusy(
  tx: Tx,
  clinicId: string,
  range: { from: Date; to: Date },
  only: { practitionerIds?: string[]; resourceIds?: string[] } = {},
): Promise<BusyRow[]> {
  const filtered = Boolean(only.practitionerIds || only.resourceIds);
  return tx.query<BusyRow>(
    `select r.id, r.kind, r.practitioner_id as "practitionerId", r.resource_id as "resourceId",
            lower(r.occupied) as start, upper(r.occupied) as "end", r.starts_at as "startsAt"
       from public.reservations r
      where r.clinic_id = $1 and r.occupied && tstzrange($2, $3)
        and (r.kind <> 'hold' or r.held_until > now())
        and (not $4::boolean or r.practitioner_id = any ($5::uuid[]) or r.resource_id = any ($6::uuid[]))
      order by lower(r.occupied)`,
    [clinicId, range.from, range.to, filtered, only.practitionerIds ?? [], only.resourceIds ?? []],
  );
}
