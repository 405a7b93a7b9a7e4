import "server-only";

import type { Claims } from "@/lib/auth/claims";
import { recordAccess } from "@/lib/db/access-log";
import {
  getCallDetail as queryCallDetail,
  isClinicCall as queryIsClinicCall,
} from "@/lib/db/call-detail";
import { callHistoryOptions, listCallHistory } from "@/lib/db/call-history";
import { getLiveCallsSnapshot as queryLiveCalls } from "@/lib/db/live-calls";
import { asSignedIn, withClaims } from "@/lib/db/transaction";
import {
  HISTORY_EXPORT_LIMIT,
  HISTORY_PAGE_SIZE,
  type CallHistoryQuery,
} from "@/lib/validations/call-history";

// Calls as staff see them, read as the signed-in person so RLS scopes them to their clinics.

/**
 * Everything about one call: null if it does not exist or belongs to another clinic. Opening it
 * (and its transcript) is recorded in the clinic's access log, in the same transaction.
 */
export function getCallDetail(claims: Claims, callId: string) {
  return withClaims(claims, async (tx) => {
    const detail = await queryCallDetail(tx, callId);
    if (detail) await recordAccess(tx, detail.call.clinicId, "call", detail.call.id);
    return detail;
  });
}

/** Whether this person can see `callId` as one of `clinicId`'s calls. */
export const isClinicCall = asSignedIn(queryIsClinicCall);

/** The live board's snapshot, in the same shape as the broadcasts. */
export const getLiveCallsSnapshot = asSignedIn(queryLiveCalls);

/** The call history page: one page of calls under the query, the total, and the filters' options. */
export function loadCallHistory(claims: Claims, clinicId: string, query: CallHistoryQuery) {
  return withClaims(claims, async (tx) => {
    const { rows, total } = await listCallHistory(tx, clinicId, query, {
      limit: HISTORY_PAGE_SIZE,
      offset: (query.page - 1) * HISTORY_PAGE_SIZE,
    });
    return { rows, total, options: await callHistoryOptions(tx, clinicId) };
  });
}

/** Every call under the query (up to HISTORY_EXPORT_LIMIT), for the admins' CSV export; recorded in the access log. */
export function exportCallHistory(claims: Claims, clinicId: string, query: CallHistoryQuery) {
  return withClaims(claims, async (tx) => {
    const result = await listCallHistory(tx, clinicId, query, {
      limit: HISTORY_EXPORT_LIMIT,
      offset: 0,
    });
    // Every export is in the access log, written in the transaction that read the rows.
    await recordAccess(tx, clinicId, "calls_export", clinicId);
    return result;
  });
}
