import "server-only";

import {
  getCallDetail as queryCallDetail,
  isClinicCall as queryIsClinicCall,
} from "@/lib/db/call-detail";
import { getLiveCallsSnapshot as queryLiveCalls } from "@/lib/db/live-calls";
import { asSignedIn } from "@/lib/db/transaction";

// Calls as staff see them, read as the signed-in person so RLS scopes them to their clinics.

/** Everything about one call: null if it does not exist or belongs to another clinic. */
export const getCallDetail = asSignedIn(queryCallDetail);

/** Whether this person can see `callId` as one of `clinicId`'s calls. */
export const isClinicCall = asSignedIn(queryIsClinicCall);

/** The live board's snapshot, in the same shape as the broadcasts. */
export const getLiveCallsSnapshot = asSignedIn(queryLiveCalls);
