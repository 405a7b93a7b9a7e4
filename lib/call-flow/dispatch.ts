import "server-only";

import {
  assistantRequestSchema,
  endOfCallReportSchema,
  envelopeSchema,
  hangSchema,
  speechUpdateSchema,
  statusUpdateSchema,
  toolCallsSchema,
  transferDestinationRequestSchema,
  transferUpdateSchema,
  userInterruptedSchema,
} from "@/lib/vapi/schemas";
import { transcriptMessageSchema } from "@/lib/vapi/transcript-schema";

import { assistantRequest } from "./handlers/assistant-request";
import { endOfCallReport } from "./handlers/end-of-call-report";
import { hang } from "./handlers/hang";
import { speechUpdate } from "./handlers/speech-update";
import { statusUpdate } from "./handlers/status-update";
import { toolCalls } from "./handlers/tool-calls";
import { transcript } from "./handlers/transcript";
import { transferDestinationRequest } from "./handlers/transfer-destination-request";
import { transferUpdate } from "./handlers/transfer-update";
import { userInterrupted } from "./handlers/user-interrupted";

export interface HandlerResponse {
  status: number;
  body: unknown;
}

/** Routes a verified Vapi server message to its handler. Zod errors become 422 upstream. */
export async function dispatchVapiMessage(payload: unknown): Promise<HandlerResponse> {
  const { message } = envelopeSchema.parse(payload);
  switch (message.type) {
    case "status-update":
      return statusUpdate(statusUpdateSchema.parse(message));
    case "speech-update":
      return speechUpdate(speechUpdateSchema.parse(message));
    case "tool-calls":
      return toolCalls(toolCallsSchema.parse(message));
    case "end-of-call-report":
      return endOfCallReport(endOfCallReportSchema.parse(message));
    case "hang":
      return hang(hangSchema.parse(message));
    case "assistant-request":
      return assistantRequest(assistantRequestSchema.parse(message));
    case "transfer-destination-request":
      return transferDestinationRequest(transferDestinationRequestSchema.parse(message));
    case "transfer-update":
      return transferUpdate(transferUpdateSchema.parse(message));
    case "user-interrupted":
      return userInterrupted(userInterruptedSchema.parse(message));
    case "transcript":
    case 'transcript[transcriptType="final"]':
    case "transcript[transcriptType='final']":
      return transcript(transcriptMessageSchema.parse(message));
    default:
      // conversation-update, partial transcripts and types we don't use: acknowledged, nothing stored.
      return { status: 200, body: { ok: true, ignored: message.type } };
  }
}
