import "server-only";

import type { Claims } from "@/lib/auth/claims";
import { loadOpeningSchedule } from "@/lib/db/opening-hours";
import { withClaims } from "@/lib/db/transaction";

import type { OpeningSchedule } from "./opening";

/** The clinic's opening hours and current closures, as the signed-in member (RLS). */
export function getOpeningSchedule(claims: Claims, clinicId: string): Promise<OpeningSchedule> {
  return withClaims(claims, (tx) => loadOpeningSchedule(tx, clinicId));
}
