import "server-only";

import type { Vapi } from "@vapi-ai/server-sdk";

import { AppError } from "@/lib/api/errors";
import { insertCallEvent } from "@/lib/db/calls";
import { getCallUrgency, loadRoutingSource, setTransfer } from "@/lib/db/routing";
import { saveWebhookResponse } from "@/lib/db/webhook-events";
import { decideTransfer, type TransferChoice } from "@/lib/hours/routing";
import { recogniseUrgentSigns, type UrgentSign } from "@/lib/hours/urgent";
import type { TransferDestinationRequest } from "@/lib/vapi/schemas";

import { inCallContext, requireCall } from "../context";
import { noteUrgentCall } from "../urgent";

// transfer-destination-request: the assistant's transferCall has no fixed destination, so Vapi
// asks us where to send the caller, and we choose at this moment from the clinic's opening
// hours, closures and on-call rota (lib/hours/routing.ts). The caller's lines so far (the
// message's live artifact) are checked for urgent signs too, so a concern the transcript check
// has not seen yet still counts. The answer is Vapi's ServerMessageResponseTransferDestinationRequest
// (node_modules/@vapi-ai/server-sdk, docs.vapi.ai "Server events" → transfer-destination-request):
// `{destination}` (a number, with a warm-transfer plan that falls back to Voxanne, who takes a
// message) or `{error}`: why not, and what to do instead, for the model to act on.

type Response = Vapi.ServerMessageResponseTransferDestinationRequest;

/** The caller's lines in the live artifact: `{role: "user", message}` (Vapi's OpenAI-style `content` too). */
function callerLines(message: TransferDestinationRequest): string[] {
  return (message.artifact?.messages ?? []).flatMap((entry) => {
    if (typeof entry !== "object" || entry === null) return [];
    const { role, message: said, content } = entry as Record<string, unknown>;
    const text = typeof said === "string" ? said : typeof content === "string" ? content : null;
    return role === "user" && text ? [text.slice(0, 2000)] : [];
  });
}

const SUMMARY_PROMPT =
  "You are briefing a colleague who is about to take this call. In one or two sentences say what the caller needs and whether it is urgent. Do not read out card numbers, dates of birth or addresses.";

/** Warm transfer: the caller waits, the person answering hears a summary; nobody answers → back to Voxanne. */
function transferPlan(choice: Extract<TransferChoice, { number: string }>): Vapi.TransferPlan {
  return {
    mode: "warm-transfer-experimental",
    summaryPlan: {
      enabled: true,
      messages: [
        { role: "system", content: SUMMARY_PROMPT },
        { role: "user", content: "Here is the transcript:\n\n{{transcript}}\n\n" },
      ],
    },
    timeout: 30,
    fallbackPlan: {
      message:
        choice.kind === "on_call"
          ? "I'm sorry, the clinician on call didn't answer. I'll take a short message and mark it urgent so they call you back."
          : "I'm sorry, nobody at the front desk could pick up just now. I'll take a message and make sure someone calls you back.",
      endCallEnabled: false,
    },
  };
}

export async function transferDestinationRequest(message: TransferDestinationRequest) {
  const key = `${message.call?.id}:transfer-destination-request:${message.timestamp?.getTime() ?? ""}`;
  try {
    const result = await inCallContext(message, key, async (ctx) => {
      const call = requireCall(ctx);
      // What the caller said so far, beside what the transcript check already flagged.
      const seen = new Set<UrgentSign>();
      let emergency = false;
      for (const line of callerLines(message)) {
        const check = recogniseUrgentSigns(line);
        check.signs.forEach((sign) => seen.add(sign));
        emergency ||= check.emergency;
      }
      await noteUrgentCall(
        {
          tx: ctx.tx,
          clinicId: ctx.clinic.id,
          callId: call.id,
          at: ctx.at,
          afterCommit: ctx.afterCommit,
        },
        { signs: [...seen], emergency },
        "transfer-request",
      );
      const urgency = await getCallUrgency(ctx.tx, call.id);
      const routing = await loadRoutingSource(ctx.tx, ctx.clinic.id);
      const choice = decideTransfer(
        routing,
        { urgent: urgency.urgency !== null, emergency: urgency.urgency === "emergency" },
        ctx.at.getTime(),
      );
      let body: Response;
      if (choice.kind !== "none") {
        await setTransfer(ctx.tx, call.id, { target: choice.kind, outcome: "requested" });
        body = {
          destination: {
            type: "number",
            number: choice.number,
            description: choice.description,
            message: choice.say,
            transferPlan: transferPlan(choice),
          },
        };
      } else {
        await setTransfer(ctx.tx, call.id, { target: null, outcome: "refused" });
        body = { error: choice.instruction };
      }
      await insertCallEvent(ctx.tx, {
        clinicId: ctx.clinic.id,
        callId: call.id,
        kind: "note",
        event: "transfer.destination",
        occurredAt: ctx.at,
        metadata: {
          target: choice.kind,
          ...(choice.kind === "none" ? { reason: choice.reason } : {}),
          urgency: urgency.urgency,
        },
      });
      await saveWebhookResponse(ctx.tx, ctx.webhookEventId, body);
      return body;
    });
    return { status: 200, body: result.duplicate ? result.response : result.value };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found")
      return {
        status: 200,
        body: {
          error: "Do not transfer: this number is not set up yet. Offer to take a message.",
        } satisfies Response,
      };
    throw error;
  }
}
