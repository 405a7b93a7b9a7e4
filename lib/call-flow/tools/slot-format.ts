import type { AvailableSlot } from "@/lib/db/slots";

import { spokenTime, zonedIso } from "../time";

export function describeSlot(slot: AvailableSlot, timeZone: string) {
  return {
    slotId: slot.slotId,
    start: zonedIso(slot.startsAt, timeZone),
    end: zonedIso(slot.endsAt, timeZone),
    practitioner: slot.practitioner,
    label: `${spokenTime(slot.startsAt, timeZone)} with ${slot.practitioner}`,
  };
}
