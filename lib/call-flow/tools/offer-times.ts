import { insertOffers } from "@/lib/db/offers";
import type { Tx } from "@/lib/db/transaction";
import { availableStarts, type OfferedStart } from "@/lib/diary/availability";
import { loadDiary, type LoadedDiary, type LoadedType } from "@/lib/diary/load";
import { pickOffers } from "@/lib/diary/offers";

import { spokenTime, zonedIso } from "../time";

export type AppointmentKind = LoadedType["kind"];
export type PartOfDay = "morning" | "afternoon" | "evening";

const DAY_MS = 86_400_000;
/** The first window searched; widened to the clinic's horizon when it has nothing. */
const WINDOW_DAYS = 14;
/** How long an offer can be held after it was made. */
export const OFFER_MINUTES = 15;

export interface OfferedSlot {
  slotId: string;
  start: string;
  end: string;
  practitioner: string;
  label: string;
}

/**
 * The appointment type to offer for a procedure: the kind asked for, else the consultation when
 * there is one, else its first bookable type; and when that type requires a consultation and the
 * procedure has one, the consultation first.
 */
export function chooseType(
  types: LoadedType[],
  kind: AppointmentKind | undefined,
): { type: LoadedType | null; consultationFirst: boolean } {
  const bookable = types.filter((type) => type.practitionerIds.length > 0);
  const consultation = bookable.find((type) => type.kind === "consultation") ?? null;
  const asked = kind ? (bookable.find((type) => type.kind === kind) ?? null) : null;
  if (kind && !asked) return { type: null, consultationFirst: false };
  const chosen = asked ?? consultation ?? bookable[0] ?? null;
  if (chosen?.requiresConsultation && consultation)
    return { type: consultation, consultationFirst: true };
  return { type: chosen, consultationFirst: false };
}

