import "server-only";

import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/api/errors";
import { loadAssistantSource } from "@/lib/db/assistant";
import { saveWebhookResponse } from "@/lib/db/webhook-events";
import { assistantFor } from "@/lib/vapi/assistant";
import type { AssistantRequest } from "@/lib/vapi/schemas";

import { applyCallEvent } from "../apply-event";
import { inCallContext } from "../context";

// assistant-request: which assistant answers this number. Vapi allows 7.5 s end to end.
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
      const body = ctx.clinic.vapiAssistantId
        ? { assistantId: ctx.clinic.vapiAssistantId }
        : { assistant: assistantFor(await loadAssistantSource(ctx.tx, ctx.clinic.id), env) };
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
