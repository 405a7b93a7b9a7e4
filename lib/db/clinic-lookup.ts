import "server-only";

import type { Col } from "./rows";
import type { Tx } from "./transaction";

// Which clinic a webhook is about, found from what the provider sends (never from a session).
// A Vapi message's clinic is found with its dedupe row and call (lib/db/vapi-message.ts).

export interface ClinicRef {
  id: Col<"clinics", "id">;
  name: Col<"clinics", "name">;
  timezone: Col<"clinics", "timezone">;
  locale: Col<"clinics", "locale">;
  currency: Col<"clinics", "currency">;
  phoneNumber: Col<"clinics", "phone_number">;
  vapiAssistantId: Col<"clinics", "vapi_assistant_id">;
}

/** The clinic whose own number this is (texts patients send it). */
export function findClinicByNumber(
  tx: Tx,
  phoneNumber: string,
): Promise<{ id: string; name: string; phone: string; locale: string } | null> {
  // `phone_number = $1` matches only clinics that have a number.
  return tx.maybeOne<{ id: string; name: string; phone: string; locale: string }>(
    "select id, name, phone_number as phone, locale from public.clinics where phone_number = $1",
    [phoneNumber],
  );
}
