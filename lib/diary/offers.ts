// TEMPORARY stand-in for engineer B's offer picking (same interface as the contract).
import { DateTime } from "luxon";

import type { OfferedStart } from "./availability";

export function pickOffers(
  starts: OfferedStart[],
  opts: {
    timeZone: string;
    date?: string;
    partOfDay?: "morning" | "afternoon" | "evening";
    limit?: number;
  },
): OfferedStart[] {
  const limit = opts.limit ?? 5;
  const picked: OfferedStart[] = [];
  for (const start of starts) {
    if (picked.length >= limit) break;
    const local = DateTime.fromJSDate(start.start, { zone: opts.timeZone });
    if (opts.date && local.toISODate() !== opts.date) continue;
    if (opts.partOfDay === "morning" && local.hour >= 12) continue;
    if (opts.partOfDay === "afternoon" && (local.hour < 12 || local.hour >= 17)) continue;
    if (opts.partOfDay === "evening" && local.hour < 17) continue;
    if (picked.some((p) => p.start.getTime() === start.start.getTime())) continue;
    if (
      picked.some(
        (p) =>
          p.practitionerId === start.practitionerId &&
          Math.abs(p.start.getTime() - start.start.getTime()) < 30 * 60_000,
      )
    )
      continue;
    picked.push(start);
  }
  return picked;
}
