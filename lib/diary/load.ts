import "server-only";

import { AppError } from "@/lib/api/errors";
import {
  loadDiaryRows,
  type BusyRow,
  type DiaryClinicRow,
  type DiaryConfigRows,
  type DiaryScheduleRows,
} from "@/lib/db/diary-load";
import type { Tx } from "@/lib/db/transaction";

import type { BookableType, DiarySchedule } from "./availability";

/** A busy range as the engine sees it, with what it is (for messages and for ignoring one's own). */
export type BusyEntry = DiarySchedule["busy"][number] & {
  id: string;
  kind: BusyRow["kind"];
  startsAt: Date;
};

export type LoadedType = BookableType & {
  name: string;
  kind: DiaryConfigRows["types"][number]["kind"];
  procedureId: string;
  procedureName: string;
  requiresConsultation: boolean;
  confirmation: "instant" | "staff";
};

export interface LoadedDiary {
  clinic: DiaryClinicRow;
  schedule: Omit<DiarySchedule, "busy"> & { busy: BusyEntry[] };
  types: LoadedType[];
  config: DiaryConfigRows;
}

const DAY_MS = 86_400_000;

/**
 * Each clinic's schedule (weekly hours, practitioners, resources, appointment types and who
 * performs them), under the stamp the database sent with it. private.diary_load sends the
 * schedule again only when the clinic's stamp is no longer this one, and the stamp is read in
 * the same snapshot as the busy ranges, so a cached schedule is never older than the rest of
 * the load (docs/diary.md, "Loading the diary"). Frozen: it is shared by every request.
 */
const schedules = new Map<string, { stamp: string; schedule: DiaryScheduleRows }>();
/** Clinics whose schedule is kept (the least recently loaded goes first). */
const MAX_SCHEDULES = 500;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function remember(clinicId: string, stamp: string, schedule: DiaryScheduleRows) {
  schedules.delete(clinicId);
  schedules.set(clinicId, { stamp, schedule: deepFreeze(schedule) });
  if (schedules.size > MAX_SCHEDULES) schedules.delete(schedules.keys().next().value!);
}

/**
 * Everything availability for [from, to) is computed from, for one clinic, in one query:
 * its notice and horizon, weekly hours, the overrides and closures of the dates touched,
 * active appointment types (optionally of one procedure) and who performs them, and what is
 * busy: live holds (held_until > now), appointments that are not cancelled or no-show, and
 * blocks, each with its buffers. The schedule part comes from the cache when the database
 * confirms it is current. Null when the clinic is not visible to `tx`.
 */
export async function loadDiary(
  tx: Tx,
  clinicId: string,
  range: { from: Date; to: Date },
  filter: { procedureId?: string } = {},
): Promise<LoadedDiary | null> {
  // The entry asked with, even if another request replaces it meanwhile: the answer is about this stamp.
  const known = schedules.get(clinicId);
  // Busy a day either side: an occupied range (with buffers) may start before or end after the range.
  const rows = await loadDiaryRows(
    tx,
    clinicId,
    range,
    { from: new Date(range.from.getTime() - DAY_MS), to: new Date(range.to.getTime() + DAY_MS) },
    known?.stamp ?? null,
  );
  if (!rows) return null;
  let schedule: DiaryScheduleRows;
  if (rows.schedule) {
    schedule = rows.schedule;
    if (rows.stamp) remember(clinicId, rows.stamp, schedule);
  } else if (known && rows.stamp === known.stamp) {
    schedule = known.schedule;
  } else {
    throw new Error("private.diary_load sent no schedule for a stamp the app does not hold");
  }
  const { clinic, dated, busy } = rows;
  const types = filter.procedureId
    ? schedule.types.filter((type) => type.procedureId === filter.procedureId)
    : schedule.types;
  const config: DiaryConfigRows = {
    weeklyHours: schedule.weeklyHours,
    overrides: dated.overrides,
    closures: dated.closures,
    practitioners: schedule.practitioners,
    resources: schedule.resources,
    types,
  };
  return {
    clinic,
    config,
    schedule: {
      timeZone: clinic.timezone,
      now: clinic.now,
      minNoticeMinutes: clinic.minNoticeMinutes,
      horizonDays: clinic.horizonDays,
      weeklyHours: config.weeklyHours,
      overrides: config.overrides,
      closures: config.closures.map(({ startsOn, endsOn }) => ({ startsOn, endsOn })),
      busy: busy.map((row) => ({
        id: row.id,
        kind: row.kind,
        practitionerId: row.practitionerId,
        resourceId: row.resourceId,
        start: row.start,
        end: row.end,
        startsAt: row.startsAt,
      })),
    },
    types: types.map((type) => ({
      id: type.id,
      name: type.name,
      kind: type.kind,
      procedureId: type.procedureId,
      procedureName: type.procedureName,
      durationMinutes: type.durationMinutes,
      bufferBeforeMinutes: type.bufferBeforeMinutes,
      bufferAfterMinutes: type.bufferAfterMinutes,
      resourceId: type.resourceId,
      requiresConsultation: type.requiresConsultation,
      confirmation: type.confirmation,
      practitionerIds: type.practitionerIds,
    })),
  };
}

/** The clinic's diary over `span`, or a "Clinic not found." refusal. */
export async function loadOrFail(
  tx: Tx,
  clinicId: string,
  span: { from: Date; to: Date },
): Promise<LoadedDiary> {
  const diary = await loadDiary(tx, clinicId, span);
  if (!diary) throw new AppError("not_found", "Clinic not found.");
  return diary;
}
