import "server-only";

import type { CallState } from "@/types/call-states";

import type { CallRow } from "./calls";
import type { ClinicRef } from "./clinic-lookup";
import type { Checked, Col } from "./rows";
import type { Tx } from "./transaction";

/** How a Vapi message starts: its clinic, and either the earlier answer (a duplicate) or its call. */
export type VapiMessageStart =
  | { clinic: ClinicRef; duplicate: true; response: unknown }
  | { clinic: ClinicRef; duplicate: false; webhookEventId: number; call: CallRow | null };

/**
 * The first step of every Vapi message, in one round trip (`private.vapi_message_context`):
 * the clinic it is for (by the number called, then `clinicId` from the assistant's metadata,
 * then a call already recorded), its dedupe key recorded (a duplicate gets the earlier answer
 * and goes no further), then its call: recorded or updated (`createCall`; caller number,
 * CallSid and assistant filled in where empty, the earliest start kept), or only looked up.
 * Null when no clinic matches. Takes the dedupe row's lock, then the call's (the lock order in
 * lib/db/locks.ts).
 */
export async function startVapiMessage(
  tx: Tx,
  input: {
    phoneNumber?: string;
    clinicId?: string;
    vapiCallId?: string;
    dedupeKey: string;
    messageType: string;
    createCall: boolean;
    callerNumber?: string;
    twilioCallSid?: string;
    assistantId?: string;
    at: Date;
  },
): Promise<VapiMessageStart | null> {
  // What the carrier and Vapi send is checked here: a malformed number or CallSid is left out, not refused.
  const caller =
    input.callerNumber && /^\+?[0-9]{3,15}$/.test(input.callerNumber) ? input.callerNumber : null;
  const sid =
    input.twilioCallSid && /^CA[0-9a-fA-F]{32}$/.test(input.twilioCallSid)
      ? input.twilioCallSid
      : null;
  // The function passes these columns through unchanged (a function's result has no generated
  // type; each field names the column it returns); `duplicate` is computed.
  const row = await tx.maybeOne<{
    clinicId: Col<"clinics", "id">;
    clinicName: Col<"clinics", "name">;
    clinicTimezone: Col<"clinics", "timezone">;
    clinicLocale: Col<"clinics", "locale">;
    clinicCurrency: Col<"clinics", "currency">;
    clinicPhoneNumber: Col<"clinics", "phone_number">;
    clinicVapiAssistantId: Col<"clinics", "vapi_assistant_id">;
    webhookEventId: Col<"webhook_events", "id"> | null;
    duplicate: boolean;
    response: Col<"webhook_events", "response">;
    callId: Col<"calls", "id"> | null;
    callClinicId: Col<"calls", "clinic_id"> | null;
    callState: Checked<Col<"calls", "state">, CallState> | null;
    callStateVersion: Col<"calls", "state_version"> | null;
    callCallerNumber: Col<"calls", "caller_number">;
  }>(
    `select clinic_id as "clinicId", clinic_name as "clinicName", clinic_timezone as "clinicTimezone",
            clinic_locale as "clinicLocale", clinic_currency as "clinicCurrency",
            clinic_phone_number as "clinicPhoneNumber", clinic_vapi_assistant_id as "clinicVapiAssistantId",
            webhook_event_id as "webhookEventId", duplicate, response, call_id as "callId",
            call_clinic_id as "callClinicId", call_state as "callState", call_state_version as "callStateVersion",
            call_caller_number as "callCallerNumber"
       from private.vapi_message_context($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      input.phoneNumber ?? null,
      input.clinicId ?? null,
      input.vapiCallId ?? null,
      input.dedupeKey,
      input.messageType,
      input.createCall,
      caller,
      sid,
      input.assistantId ?? null,
      input.at,
    ],
  );
  if (!row) return null;
  const clinic: ClinicRef = {
    id: row.clinicId,
    name: row.clinicName,
    timezone: row.clinicTimezone,
    locale: row.clinicLocale,
    currency: row.clinicCurrency,
    phoneNumber: row.clinicPhoneNumber,
    vapiAssistantId: row.clinicVapiAssistantId,
  };
  if (row.duplicate) return { clinic, duplicate: true, response: row.response };
  const call: CallRow | null =
    row.callId && row.callClinicId && row.callState && row.callStateVersion !== null
      ? {
          id: row.callId,
          clinicId: row.callClinicId,
          vapiCallId: input.vapiCallId!,
          state: row.callState,
          stateVersion: row.callStateVersion,
          callerNumber: row.callCallerNumber,
        }
      : null;
  return { clinic, duplicate: false, webhookEventId: row.webhookEventId!, call };
}
