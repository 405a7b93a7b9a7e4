import "server-only";

import { randomUUID } from "node:crypto";

import type { Col } from "./rows";
import type { Tx } from "./transaction";

/** A time check_availability offered a call; its id is the `slotId` the assistant passes back. */
export interface SlotOffer {
  slotId: Col<"slot_offers", "id">;
  appointmentTypeId: Col<"slot_offers", "appointment_type_id">;
  procedureId: Col<"slot_offers", "procedure_id">;
  practitionerId: Col<"slot_offers", "practitioner_id">;
  /** The offer's practitioner (an inner join: always there). */
  practitioner: Col<"practitioners", "name">;
  resourceId: Col<"slot_offers", "resource_id">;
  startsAt: Col<"slot_offers", "starts_at">;
  endsAt: Col<"slot_offers", "ends_at">;
}

export interface NewOffer {
  appointmentTypeId: string;
  procedureId: string;
  practitionerId: string;
  resourceId: string | null;
  startsAt: Date;
  endsAt: Date;
  occupiedStart: Date;
  occupiedEnd: Date;
}

/** Records offers made to a call (valid for `minutes`); their ids (the slotIds), in the order given. */
export async function insertOffers(
  tx: Tx,
  clinicId: string,
  callId: string,
  offers: NewOffer[],
  minutes = 15,
): Promise<string[]> {
  if (offers.length === 0) return [];
  const ids = offers.map(() => randomUUID());
  await tx.query(
    `insert into public.slot_offers (id, clinic_id, call_id, appointment_type_id, procedure_id, practitioner_id, resource_id,
                                     starts_at, ends_at, occupied, expires_at)
     select o.id, $1, $2, o.type_id, o.procedure_id, o.practitioner_id, o.resource_id, o.starts_at, o.ends_at,
            tstzrange(o.occupied_start, o.occupied_end), now() + make_interval(mins => $12)
       from unnest($3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[], $7::uuid[], $8::timestamptz[], $9::timestamptz[],
                   $10::timestamptz[], $11::timestamptz[])
            as o (id, type_id, procedure_id, practitioner_id, resource_id, starts_at, ends_at, occupied_start, occupied_end)`,
    [
      clinicId,
      callId,
      ids,
      offers.map((offer) => offer.appointmentTypeId),
      offers.map((offer) => offer.procedureId),
      offers.map((offer) => offer.practitionerId),
      offers.map((offer) => offer.resourceId),
      offers.map((offer) => offer.startsAt),
      offers.map((offer) => offer.endsAt),
      offers.map((offer) => offer.occupiedStart),
      offers.map((offer) => offer.occupiedEnd),
      minutes,
    ],
  );
  return ids;
}

/** One offer of this clinic (any call), with its practitioner's name. */
export function getOffer(tx: Tx, clinicId: string, slotId: string): Promise<SlotOffer | null> {
  return tx.maybeOne<SlotOffer>(
    `select o.id as "slotId", o.appointment_type_id as "appointmentTypeId", o.procedure_id as "procedureId",
            o.practitioner_id as "practitionerId", p.name as practitioner, o.resource_id as "resourceId",
            o.starts_at as "startsAt", o.ends_at as "endsAt"
       from public.slot_offers o join public.practitioners p on p.id = o.practitioner_id
      where o.id = $1 and o.clinic_id = $2`,
    [slotId, clinicId],
  );
}
