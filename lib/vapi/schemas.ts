import { z } from "zod";

/**
 * Vapi server messages, parsed tolerantly: real payloads vary by API version (timestamps as
 * ISO strings or epoch ms, tool arguments as objects or JSON strings, transcripts at the top
 * level in older reports). Unknown fields pass through; unknown enum values are kept as text.
 */

/** ISO string, epoch ms or epoch seconds -> Date. */
export const vapiTime = z.union([z.number(), z.string().min(1)]).transform((value, ctx) => {
  const date =
    typeof value === "number"
      ? new Date(value < 1e12 ? value * 1000 : value)
      : /^\d+(\.\d+)?$/.test(value)
        ? new Date(Number(value) < 1e12 ? Number(value) * 1000 : Number(value))
        : new Date(value);
  if (Number.isNaN(date.getTime())) {
    ctx.addIssue({ code: "custom", message: "not a timestamp" });
    return z.NEVER;
  }
  return date;
});

const phoneNumberSchema = z.looseObject({ id: z.string().optional(), number: z.string().max(32).optional() });
const customerSchema = z.looseObject({ number: z.string().max(32).optional(), name: z.string().max(200).optional() });
const assistantSchema = z.looseObject({
  id: z.string().optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
});

export const callSchema = z.looseObject({
  id: z.string().min(1).max(200),
  orgId: z.string().optional(),
  assistantId: z.string().optional(),
  phoneNumberId: z.string().optional(),
  phoneCallProvider: z.string().optional(),
  phoneCallProviderId: z.string().max(64).optional(),
  customer: customerSchema.optional(),
  phoneNumber: phoneNumberSchema.optional(),
  assistantOverrides: z.looseObject({ metadata: z.record(z.string(), z.unknown()).optional() }).optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
});

const base = {
  call: callSchema.optional(),
  timestamp: vapiTime.optional(),
  phoneNumber: phoneNumberSchema.optional(),
  customer: customerSchema.optional(),
  assistant: assistantSchema.optional(),
};

export const envelopeSchema = z.object({
  message: z.looseObject({ type: z.string().min(1).max(100) }),
});

export const statusUpdateSchema = z.looseObject({
  ...base,
  type: z.literal("status-update"),
  status: z.string().min(1).max(50),
  endedReason: z.string().max(200).optional(),
});

export const speechUpdateSchema = z.looseObject({
  ...base,
  type: z.literal("speech-update"),
  status: z.string().min(1).max(20),
  role: z.string().min(1).max(20),
  turn: z.number().int().nonnegative().optional(),
});

const toolArguments = z.union([z.record(z.string(), z.unknown()), z.string(), z.null()]).optional();
export const toolCallSchema = z.looseObject({
  id: z.string().min(1).max(200),
  type: z.string().optional(),
  function: z.looseObject({ name: z.string().min(1).max(100), arguments: toolArguments, parameters: toolArguments }),
});

export const toolCallsSchema = z
  .looseObject({
    ...base,
    type: z.literal("tool-calls"),
    toolCallList: z.array(toolCallSchema).max(20).optional(),
    toolWithToolCallList: z.array(z.looseObject({ toolCall: toolCallSchema })).max(20).optional(),
  })
  .transform((message, ctx) => {
    const calls = message.toolCallList?.length ? message.toolCallList : (message.toolWithToolCallList ?? []).map((tool) => tool.toolCall);
    if (calls.length === 0) {
      ctx.addIssue({ code: "custom", path: ["toolCallList"], message: "no tool calls in the message" });
      return z.NEVER;
    }
    return { ...message, toolCalls: calls };
  });

const transcriptMessageSchema = z.looseObject({
  role: z.string(),
  message: z.string().optional(),
  time: z.union([z.number(), z.string()]).optional(),
  endTime: z.union([z.number(), z.string()]).optional(),
  secondsFromStart: z.number().optional(),
});

export const endOfCallReportSchema = z.looseObject({
  ...base,
  type: z.literal("end-of-call-report"),
  endedReason: z.string().max(200).optional(),
  startedAt: vapiTime.optional(),
  endedAt: vapiTime.optional(),
  artifact: z
    .looseObject({
      messages: z.array(transcriptMessageSchema).optional(),
      transcript: z.string().optional(),
      performanceMetrics: z.unknown().optional(),
    })
    .optional(),
  messages: z.array(transcriptMessageSchema).optional(),
  analysis: z.looseObject({ summary: z.string().optional(), structuredData: z.unknown().optional() }).optional(),
});

export const hangSchema = z.looseObject({ ...base, type: z.literal("hang") });
export const assistantRequestSchema = z.looseObject({ ...base, type: z.literal("assistant-request") });
export const conversationUpdateSchema = z.looseObject({ ...base, type: z.enum(["conversation-update", "transcript"]) });

export type StatusUpdate = z.infer<typeof statusUpdateSchema>;
export type SpeechUpdate = z.infer<typeof speechUpdateSchema>;
export type ToolCallsMessage = z.infer<typeof toolCallsSchema>;
export type ToolCall = z.infer<typeof toolCallSchema>;
export type EndOfCallReport = z.infer<typeof endOfCallReportSchema>;
export type HangMessage = z.infer<typeof hangSchema>;
export type AssistantRequest = z.infer<typeof assistantRequestSchema>;
export type VapiCall = z.infer<typeof callSchema>;

/** Tool-call arguments as an object, whether Vapi sent an object or a JSON string. */
export function toolArgs(call: ToolCall): { ok: true; args: Record<string, unknown> } | { ok: false } {
  const raw = call.function.arguments ?? call.function.parameters ?? {};
  if (typeof raw !== "string") return { ok: true, args: raw ?? {} };
  try {
    const parsed: unknown = raw.trim() ? JSON.parse(raw) : {};
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? { ok: true, args: parsed as Record<string, unknown> } : { ok: false };
  } catch {
    return { ok: false };
  }
}
