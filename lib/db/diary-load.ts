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

export interface DiaryRows {
  clinic: DiaryClinicRow;
  config: DiaryConfigRows;
  busy: BusyRow[];
}

/**
 * Everything availability for [from, to) is computed from, for one clinic, in ONE round trip
 * (`private.diary_rows`, a PL/pgSQL function so its plan is cached per connection; it is on the
 * path of every check_availability and of every refused hold_slot, so under a burst of callers
 * round trips and planning are what it costs): the clinic's zone, notice, horizon and the
 * database's clock; weekly hours of active practitioners; the overrides and closures on the
 * clinic-local dates the range touches (a day either side); active practitioners; resources;
 * active appointment types (optionally of one procedure) with the active practitioners who
 * perform them (none when the type's resource is inactive); and what takes time in `busy`
 * (buffers included): live holds, appointments (cancelled and no-show ones have no
 * reservation) and blocks. Null when the clinic is not visible to `tx` (RLS decides for staff).
 */
export async function loadDiaryRows(
  tx: Tx,
  clinicId: string,
  range: { from: Date; to: Date },
  busyRange: { from: Date; to: Date },
  filter: { procedureId?: string } = {},
): Promise<DiaryRows | null> {
  type Config = Omit<DiaryClinicRow, "now"> & { now: number } & DiaryConfigRows;
  const rows = await tx.query<{
    config: Config | null;
    id: string;
    kind: BusyRow["kind"];
    practitionerId: string | null;
    resourceId: string | null;
    start: number;
    end: number;
    startsAt: number;
  }>(
    `select config, busy_id as id, busy_kind as kind, busy_practitioner_id as "practitionerId",
            busy_resource_id as "resourceId", busy_start as start, busy_end as "end", busy_starts_at as "startsAt"
       from private.diary_rows($1, $2, $3, $4, $5, $6)`,
    [clinicId, range.from, range.to, busyRange.from, busyRange.to, filter.procedureId ?? null],
  );
  const [first, ...busy] = rows;
  if (!first?.config) return null;
  const { weeklyHours, overrides, closures, practitioners, resources, types, now, ...clinic } =
    first.config;
  return {
    clinic: { ...clinic, now: new Date(now) },
    config: { weeklyHours, overrides, closures, practitioners, resources, types },
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
