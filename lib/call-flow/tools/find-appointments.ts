import { textManageLinks } from "@/lib/appointments/manage-link-texts";
import { firstName, namesMatch } from "@/lib/appointments/names";
import { clinicForPatients, upcomingAppointmentsByPhone } from "@/lib/db/appointment-changes";
import { setCallDetails } from "@/lib/db/calls";
import { findAppointmentsTool } from "@/lib/vapi/tool-definitions";

import { spokenTime, zonedIso } from "../time";
import { defineTool } from "./types";

const NOT_FOUND_NOTE =
  "No upcoming appointment matches that name on the number they are calling from. Do not say whether anyone else has appointments here. Offer to text a link to manage the appointment to the number we have on file; if they agree, call find_appointments again with sendManageLink true.";

// find_appointments {patientName, sendManageLink?} -> the caller's upcoming appointments, only
// when the calling number is the appointment's and the name given is the one on it; otherwise
// none, and (when asked) a manage link texted to the number on file of any appointment under
// that name, without saying whether there is one.
export const findAppointments = defineTool({
  ...findAppointmentsTool,
  async run({ tx, clinic, call }, { patientName, sendManageLink }) {
    const policy = (await clinicForPatients(tx, clinic.id))?.cancellationPolicy.trim() ?? "";
    const cancellationPolicy = policy || null;
    const mine = call.callerNumber
      ? (await upcomingAppointmentsByPhone(tx, clinic.id, call.callerNumber)).filter((row) =>
          namesMatch(patientName, row.patientName),
        )
      : [];
    if (mine.length > 0) {
      await setCallDetails(tx, call.id, { callerName: mine[0]!.patientName });
      return {
        outcome: `${mine.length} appointments`,
        result: {
          appointments: mine.map((row) => ({
            appointmentId: row.id,
            start: zonedIso(row.startsAt, clinic.timezone),
            end: zonedIso(row.endsAt, clinic.timezone),
            practitioner: row.practitioner,
            procedure: row.procedure ?? row.typeName ?? "appointment",
            label: `${spokenTime(row.startsAt, clinic)} with ${row.practitioner}`,
            status: row.status,
          })),
          callerFirstName: firstName(mine[0]!.patientName),
          timezone: clinic.timezone,
          cancellationPolicy,
          note: `The caller confirmed their name; you may call them ${firstName(mine[0]!.patientName)}. To move one: check_availability for the same treatment, then reschedule_appointment with the slotId. To cancel: read the cancellation policy first${cancellationPolicy ? "" : " (the clinic has none on file)"}, then cancel_appointment once they confirm.`,
        },
      };
    }
    if (sendManageLink) {
      const planned = await textManageLinks(tx, {
        clinicId: clinic.id,
        callId: call.id,
        patientName,
      });
      return {
        outcome: `manage_link_${planned}`,
        result: {
          appointments: [],
          manageLinkSent: true,
          note: "Tell the caller: if we have an appointment under that name, a link to see, move or cancel it has been texted to the number we have on file. Do not say whether one was found.",
        },
      };
    }
    return {
      outcome: call.callerNumber ? "no_match" : "no_caller_number",
      result: { appointments: [], manageLinkOffered: true, note: NOT_FOUND_NOTE },
    };
  },
});
