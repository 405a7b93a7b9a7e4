import "server-only";

import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/api/errors";
import { loadAssistantSource } from "@/lib/db/assistant";
import { loadOpeningSchedule } from "@/lib/db/opening-hours";
import type { Tx } from "@/lib/db/transaction";
import { saveWebhookResponse } from "@/lib/db/webhook-events";
import { describeSpecialDates, openingState } from "@/lib/hours/opening";
import { assistantFor } from "@/lib/vapi/assistant";
import type { AssistantRequest } from "@/lib/vapi/schemas";

import { applyCallEvent } from "../apply-event";
import { inCallContext } from "../context";

// assistant-request: which assistant answers this number. Vapi allows 7.5 s end to end. The
// answer carries what depends on the moment as template variables (`assistantOverrides
// .variableValues`, filled into the prompt's {{clinicStatus}}): whether the front desk is open
// now, from the clinic's opening hours and closures in its time zone.
export async function assistantRequest(message: AssistantRequest) {
  const key = `${message.call?.id ?? message.timestamp?.getTime()}:assistant-request`;
  try {
    const result = await inCallContext(message, key, async (ctx) => {
      if (ctx.call)
        await applyCallEvent(
          ctx.tx,
          ctx.call.id,
          { type: "call.received" },
          { occurredAt: ctx.at },
        );
      const env = getEnv();
      const assistant = ctx.clinic.vapiAssistantId
        ? { assistantId: ctx.clinic.vapiAssistantId }
        : { assistant: assistantFor(await loadAssistantSource(ctx.tx, ctx.clinic.id), env) };
      const body = {
        ...assistant,
        assistantOverrides: {
          variableValues: await callVariables(ctx.tx, ctx.clinic.id, ctx.at, ctx.clinic.locale),
        },
      };
      await saveWebhookResponse(ctx.tx, ctx.webhookEventId, body);
      return body;
    });
    return { status: 200, body: result.duplicate ? result.response : result.value };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") {
      return {
        status: 200,
        body: {
          error: "Sorry, this number is not set up to take calls yet. Please try again later.",
        },
      };
    }
    throw error;
  }
}

/** The prompt's per-call variables (lib/vapi/assistant.ts `CALL_VARIABLES`), at this moment. */
async function callVariables(
  tx: Tx,
  clinicId: string,
  at: Date,
  locale: string,
): Promise<Record<string, string>> {
  let clinicStatus: string;
  let specialHours: string;
  const schedule = await loadOpeningSchedule(tx, clinicId);
  try {
    // In the clinic's words: "Thursday 24 December 09:00–13:00" in London, "Thursday,
    // December 24 9:00 AM–1:00 PM" in New York.
    clinicStatus = openingState(schedule, at.getTime(), locale).label;
    specialHours = describeSpecialDates(schedule, at.getTime(), undefined, locale);
  } catch (error) {
    // Malformed hours never stop a call from being answered.
    if (!(error instanceof RangeError)) throw error;
    clinicStatus = "unknown (ask the caller to hold while you check, or take a message)";
    specialHours = "unknown";
  }
  return { clinicStatus, specialHours };
}
