import "server-only";

import type { Tx } from "./transaction";

/**
 * What availability is computed from, for one clinic and a time range, in one query
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

/** The clinic's schedule: what changes only when an admin changes it (cached under its stamp). */
export interface DiaryScheduleRows {
  weeklyHours: { practitionerId: string; weekday: number; opens: string; closes: string }[];
  practitioners: { id: string; name: string; title: string }[];
  resources: { id: string; name: string; kind: "room" | "device"; active: boolean }[];
  /** Active types of active procedures, in the procedures' order, then consultation, treatment, surgery, review. */
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

/** The overrides and closures of the dates asked for (never cached: they are dated). */
export interface DiaryDatedRows {
  overrides: {
    practitionerId: string;
    date: string;
    kind: "off" | "extra";
    opens: string | null;
    closes: string | null;
  }[];
  closures: { startsOn: string; endsOn: string; reason: string }[];
}

export type DiaryConfigRows = DiaryScheduleRows & DiaryDatedRows;

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

export interface DiaryRows {
  /** The clinic's schedule stamp in this transaction's snapshot (null: none, do not cache). */
  stamp: string | null;
  /** Null when the stamp is the one asked with: the caller's copy is current. */
  schedule: DiaryScheduleRows | null;
  clinic: DiaryClinicRow;
  dated: DiaryDatedRows;
  busy: BusyRow[];
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
  // Values computed in SQL: the first row's JSON (the function's json_build_object) and the
  // busy rows' epoch milliseconds (date_part); ids and kind are private.diary_load's columns.
  const rows = await tx.query<{
    stamp: string | null;
    schedule: DiaryScheduleRows | null;
    dated: (Omit<DiaryClinicRow, "now"> & { now: number } & DiaryDatedRows) | null;
    id: string;
    kind: BusyRow["kind"];
    practitionerId: string | null;
    resourceId: string | null;
    start: number;
    end: number;
    startsAt: number;
  }>(
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
        id: row.id,
        kind: row.kind,
        practitionerId: row.practitionerId,
        resourceId: row.resourceId,
        start: new Date(row.start),
        end: new Date(row.end),
        startsAt: new Date(row.startsAt),
      }))
      .sort((a, b) => a.start.getTime() - b.start.getTime()),
  };
}
