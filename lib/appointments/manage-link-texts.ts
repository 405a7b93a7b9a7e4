import "server-only";

import { getEnv } from "@/lib/env";
import { clinicForPatients, upcomingAppointmentsOfClinic } from "@/lib/db/appointment-changes";
import { insertCallEvent } from "@/lib/db/calls";
import { createManageLink } from "@/lib/db/manage-links";
import { findPatientByPhone } from "@/lib/db/patients";
import { recordSms } from "@/lib/db/sms-messages";
import type { Tx } from "@/lib/db/transaction";
import { withService } from "@/lib/db/transaction";
import { getSmsSender } from "@/lib/sms";

import { namesMatch } from "./names";
import { manageLinkText } from "./texts";

/** At most this many appointments under one name get a link from one request. */
const MAX_LINKS = 3;

export function manageUrl(token: string): string {
  return `${getEnv().APP_URL.replace(/\/$/, "")}/m/${token}`;
}

/**
 * A caller whose number or name did not match asked for a manage link: every upcoming
 * appointment under that name (at most three) gets a new link texted to the number on file for
 * it (never to the calling number, unless it is that number), unless that number opted out.
 * The caller is told the same whatever happened, so nothing is revealed. The link is committed
 * before the text goes (its own transaction, so the link opens even if this call's webhook is
 * rolled back) and the text is recorded in sms_messages. Returns how many were texted.
 */
export async function textManageLinks(
  tx: Tx,
  input: { clinicId: string; callId: string; patientName: string },
): Promise<number> {
  const matches = (await upcomingAppointmentsOfClinic(tx, input.clinicId))
    .filter((row) => namesMatch(input.patientName, row.patientName))
    .slice(0, MAX_LINKS);
  const clinic = await clinicForPatients(tx, input.clinicId);
  if (!clinic?.phoneNumber) return 0;
  let texted = 0;
  for (const row of matches) {
    const to = row.patientPhone!;
    const patient = await findPatientByPhone(tx, input.clinicId, to);
    if (patient?.optedOutAt) continue;
    const token = await withService((own) =>
      createManageLink(own, { clinicId: input.clinicId, bookingId: row.id }),
    );
    const body = manageLinkText({
      clinicName: clinic.name,
      link: manageUrl(token),
    });
    const sender = getSmsSender();
    try {
      const sent = await sender.send({
        clinicId: input.clinicId,
        followUpId: null,
        to,
        from: clinic.phoneNumber,
        body,
      });
      await withService((own) =>
        recordSms(own, {
          clinicId: input.clinicId,
          followUpId: null,
          direction: "outbound",
          to,
          from: clinic.phoneNumber!,
          body,
          provider: sender.provider,
          providerSid: sent.providerSid,
          status: sent.status,
        }),
      );
      texted += 1;
    } catch (error) {
      await insertCallEvent(tx, {
        clinicId: input.clinicId,
        callId: input.callId,
        kind: "note",
        event: "manage_link.failed",
        metadata: { error: (error as Error).message?.slice(0, 200) ?? "send failed" },
      });
    }
  }
  await insertCallEvent(tx, {
    clinicId: input.clinicId,
    callId: input.callId,
    kind: "note",
    event: "manage_link.texted",
    metadata: { count: texted },
  });
  return texted;
}
