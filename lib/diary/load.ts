import "server-only";

import {
  loadDiaryRows,
  type BusyRow,
  type DiaryClinicRow,
  type DiaryConfigRows,
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
 * Everything availability for [from, to) is computed from, for one clinic, in one query:
 * its notice and horizon, weekly hours, the overrides and closures of the dates touched,
 * active appointment types (optionally of one procedure) and who performs them, and what is
 * busy: live holds (held_until > now), appointments that are not cancelled or no-show, and
 * blocks, each with its buffers. Null when the clinic is not visible to `tx`.
 */
export async function loadDiary(
  tx: Tx,
  clinicId: string,
  range: { from: Date; to: Date },
  filter: { procedureId?: string } = {},
): Promise<LoadedDiary | null> {
  // Busy a day either side: an occupied range (with buffers) may start before or end after the range.
  const rows = await loadDiaryRows(
    tx,
    clinicId,
    range,
    { from: new Date(range.from.getTime() - DAY_MS), to: new Date(range.to.getTime() + DAY_MS) },
    filter,
  );
  if (!rows) return null;
  const { clinic, config, busy } = rows;
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
    types: config.types.map((type) => ({
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