/** The practitioners among `ids` a caller's words name ("Dr Okafor", "Amara", "okafor"). */
export function practitionersNamed(
  words: string,
  practitioners: { id: string; name: string }[],
  ids: string[],
): string[] {
  const wanted = words
    .toLowerCase()
    .replace(/\b(dr|doctor|mr|mrs|ms|miss|nurse)\b\.?/g, " ")
    .split(/[^a-z'-]+/)
    .filter((word) => word.length > 1);
  if (wanted.length === 0) return [];
  return practitioners
    .filter((p) => ids.includes(p.id))
    .filter((p) => {
      const name = p.name.toLowerCase().split(/[^a-z'-]+/);
      return wanted.every((word) => name.includes(word));
    })
    .map((p) => p.id);
}

/** Records `starts` as offers to this call and describes them as the assistant reads them. */
async function record(
  tx: Tx,
  diary: LoadedDiary,
  callId: string,
  type: LoadedType,
  starts: OfferedStart[],
  locale: string,
): Promise<OfferedSlot[]> {
  const ids = await insertOffers(
    tx,
    diary.clinic.id,
    callId,
    starts.map((start) => ({
      appointmentTypeId: type.id,
      procedureId: type.procedureId,
      practitionerId: start.practitionerId,
      resourceId: type.resourceId,
      startsAt: start.start,
      endsAt: start.end,
      occupiedStart: new Date(start.start.getTime() - type.bufferBeforeMinutes * 60_000),
      occupiedEnd: new Date(start.end.getTime() + type.bufferAfterMinutes * 60_000),
    })),
    OFFER_MINUTES,
  );
  const names = new Map(diary.config.practitioners.map((p) => [p.id, p.name]));
  const tz = diary.clinic.timezone;
  return starts.map((start, index) => {
    const practitioner = names.get(start.practitionerId) ?? "the practitioner";
    return {
      slotId: ids[index]!,
      start: zonedIso(start.start, tz),
      end: zonedIso(start.end, tz),
      practitioner,
      label: `${spokenTime(start.start, { timezone: tz, locale })} with ${practitioner}`,
    };
  });
}

/**
 * Offers times of `type` to a call: computed by the availability engine over the next two
 * weeks (or around the date asked for), widened to the clinic's horizon when nothing is free,
 * picked soonest-first but spread, and recorded as offers only this call can hold.
 *
 * `firstWindowDays` starts with a shorter window (widened to two weeks when it has fewer than
 * `limit` times, then to the horizon when two weeks have none): alternatives to a refused time
 * are the soonest few, which the next day or two nearly always has, and a smaller window is
 * less to load and compute when a thousand callers are refused at once.
 */
export async function offerTimes(
  tx: Tx,
  input: {
    clinicId: string;
    callId: string;
    /** The clinic's locale: the labels are worded as the assistant says them (lib/format). */
    locale: string;
    procedureId: string;
    kind?: AppointmentKind;
    /** The caller's words for a practitioner ("Dr Okafor"): only their times, when they do this type. */
    practitioner?: string;
    date?: string;
    partOfDay?: PartOfDay;
    limit?: number;
    /** Leave out this start (the time that was just refused). */
    exclude?: { practitionerId: string; start: Date };
    typeId?: string;
    firstWindowDays?: number;
  },
): Promise<{
  diary: LoadedDiary;
  type: LoadedType | null;
  consultationFirst: boolean;
  slots: OfferedSlot[];
  widened: boolean;
  /** The practitioner asked for does not do this type (their times were not filtered for). */
  practitionerUnknown: boolean;
}> {
  const now = Date.now();
  const limit = input.limit ?? 5;
  const asked = input.date ? Date.parse(`${input.date}T00:00:00Z`) : null;
  const twoWeeks = Math.max(now + WINDOW_DAYS * DAY_MS, (asked ?? 0) + 2 * DAY_MS);
  const firstTo = input.firstWindowDays
    ? Math.min(twoWeeks, Math.max(now + input.firstWindowDays * DAY_MS, (asked ?? 0) + 2 * DAY_MS))
    : twoWeeks;
  const load = async (to: number) =>
    (await loadDiary(
      tx,
      input.clinicId,
      { from: new Date(now), to: new Date(to) },
      { procedureId: input.procedureId },
    ))!;
  let diary = await load(firstTo);
  const { type, consultationFirst } = input.typeId
    ? { type: diary.types.find((t) => t.id === input.typeId) ?? null, consultationFirst: false }
    : chooseType(diary.types, input.kind);
  if (!type)
    return {
      diary,
      type: null,
      consultationFirst: false,
      slots: [],
      widened: false,
      practitionerUnknown: false,
    };

  const named = input.practitioner
    ? practitionersNamed(input.practitioner, diary.config.practitioners, type.practitionerIds)
    : [];
  const practitionerIds = named.length ? named : undefined;
  const starts = (to: number) =>
    availableStarts(diary.schedule, type, {
      from: new Date(now),
      to: new Date(to),
      ...(practitionerIds ? { practitionerIds } : {}),
    }).filter(
      (start) =>
        !input.exclude ||
        start.practitionerId !== input.exclude.practitionerId ||
        start.start.getTime() !== input.exclude.start.getTime(),
    );
  const pick = (from: OfferedStart[], filtered: boolean) =>
    pickOffers(from, {
      timeZone: diary.clinic.timezone,
      limit,
      ...(filtered && input.date ? { date: input.date } : {}),
      ...(filtered && input.partOfDay ? { partOfDay: input.partOfDay } : {}),
    });

  let all = starts(firstTo);
  let chosen = pick(all, true);
  let widened = false;
  if (chosen.length === 0 && (input.date || input.partOfDay)) {
    chosen = pick(all, false);
    widened = chosen.length > 0;
  }
  if (chosen.length < limit && firstTo < twoWeeks) {
    diary = await load(twoWeeks);
    all = starts(twoWeeks);
    chosen = pick(all, true);
    if (chosen.length === 0 && (input.date || input.partOfDay)) {
      chosen = pick(all, false);
      widened = chosen.length > 0;
    }
  }
  const horizon = now + diary.clinic.horizonDays * DAY_MS;
  if (chosen.length === 0 && horizon > twoWeeks) {
    diary = await load(horizon);
    all = starts(horizon);
    chosen = pick(all, true);
    if (chosen.length === 0) chosen = pick(all, false);
    widened = chosen.length > 0 && Boolean(input.date || input.partOfDay);
  }
  const slots = await record(tx, diary, input.callId, type, chosen, input.locale);
  return {
    diary,
    type,
    consultationFirst,
    slots,
    widened,
    practitionerUnknown: Boolean(input.practitioner) && named.length === 0,
  };
}
