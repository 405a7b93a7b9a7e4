import "server-only";

import type { Claims } from "@/lib/auth/claims";
import { getLatencyProfile } from "@/lib/db/assistant";
import { latencyOverview } from "@/lib/db/insights";
import { latencyByDay, latencySummary } from "@/lib/db/latency";
import { withClaims } from "@/lib/db/transaction";
import type { DateRange } from "@/lib/validations/date-range";

/** The Latency page: reply times over `range` (overall and per day and profile), the last 7 days and the clinic's profile. */
export function loadLatency(claims: Claims, clinicId: string, range: DateRange) {
  return withClaims(claims, async (tx) => ({
    overview: await latencyOverview(tx, clinicId, range.from, range.to),
    rows: await latencyByDay(tx, clinicId, range.from, range.to),
    recent: await latencySummary(tx, clinicId),
    profile: await getLatencyProfile(tx, clinicId),
  }));
}
