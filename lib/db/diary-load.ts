import "server-only";

import type { Checked, Col, Outer } from "./rows";
import type { Tx } from "./transaction";

/**
 * What availability is computed from, for one clinic and a time range, in one query
 * (lib/diary/load.ts turns these rows into the engine's DiarySchedule and BookableTypes).
 * Dates and wall-clock times come back as text, exactly as stored: the engine does the
 * time-zone math. The schedule and the dated part are JSON built by `private.diary_load`
 * (json_build_object): a field that carries a column's value unchanged names that column; the
 * others say how SQL computed them.
 */
export interface DiaryClinicRow {
  id: Col<"clinics", "id">;
  timezone: Col<"clinics", "timezone">;
  minNoticeMinutes: Col<"clinics", "min_notice_minutes">;
  horizonDays: Col<"clinics", "horizon_days">;
  /** The database's clock: now(), computed in SQL (sent as epoch milliseconds). */
  now: Date;
}

/** The clinic's schedule: what changes only when an admin changes it (cached under its stamp). */
export interface DiaryScheduleRows {
  weeklyHours: {
    practitionerId: Col<"working_hours", "practitioner_id">;
    weekday: Col<"working_hours", "weekday">;
    /** "HH:MM:SS", clinic-local: to_char of the time, computed in SQL. */
    opens: string;
    closes: string;
  }[];
  practitioners: {
    id: Col<"practitioners", "id">;
    name: Col<"practitioners", "name">;
    title: Col<"practitioners", "title">;
  }[];
  resources: {
    id: Col<"resources", "id">;
    name: Col<"resources", "name">;
    kind: Checked<Col<"resources", "kind">, "room" | "device">;
    active: Col<"resources", "active">;
  }[];
  /** Active types of active procedures, in the procedures' order, then consultation, treatment, surgery, review. */
  types: {
    id: Col<"appointment_types", "id">;
    name: Col<"appointment_types", "name">;
    kind: Checked<
      Col<"appointment_types", "kind">,
      "consultation" | "treatment" | "surgery" | "review"
    >;
    procedureId: Col<"appointment_types", "procedure_id">;
    procedureName: Col<"procedures", "name">;
    durationMinutes: Col<"appointment_types", "duration_minutes">;
    bufferBeforeMinutes: Col<"appointment_types", "buffer_before_minutes">;
    bufferAfterMinutes: Col<"appointment_types", "buffer_after_minutes">;
    resourceId: Col<"appointment_types", "resource_id">;
    requiresConsultation: Col<"appointment_types", "requires_consultation">;
    confirmation: Checked<Col<"appointment_types", "confirmation">, "instant" | "staff">;
    /** json_agg of the active practitioners who perform it, computed in SQL. */
    practitionerIds: Col<"appointment_type_practitioners", "practitioner_id">[];
  }[];
}

/** The overrides and closures of the dates asked for (never cached: they are dated). */
export interface DiaryDatedRows {
  overrides: {
    practitionerId: Col<"schedule_overrides", "practitioner_id">;
    /** YYYY-MM-DD, clinic-local: to_char of the date, computed in SQL. */
    date: string;
    kind: Checked<Col<"schedule_overrides", "kind">, "off" | "extra">;
    /** "HH:MM:SS" or null for the whole day: to_char of the time, computed in SQL. */
    opens: string | null;
    closes: string | null;
  }[];
  closures: {
    /** YYYY-MM-DD: to_char of the dates, computed in SQL. */
    startsOn: string;
    endsOn: string;
    reason: Col<"clinic_closures", "reason">;
  }[];
}

export type DiaryConfigRows = DiaryScheduleRows & DiaryDatedRows;

export interface BusyRow {
  id: Col<"reservations", "id">;
  kind: Checked<Col<"reservations", "kind">, "hold" | "appointment" | "block">;
  practitionerId: Col<"reservations", "practitioner_id">;
  resourceId: Col<"reservations", "resource_id">;
  /** lower(occupied): where its buffer begins. */
  start: Date;
  /** upper(occupied): where its buffer ends. */
  end: Date;
  /** When the thing itself starts (start is where its buffer begins). */
  startsAt: Col<"reservations", "starts_at">;
}

export interface DiaryRows {
  /** The clinic's schedule stamp in this transaction's snapshot (null: none, do not cache). */
  stamp: string | null;
  /** Null when the stamp is the one asked with: the caller's copy is current. */
  schedule: DiaryScheduleRows | null;
  clinic: DiaryClinicRow;
  dated: DiaryDatedRows;
  busy: BusyRow[];
}

/** One row of private.diary_load: the first carries the clinic, every other one busy range. */
interface DiaryLoadRow {
  /** private.diary_schedule_stamps.stamp: outside `public`, so not in the generated types. */
  stamp: string | null;
  /** json_build_object, computed in SQL (first row only). */
  schedule: DiaryScheduleRows | null;
  /** json_build_object, computed in SQL (first row only); `now` as epoch milliseconds. */
  dated: (Omit<DiaryClinicRow, "now"> & { now: number } & DiaryDatedRows) | null;
  /** The reservation's columns (null on the first row). */
  id: Outer<Col<"reservations", "id">>;
  kind: Outer<BusyRow["kind"]>;
  practitionerId: Col<"reservations", "practitioner_id">;
  resourceId: Col<"reservations", "resource_id">;
  /** Epoch milliseconds of lower(occupied), upper(occupied) and starts_at: date_part, computed in SQL. */
  start: number | null;
  end: number | null;
  startsAt: number | null;
}

/**
 * Everything availability for [from, to) is computed from, for one clinic, in ONE round trip
 * (`private.diary_load`, a PL/pgSQL function so its plan is cached per connection; it is on the
 * path of every check_availability and of every refused hold_slot): the clinic's schedule
 * stamp, and its schedule unless `scheduleStamp` is still current; the clinic's zone, notice,
 * horizon and the database's clock; the overrides and closures on the clinic-local dates the
 * range touches (a day either side); and what takes time in `busyRange` (buffers included):
 * live holds, appointments (cancelled and no-show ones have no reservation) and blocks. Null
 * when the clinic is not visible to `tx` (RLS decides for staff).
 */
export async function loadDiaryRows(
  tx: Tx,
  clinicId: string,
  range: { from: Date; to: Date },
  busyRange: { from: Date; to: Date },
  scheduleStamp: string | null,
): Promise<DiaryRows | null> {
  const rows = await tx.query<DiaryLoadRow>(
    `select stamp, schedule, dated, busy_id as id, busy_kind as kind, busy_practitioner_id as "practitionerId",
            busy_resource_id as "resourceId", busy_start as start, busy_end as "end", busy_starts_at as "startsAt"
       from private.diary_load($1, $2, $3, $4, $5, $6)`,
    [clinicId, range.from, range.to, busyRange.from, busyRange.to, scheduleStamp],
  );
  const [first, ...busy] = rows;
  if (!first?.dated) return null;
  const { overrides, closures, now, ...clinic } = first.dated;
  return {
    stamp: first.stamp,
    schedule: first.schedule,
    clinic: { ...clinic, now: new Date(now) },
    dated: { overrides, closures },
    busy: busy
      .map((row) => ({
        // Every row after the first is a reservation: its id, kind and times are set.
        id: row.id!,
        kind: row.kind!,
        practitionerId: row.practitionerId,
        resourceId: row.resourceId,
        start: new Date(row.start!),
        end: new Date(row.end!),
        startsAt: new Date(row.startsAt!),
      }))
      .sort((a, b) => a.start.getTime() - b.start.getTime()),
  };
}
