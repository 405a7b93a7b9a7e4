import "server-only";

import { linkableAppointments, setTextAppointment } from "@/lib/db/inbox";
import type { Tx } from "@/lib/db/transaction";

import { appointmentNamedBy } from "./appointment-mention";

/**
 * Links a text just recorded to the appointment of its patient that it names, if exactly one
 * fits (lib/inbox/appointment-mention.ts). Runs in the transaction that recorded the text.
 */
export async function linkTextToAppointment(
  tx: Tx,
  clinicId: string,
  text: { id: string; patientId: string | null; createdAt: Date },
  body: string,
): Promise<string | null> {
  if (!text.patientId || !body.trim()) return null;
  const { timeZone, appointments } = await linkableAppointments(tx, clinicId, text.patientId);
  const bookingId = appointmentNamedBy(body, appointments, { timeZone, now: text.createdAt });
  if (bookingId) await setTextAppointment(tx, text.id, bookingId);
  return bookingId;
}
