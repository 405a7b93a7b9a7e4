import "server-only";

import type { Col, Columns } from "./rows";
import type { Tx } from "./transaction";

// Which clinic a webhook is about, found from what the provider sends (never from a session).

export interface ClinicRef {
  id: Col<"clinics", "id">;
  name: Col<"clinics", "name">;
  timezone: Col<"clinics", "timezone">;
  phoneNumber: Col<"clinics", "phone_number">;
  vapiAssistantId: Col<"clinics", "vapi_assistant_id">;
}

/** The clinic a message is for: by the number called, then assistant metadata, then a known call. */
export async function resolveClinic(
  tx: Tx,
  hints: { phoneNumber?: string; clinicId?: string; vapiCallId?: string },
): Promise<ClinicRef | null> {
  return tx.maybeOne<ClinicRef>(
    `select id, name, timezone, phone_number as "phoneNumber", vapi_assistant_id as "vapiAssistantId"
       from public.clinics c
      where ($1::text is not null and c.phone_number = $1)
         or ($2::text ~ '^[0-9a-f-]{36}$' and c.id = $2::uuid)
         or c.id = (select clinic_id from public.calls where vapi_call_id = $3)
      order by (c.phone_number = $1) desc nulls last
      limit 1`,
    [hints.phoneNumber ?? null, hints.clinicId ?? null, hints.vapiCallId ?? null],
  );
}

/** The clinic whose own number this is (texts patients send it). */
export function findClinicByNumber(
  tx: Tx,
  phoneNumber: string,
): Promise<{ id: string; name: string; phone: string } | null> {
  return tx.maybeOne<Columns<"clinics", { id: "id"; name: "name"; phone: "phone_number" }>>(
    "select id, name, phone_number as phone from public.clinics where phone_number = $1",
    [phoneNumber],
  );
}
