import { isTerminal } from "@/types/call-states";
import { addProcedureOfInterest, setCallDetails } from "@/lib/db/calls";
import { matchProcedure, searchKnowledge } from "@/lib/procedures/lookup";
import { lookupProcedureTool } from "@/lib/vapi/tool-definitions";

import { applyCallEvent } from "../apply-event";
import { defineTool } from "./types";

const CALL_BACK =
  "I don't have approved information on that; offer a call back from the clinical team.";

// lookup_procedure {query} -> the matching procedure and the clinic's approved answers. Nothing is invented.
export const lookupProcedure = defineTool({
  ...lookupProcedureTool,
  async run({ tx, clinic, call, at }, { query }) {
    const procedure = await matchProcedure(tx, clinic.id, query);
    await applyCallEvent(
      tx,
      call.id,
      { type: "procedure.asked" },
      { occurredAt: at, metadata: { procedureId: procedure?.id ?? null } },
    );
    if (!procedure)
      return {
        outcome: "not_found",
        result: { found: false, message: `We don't list that procedure. ${CALL_BACK}` },
      };

    // A late delivery after the call ended is answered, but the call (and its hand-off) stay as they ended.
    if (!isTerminal(call.state)) {
      await addProcedureOfInterest(tx, call.id, procedure.id);
      await setCallDetails(tx, call.id, { intent: "information" });
    }
    const answers = await searchKnowledge(tx, procedure.id, query, procedure.matchedWords);
    const relevant = answers.filter((answer) => answer.relevance > 0.05);
    return {
      outcome: "found",
      result: {
        found: true,
        procedure: {
          name: procedure.name,
          description: procedure.description,
          typicalDurationMinutes: procedure.durationMinutes,
        },
        answers: (relevant.length ? relevant : answers).map(({ topic, question, answer }) => ({
          topic,
          question,
          answer,
        })),
        aftercareAvailable: procedure.aftercareAvailable,
        ...(relevant.length === 0 && answers.length > 0
          ? { note: `No answer matches that exact question. ${CALL_BACK}` }
          : {}),
        ...(answers.length === 0 ? { note: CALL_BACK } : {}),
      },
    };
  },
});
