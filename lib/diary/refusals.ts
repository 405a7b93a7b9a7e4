import { DateTime } from "luxon";

import { AppError } from "@/lib/api/errors";
import type { DiaryWriteResult } from "@/lib/db/reservations";

import type { BookableType, Unbookable } from "./availability";
import type { BusyEntry, LoadedDiary } from "./load";

/**
 * Why the diary refused a staff write, in a sentence a receptionist understands: a reason the
 * availability engine gave (checkBookable) or an outcome of the SQL write that was not "ok".
 */

export function diaryTime(date: Date, timeZone: string): string {
  return DateTime.fromJSDate(date, { zone: timeZone }).toFormat("HH:mm 'on' ccc d LLL");
}

const WHAT: Record<BusyEntry["kind"], string> = {
  appointment: "an appointment",
  hold: "a time being booked on a call",
  block: "blocked time",
};

function practitionerName(diary: LoadedDiary, id: string | null): string {
  return diary.config.practitioners.find((p) => p.id === id)?.name ?? "The practitioner";
}
function resourceName(diary: LoadedDiary, id: string | null): string {
  return diary.config.resources.find((r) => r.id === id)?.name ?? "The room or device";
}

/** The sentence for a reason checkBookable refused a time. */
export function refusal(
  diary: LoadedDiary,
  reason: Unbookable,
  at: {
    type: BookableType & { name?: string };
    practitionerId: string;
    start: Date;
    ignore?: string;
  },
): AppError {
  const tz = diary.clinic.timezone;
  const who = practitionerName(diary, at.practitionerId);
  const when = diaryTime(at.start, tz);
  const range = occupiedRange(at.type, at.start);
  const clash = (on: "practitioner" | "resource") =>
    diary.schedule.busy.find(
      (busy) =>
        busy.id !== at.ignore &&
        busy.start < range.end &&
        range.start < busy.end &&
        (on === "practitioner"
          ? busy.practitionerId === at.practitionerId
          : at.type.resourceId !== null && busy.resourceId === at.type.resourceId),
    );
  switch (reason) {
    case "overlap": {
      const busy = clash("practitioner");
      return new AppError(
        "conflict",
        busy
          ? `${who} already has ${WHAT[busy.kind]} at ${diaryTime(busy.startsAt, tz)}.`
          : `${who} is not free at ${when}.`,
      );
    }
    case "resource_taken": {
      const busy = clash("resource");
      return new AppError(
        "conflict",
        `${resourceName(diary, at.type.resourceId)} is already in use${busy ? ` at ${diaryTime(busy.startsAt, tz)}` : ` at ${when}`}.`,
      );
    }
    case "not_performed":
      return new AppError(
        "invalid",
        `${who} does not perform ${at.type.name ?? "this appointment"}.`,
      );
    case "closed":
      return new AppError(
        "invalid",
        `The clinic is closed on ${DateTime.fromJSDate(at.start, { zone: tz }).toFormat("cccc d LLLL")}.`,
      );
    case "outside_hours":
      return new AppError(
        "invalid",
        `${when} is outside ${who}'s working hours (the appointment and its preparation must fit in them).`,
      );
    case "in_past":
      return new AppError("invalid", "That time has already passed.");
    case "too_soon":
      return new AppError(
        "invalid",
        `That is too soon: the clinic needs ${diary.clinic.minNoticeMinutes} minutes' notice.`,
      );
    case "beyond_horizon":
      return new AppError(
        "invalid",
        `That is too far ahead: appointments can be booked up to ${diary.clinic.horizonDays} days ahead.`,
      );
  }
}

function occupiedRange(type: BookableType, start: Date) {
  return {
    start: new Date(start.getTime() - type.bufferBeforeMinutes * 60_000),
    end: new Date(start.getTime() + (type.durationMinutes + type.bufferAfterMinutes) * 60_000),
  };
}

/** The sentence for an outcome of a staff SQL function that is not "ok". */
export function writeRefusal(
  diary: LoadedDiary,
  result: DiaryWriteResult,
  at: { practitionerId: string | null; resourceId: string | null; start: Date },
): AppError {
  const tz = diary.clinic.timezone;
  switch (result.outcome) {
    case "forbidden":
      return new AppError("forbidden", "You are not a member of this clinic.");
    case "not_found":
      return new AppError("not_found", "That appointment, practitioner or room no longer exists.");
    case "in_past":
      return new AppError("invalid", "That time has already passed.");
    case "not_allowed":
      return new AppError("invalid", "Only pending or confirmed appointments can be moved.");
    default: {
      const when = diaryTime(result.conflictStartsAt ?? at.start, tz);
      if (result.conflictOn === "resource")
        return new AppError(
          "conflict",
          `${resourceName(diary, at.resourceId)} is already in use at ${when}.`,
        );
      const who = at.practitionerId
        ? practitionerName(diary, at.practitionerId)
        : resourceName(diary, at.resourceId);
      return new AppError(
        "conflict",
        result.conflictKind
          ? `${who} already has ${WHAT[result.conflictKind]} at ${when}.`
          : `${who} is no longer free at ${when}.`,
      );
    }
  }
}
