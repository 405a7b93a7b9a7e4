import { z } from "zod";

import { withoutNulls } from "./nulls";
import { normalizeToolCalls, type NormalizedToolCall } from "./tool-calls";

/**
 * Vapi server messages, parsed tolerantly (architecture decision 9): real payloads vary by API
 * version and Vapi serialises unset fields as `null`. Every message is read through
 * `withoutNulls` first, so a `null` anywhere means "absent" for every optional field of every
 * schema below. Timestamps come as ISO strings, epoch ms or epoch seconds; tool calls in four
 * shapes (see ./tool-calls.ts); end-of-call reports of every vintage. Unknown fields pass
 * through; unknown enum values are kept as text.
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

/** A Vapi message schema: nulls are absent, wherever they are. */
const message = <Shape extends z.ZodRawShape>(shape: Shape) =>
  z.preprocess((value) => withoutNulls(value), z.looseObject(shape));

/** Free text we only display or match on: kept, but never allowed to be huge. */
const text = (max: number) => z.string().max(max);
const metadata = z.record(z.string(), z.unknown());

const phoneNumberSchema = z.looseObject({ id: text(200).optional(), number: text(32).optional() });
const customerSchema = z.looseObject({ number: text(32).optional(), name: text(200).optional() });
const assistantSchema = z.looseObject({ id: text(200).optional(), metadata: metadata.optional() });

export const callSchema = z.looseObject({
  id: z.string().min(1).max(200),
  orgId: text(200).optional(),
  assistantId: text(200).optional(),
  phoneNumberId: text(200).optional(),
  phoneCallProvider: text(50).optional(),
  phoneCallProviderId: text(64).optional(),
  customer: customerSchema.optional(),
  phoneNumber: phoneNumberSchema.optional(),
  assistantOverrides: z.looseObject({ metadata: metadata.optional() }).optional(),
  metadata: metadata.optional(),
  startedAt: vapiTime.optional(),
  endedAt: vapiTime.optional(),
});

const base = {
  call: callSchema.optional(),
  timestamp: vapiTime.optional(),
  phoneNumber: phoneNumberSchema.optional(),
  customer: customerSchema.optional(),
  assistant: assistantSchema.optional(),
};

export const envelopeSchema = z.preprocess(
  (value) => withoutNulls(value),
  z.object({ message: z.looseObject({ type: z.string().min(1).max(100) }) }),
);

export const statusUpdateSchema = message({
  ...base,
  type: z.literal("status-update"),
  status: z.string().min(1).max(50),
  endedReason: text(200).optional(),
  /** Where a forwarding call is going (status "forwarding"). */
  destination: z.unknown().optional(),
});

export const speechUpdateSchema = message({
  ...base,
  type: z.literal("speech-update"),
  status: z.string().min(1).max(20),
  role: z.string().min(1).max(20),
  turn: z.number().int().nonnegative().optional(),
});

export const toolCallsSchema = message({
  ...base,
  type: z.literal("tool-calls"),
  toolCallList: z.array(z.unknown()).max(20).optional(),
  toolWithToolCallList: z.array(z.unknown()).max(20).optional(),
  toolCalls: z.array(z.unknown()).max(20).optional(),
}).transform((parsed, ctx) => {
  const toolCalls = normalizeToolCalls(parsed);
  if (toolCalls.length === 0) {
    ctx.addIssue({
      code: "custom",
      path: ["toolCallList"],
      message: "no tool calls in the message",
    });
    return z.NEVER;
  }
  return { ...parsed, toolCalls };
});

const transcriptMessageSchema = z.looseObject({
  role: z.string(),
  message: z.string().optional(),
  time: z.union([z.number(), z.string()]).optional(),
  endTime: z.union([z.number(), z.string()]).optional(),
  secondsFromStart: z.number().optional(),
});

const finiteNumber = z.number().finite();

export const endOfCallReportSchema = message({
  ...base,
  type: z.literal("end-of-call-report"),
  endedReason: text(200).optional(),
  startedAt: vapiTime.optional(),
  endedAt: vapiTime.optional(),
  durationSeconds: finiteNumber.nonnegative().optional(),
  durationMs: finiteNumber.nonnegative().optional(),
  durationMinutes: finiteNumber.nonnegative().optional(),
  cost: finiteNumber.optional(),
  artifact: z
    .looseObject({
      messages: z.array(transcriptMessageSchema).optional(),
      transcript: z.string().optional(),
      performanceMetrics: z.unknown().optional(),
      structuredOutputs: z.unknown().optional(),
    })
    .optional(),
  // 2024 reports: the lines and the text at the top level (artifact.messages is then []).
  messages: z.array(transcriptMessageSchema).optional(),
  transcript: z.string().optional(),
  analysis: z
    .looseObject({ summary: z.string().optional(), structuredData: z.unknown().optional() })
    .optional(),
});

export const transferUpdateSchema = message({
  ...base,
  type: z.literal("transfer-update"),
  destination: z.unknown().optional(),
});
export const userInterruptedSchema = message({
  ...base,
  type: z.literal("user-interrupted"),
  turnId: text(200).optional(),
});
export const hangSchema = message({ ...base, type: z.literal("hang") });
export const assistantRequestSchema = message({ ...base, type: z.literal("assistant-request") });
/**
 * transfer-destination-request: the assistant called transferCall without a destination, so
 * we choose it now (Vapi's `ServerMessageTransferDestinationRequest`). Its live `artifact`
 * carries the conversation so far; the caller's lines are checked for urgent signs. Lines of
 * any other shape are ignored, not refused.
 */
export const transferDestinationRequestSchema = message({
  ...base,
  type: z.literal("transfer-destination-request"),
  artifact: z
    .looseObject({
      messages: z.array(z.unknown()).max(2000).optional(),
    })
    .optional(),
});

export type StatusUpdate = z.infer<typeof statusUpdateSchema>;
export type SpeechUpdate = z.infer<typeof speechUpdateSchema>;
export type ToolCallsMessage = z.infer<typeof toolCallsSchema>;
export type ToolCall = NormalizedToolCall;
export type EndOfCallReport = z.infer<typeof endOfCallReportSchema>;
export type TransferUpdate = z.infer<typeof transferUpdateSchema>;
export type UserInterrupted = z.infer<typeof userInterruptedSchema>;
export type HangMessage = z.infer<typeof hangSchema>;
export type AssistantRequest = z.infer<typeof assistantRequestSchema>;
export type TransferDestinationRequest = z.infer<typeof transferDestinationRequestSchema>;
export type VapiCall = z.infer<typeof callSchema>;
