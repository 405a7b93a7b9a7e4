import type { OfferedStart } from "./availability";
import { ClinicClock, parseLocalDate } from "./working-time";

/**
 * What the phone assistant offers a caller out of the available starts: a few times, the
 * soonest first but spread out, so "10:00, 10:15, 10:30 with the same doctor" does not use up
 * the list. Pure; the caller records the offers (lib/db/offers.ts).
 *
 * Walking the starts in time order, a start is taken unless an offer already taken starts at
 * the same time (with anyone), or is with the same practitioner less than `SAME_PRACTITIONER_GAP`
 * minutes away. `date` keeps one clinic-local date; `partOfDay` keeps clinic-local morning
 * (before 12:00), afternoon (12:00 to 17:00) or evening (17:00 on).
 */

export type PartOfDay = "morning" | "afternoon" | "evening";

export const DEFAULT_OFFER_LIMIT = 5;
/** Minutes between two offers with the same practitioner. */
export const SAME_PRACTITIONER_GAP = 30;

const PARTS: Record<PartOfDay, [number, number]> = {
  morning: [0, 12],
  afternoon: [12, 17],
  evening: [17, 24],
};

export function pickOffers(
  starts: OfferedStart[],
  opts: { timeZone: string; date?: string; partOfDay?: PartOfDay; limit?: number },
): OfferedStart[] {
  const limit = opts.limit ?? DEFAULT_OFFER_LIMIT;
  if (!Number.isInteger(limit) || limit < 0) {
    throw new RangeError(`Invalid offer limit ${limit}: expected a whole number, zero or more.`);
  }
  const clock = new ClinicClock(opts.timeZone);
  const day = opts.date === undefined ? null : parseLocalDate(opts.date, "the asked date");
  const part = opts.partOfDay === undefined ? null : PARTS[opts.partOfDay];
  if (part === undefined) throw new RangeError(`Unknown part of day "${opts.partOfDay}".`);

  const ordered = [...starts].sort(
    (a, b) =>
      a.start.getTime() - b.start.getTime() ||
      (a.practitionerId < b.practitionerId ? -1 : a.practitionerId > b.practitionerId ? 1 : 0),
  );
  const gap = SAME_PRACTITIONER_GAP * 60_000;
  const picked: OfferedStart[] = [];
  for (const start of ordered) {
    if (picked.length >= limit) break;
    const ms = start.start.getTime();
    if (day !== null && clock.localDay(ms) !== day) continue;
    if (part) {
      const hour = clock.localTimeOfDayMs(ms) / 3_600_000;
      if (hour < part[0] || hour >= part[1]) continue;
    }
    const crowded = picked.some(
      (offer) =>
        offer.start.getTime() === ms ||
        (offer.practitionerId === start.practitionerId &&
          Math.abs(offer.start.getTime() - ms) < gap),
    );
    if (!crowded) picked.push(start);
  }
  return picked;
}
