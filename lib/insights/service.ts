import "server-only";

import type { Claims } from "@/lib/auth/claims";
import { callFunnelByDay, followUpFunnelByDay, outcomesByEndedReason } from "@/lib/db/insights";
import { withClaims } from "@/lib/db/transaction";
import type { DateRange } from "@/lib/validations/date-range";

/** The Insights page: the call and follow-up funnels per day and outcomes by ended reason, over `range`. */
export function loadInsights(claims: Claims, clinicId: string, range: DateRange) {
  return withClaims(claims, async (tx) => ({
    calls: await callFunnelByDay(tx, clinicId, range.from, range.to),
    followUps: await followUpFunnelByDay(tx, clinicId, range.from, range.to),
    outcomes: await outcomesByEndedReason(tx, clinicId, range.from, range.to),
  }));
}
