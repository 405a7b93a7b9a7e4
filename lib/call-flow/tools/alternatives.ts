import { getOffer } from "@/lib/db/offers";
import type { Tx } from "@/lib/db/transaction";

import { offerTimes, type OfferedSlot } from "./offer-times";

/**
 * Up to three other times of the same appointment type as the refused offer, soonest from the
 * refused time on, recorded as new offers for this call. None when the slotId names no offer
 * of this clinic.
 */
export async function alternativesTo(
  tx: Tx,
  input: { clinicId: string; callId: string; slotId: string },
): Promise<OfferedSlot[]> {
  const offer = await getOffer(tx, input.clinicId, input.slotId);
  if (!offer?.procedureId) return [];
  const { slots } = await offerTimes(tx, {
    clinicId: input.clinicId,
    callId: input.callId,
    procedureId: offer.procedureId,
    typeId: offer.appointmentTypeId,
    exclude: { practitionerId: offer.practitionerId, start: offer.startsAt },
    limit: 3,
  });
  return slots;
}
