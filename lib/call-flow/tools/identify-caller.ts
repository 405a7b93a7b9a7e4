import { firstName, namesMatch } from "@/lib/appointments/names";
import { setCallDetails } from "@/lib/db/calls";
import { namesOnFileForPhone } from "@/lib/db/patients";
import { identifyCallerTool } from "@/lib/vapi/tool-definitions";

import { defineTool } from "./types";

const NEW_CALLER_NOTE =
  "Not recognised: treat them as a new caller and keep using the name they gave. Do not say whether this number or this name is known to the clinic.";

// identify_caller {patientName} -> whether the caller is a returning patient. Recognised only
// when the number they call from is on file in this clinic AND the name they said is one it is
// on file under (the patient's, or one its appointments were booked under: a household may share
// a number). The answer carries the first name on file and counts only, never another person's
// details: a caller who names someone else on a shared phone hears nothing about them.
export const identifyCaller = defineTool({
  ...identifyCallerTool,
  async run({ tx, clinic, call }, { patientName }) {
    // Looked up before this call's name is recorded: the database files a call's caller name on
    // the number's patient record, and a name must not recognise itself.
    const names = call.callerNumber
      ? (await namesOnFileForPhone(tx, clinic.id, call.callerNumber)).filter((row) =>
          namesMatch(patientName, row.name),
        )
      : [];
    await setCallDetails(tx, call.id, { callerName: patientName });
    if (names.length === 0)
      return {
        outcome: call.callerNumber ? "not_recognised" : "no_caller_number",
        result: { recognised: false, note: NEW_CALLER_NOTE },
      };
    const upcoming = names.reduce((sum, row) => sum + row.upcoming, 0);
    const visits = names.reduce((sum, row) => sum + row.visits, 0);
    const first = firstName(names[0]!.name);
    return {
      outcome: "recognised",
      result: {
        recognised: true,
        firstName: first,
        upcomingAppointments: upcoming,
        previousVisits: visits,
        note: `Returning patient: you may call them ${first}, and you already have their name for a booking. ${
          upcoming > 0
            ? `They have ${upcoming === 1 ? "an upcoming appointment" : `${upcoming} upcoming appointments`}: if they call about ${upcoming === 1 ? "it" : "one"}, use find_appointments with their name before saying anything about it.`
            : "They have no upcoming appointment."
        } Never mention other people's appointments.`,
      },
    };
  },
});
