import "server-only";

import type { AlertCounts } from "@/types/alerts";
import { HOLD_WARNING_SECONDS } from "@/types/alerts";
import type { Claims } from "@/lib/auth/claims";
import {
  countAlerts,
  getAlertPreferences,
  saveAlertPreferences,
  type AlertPreferences,
} from "@/lib/db/alerts";
import { withClaims } from "@/lib/db/transaction";

// Alerts (issue 20): what needs the front desk, counted as the signed-in person (RLS decides),
// and each member of staff's own choice of sound and browser notifications.

export function loadAlerts(claims: Claims, clinicId: string): Promise<AlertCounts> {
  return withClaims(claims, (tx) => countAlerts(tx, clinicId, HOLD_WARNING_SECONDS));
}

export function loadAlertPreferences(claims: Claims, clinicId: string): Promise<AlertPreferences> {
  return withClaims(claims, (tx) => getAlertPreferences(tx, clinicId));
}

export function updateAlertPreferences(
  claims: Claims,
  clinicId: string,
  preferences: AlertPreferences,
): Promise<AlertPreferences> {
  return withClaims(claims, (tx) => saveAlertPreferences(tx, clinicId, preferences));
}

export type { AlertPreferences };
