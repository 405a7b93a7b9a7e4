import "server-only";

import type { Col } from "./rows";
import type { Tx } from "./transaction";

// The clinic's number in Vapi (supabase/migrations/20261201001100_vapi_phone_number.sql): what
// the import is built from, and what the last push did.

export interface VapiNumberSource {
  name: Col<"clinics", "name">;
  phoneNumber: Col<"clinics", "phone_number">;
  frontDeskNumber: Col<"clinics", "front_desk_number">;
  vapiPhoneNumberId: Col<"clinics", "vapi_phone_number_id">;
}

export interface VapiNumberStatus {
  vapiPhoneNumberId: Col<"clinics", "vapi_phone_number_id">;
  attemptedAt: Col<"clinics", "vapi_number_attempted_at">;
  syncedAt: Col<"clinics", "vapi_number_synced_at">;
  fallback: Col<"clinics", "vapi_number_fallback">;
  error: Col<"clinics", "vapi_number_error">;
}

export function loadVapiNumberSource(tx: Tx, clinicId: string): Promise<VapiNumberSource | null> {
  return tx.maybeOne<VapiNumberSource>(
    `select name, phone_number as "phoneNumber", front_desk_number as "frontDeskNumber",
            vapi_phone_number_id as "vapiPhoneNumberId"
       from public.clinics where id = $1`,
    [clinicId],
  );
}

/** What the last push did; null when the clinic is not visible (RLS). */
export function getVapiNumberStatus(tx: Tx, clinicId: string): Promise<VapiNumberStatus | null> {
  return tx.maybeOne<VapiNumberStatus>(
    `select vapi_phone_number_id as "vapiPhoneNumberId", vapi_number_attempted_at as "attemptedAt",
            vapi_number_synced_at as "syncedAt", vapi_number_fallback as "fallback",
            vapi_number_error as "error"
       from public.clinics where id = $1`,
    [clinicId],
  );
}

/** Records a push: its id and fallback when it succeeded, else why it failed (the id is kept). */
export async function recordVapiNumberPush(
  tx: Tx,
  clinicId: string,
  result: { ok: true; id: string; fallback: string | null } | { ok: false; error: string },
): Promise<void> {
  if (result.ok)
    await tx.query(
      `update public.clinics
          set vapi_phone_number_id = $2, vapi_number_fallback = $3, vapi_number_error = null,
              vapi_number_attempted_at = now(), vapi_number_synced_at = now()
        where id = $1`,
      [clinicId, result.id, result.fallback],
    );
  else
    await tx.query(
      `update public.clinics set vapi_number_error = left($2, 500), vapi_number_attempted_at = now()
        where id = $1`,
      [clinicId, result.error],
    );
}
