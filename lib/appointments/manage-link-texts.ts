import "server-only";

import { upcomingAppointmentsOfClinic } from "@/lib/db/appointment-changes";
import { insertCallEvent } from "@/lib/db/calls";
import { enqueueCallManageLink } from "@/lib/db/reminders";
import type { Tx } from "@/lib/db/transaction";

import { namesMatch } from "./names";

/** At most this many appointments under one name get a link from one request. */
const MAX_LINKS = 3;

/**
 * A caller whose number or name did not match asked for a manage link: every upcoming
 * appointment under that name (at most three) gets a manage link texted to the number on file
 * for it (never to the calling number, unless it is that number). The caller is told the same
 * whatever happened, so nothing is revealed. Each text is planned in the call's own transaction
 * as a durable appointment text and sent by the reminders worker (lib/reminders/worker.ts),
 * which issues the link, skips opted-out numbers and patients without consent, and sends it
 * once or marks it failed: a webhook rolled back and retried plans nothing twice. Returns how
 * many were planned.
 */
export async function textManageLinks(
  tx: Tx,
  input: { clinicId: string; callId: string; patientName: string },
): Promise<number> {
  const matches = (await upcomingAppointmentsOfClinic(tx, input.clinicId))
    .filter((row) => namesMatch(input.patientName, row.patientName))
    .slice(0, MAX_LINKS);
  let planned = 0;
  for (const row of matches)
    if (await enqueueCallManageLink(tx, { clinicId: input.clinicId, bookingId: row.id }))
      planned += 1;
  await insertCallEvent(tx, {
    clinicId: input.clinicId,
    callId: input.callId,
    kind: "note",
    event: "manage_link.planned",
    metadata: { count: planned },
  });
  return planned;
}
