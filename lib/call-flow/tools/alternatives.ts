import { getOffer, type SlotOffer } from "@/lib/db/offers";
import type { Tx } from "@/lib/db/transaction";

import { offerTimes, type OfferedSlot } from "./offer-times";

/**
 * Up to three other times of the same appointment type as the refused offer, soonest from the
 * refused time on, recorded as new offers for this call. None when the slotId names no offer
 * of this clinic.
 */
export async function alternativesTo(
  tx: Tx,
  input: {
    clinicId: string;
    callId: string;
    /** The clinic's locale, for the times' labels. */
    locale: string;
    slotId: string;
    /** The refused offer when the caller has it already (hold_slot reads it with the claim); null: not this clinic's. */
    offer?: Pick<
      SlotOffer,
      "appointmentTypeId" | "procedureId" | "practitionerId" | "startsAt"
    > | null;
  },
): Promise<OfferedSlot[]> {
  const offer =
    input.offer === undefined ? await getOffer(tx, input.clinicId, input.slotId) : input.offer;
  if (!offer?.procedureId) return [];
  const { slots } = await offerTimes(tx, {
    clinicId: input.clinicId,
    callId: input.callId,
    locale: input.locale,
    procedureId: offer.procedureId,
    typeId: offer.appointmentTypeId,
    exclude: { practitionerId: offer.practitionerId, start: offer.startsAt },
    limit: 3,
    // The soonest three are nearly always within two days; widened to two weeks when not.
    firstWindowDays: 2,
  });
  return slots;
}
