import "server-only";

import { AppError } from "@/lib/api/errors";
import { saveWebhookResponse } from "@/lib/db/webhook-events";
import type { ToolCallsMessage } from "@/lib/vapi/schemas";

import { inCallContext, requireCall } from "../context";
import { runToolCall, type ToolCallResult } from "../tools";

const UNAVAILABLE =
  "I'm sorry, I can't reach this clinic's diary right now. Please offer to have the team call back.";

// tool-calls: run each tool in order and answer {results} with HTTP 200, as Vapi requires.
// A retried delivery gets the stored answer, so a hold is never taken twice.
export async function toolCalls(message: ToolCallsMessage) {
  const ids = message.toolCalls.map((call) => call.id).join(",");
  const key = `${message.call?.id}:tool-calls:${ids}`;
  // Only offers: what it writes (the offers, the call's intent, audit rows, the stored answer)
  // can be lost in a database crash without harm (a lost offer is refused when held, and the
  // assistant asks again), so its commit does not wait for the disk, often the largest part
  // of its answer time on a busy machine. Holds, bookings and releases always wait.
  const onlyOffers = message.toolCalls.every((call) => call.name === "check_availability");
  try {
    const result = await inCallContext(
      message,
      key,
      async (ctx) => {
        const call = requireCall(ctx);
        const results: ToolCallResult[] = [];
        for (const toolCall of message.toolCalls)
          results.push(await runToolCall({ ...ctx, call }, toolCall));
        const body = { results };
        await saveWebhookResponse(ctx.tx, ctx.webhookEventId, body);
        return body;
      },
      { durableCommit: !onlyOffers },
    );
    return {
      status: 200,
      body: result.duplicate ? (result.response ?? { results: [] }) : result.value,
    };
  } catch (error) {
    // An unknown clinic still gets an answer the assistant can say out loud.
    if (error instanceof AppError && error.code === "not_found") {
      return {
        status: 200,
        body: {
          results: message.toolCalls.map((call) => ({
            toolCallId: call.id,
            name: call.name,
            error: UNAVAILABLE,
          })),
        },
      };
    }
    throw error;
  }
}
