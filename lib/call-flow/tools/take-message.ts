import { insertCallEvent, setCallDetails } from "@/lib/db/calls";
import {
  getCallUrgency,
  loadRoutingSource,
  setTransfer,
  upsertCallbackTask,
} from "@/lib/db/routing";
import { openingState } from "@/lib/hours/opening";
import { recogniseUrgentSigns } from "@/lib/hours/urgent";
import { redactLiveLine } from "@/lib/redaction/intercept";
import { takeMessageTool } from "@/lib/vapi/tool-definitions";

import { noteUrgentCall } from "../urgent";
import { defineTool } from "./types";

// take_message {message, callerName?, urgent?} -> a call-back task for the front desk: the
// message redacted with the clinic's rules (the raw words are never stored), the call's
// patient (the task belongs to the call), and its urgency. After a transfer that nobody
// answered (Vapi's warm-transfer fallback hands the caller back to Voxanne), the transfer is
// recorded as unanswered. One task per call: a second message replaces the first.
export const takeMessage = defineTool({
  ...takeMessageTool,
  async run({ tx, clinic, call, at, afterCommit }, { message, callerName, urgent }) {
    if (callerName) await setCallDetails(tx, call.id, { callerName });
    const check = recogniseUrgentSigns(message);
    if (check.signs.length || check.emergency)
      await noteUrgentCall(
        { tx, clinicId: clinic.id, callId: call.id, at, afterCommit },
        check,
        "take_message",
      );
    const before = await getCallUrgency(tx, call.id);
    const isUrgent = Boolean(urgent) || before.urgency !== null;
    const unanswered =
      before.transferOutcome === "requested" || before.transferOutcome === "transferred";
    if (unanswered) await setTransfer(tx, call.id, { outcome: "unanswered" });
    let closed = false;
    try {
      closed = !openingState((await loadRoutingSource(tx, clinic.id)).schedule, at.getTime()).open;
    } catch {
      closed = false;
    }
    const redacted = await redactLiveLine(tx, {
      clinicId: clinic.id,
      callId: call.id,
      text: message,
    });
    const reason = unanswered
      ? "Message after an unanswered transfer"
      : closed
        ? "Message taken after hours"
        : "Message taken by Voxanne";
    await upsertCallbackTask(tx, {
      clinicId: clinic.id,
      callId: call.id,
      reason: isUrgent ? `Urgent: ${reason.toLowerCase()}` : reason,
      message: redacted,
      urgency: isUrgent ? "urgent" : "routine",
    });
    await insertCallEvent(tx, {
      clinicId: clinic.id,
      callId: call.id,
      kind: "note",
      event: "message.taken",
      occurredAt: at,
      metadata: { urgent: isUrgent, afterTransfer: unanswered },
    });
    return {
      outcome: isUrgent ? "urgent" : "taken",
      result: {
        taken: true,
        urgent: isUrgent,
        note: isUrgent
          ? "Tell the caller the message is marked urgent and the clinical team will call them back as soon as possible; if it gets worse, they should call the emergency number."
          : "Tell the caller the team will call them back.",
      },
    };
  },
});
