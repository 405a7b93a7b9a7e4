import { z } from "zod";

import type { Turn } from "@/lib/redaction/conversation";
import { vapiTime } from "@/lib/vapi/schemas";

/**
 * Vapi's `transcript` server message (SDK `ServerMessageTranscript`): one line of what the
 * caller or the assistant said, partial or final. Newer SDKs also send it typed
 * `transcript[transcriptType="final"]` (single quotes in some SDKs).
 *
 * Vapi writes unset fields as `null`, so every optional field here reads `null` as absent.
 * Unknown fields are dropped on purpose (plain objects, not loose ones): `originalTranscript`
 * is the raw text before Vapi's security filter and must not reach anything downstream of this
 * parse. `artifact` (SDK `Artifact`, "a live version of the call.artifact") holds the whole
 * conversation so far: it is reduced here to the last few turns' role and text, which the live
 * line's redaction reads as context (what the assistant just asked) and nothing else keeps.
 */

/** `null` → absent, then the optional schema. */
const nullish = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === null ? undefined : value), schema.optional());

const text = (max: number) => nullish(z.string().max(max));
const metadata = nullish(z.record(z.string(), z.unknown()));
const withNumber = nullish(z.object({ number: text(32) }));

const callSchema = z.object({
  id: z.string().min(1).max(200),
  assistantId: text(200),
  phoneCallProviderId: text(64),
  customer: withNumber,
  phoneNumber: withNumber,
  assistantOverrides: nullish(z.object({ metadata })),
  metadata,
});

export const TRANSCRIPT_TYPES = [
  "transcript",
  'transcript[transcriptType="final"]',
  "transcript[transcriptType='final']",
] as const;

export const transcriptMessageSchema = z
  .object({
    type: z.enum(TRANSCRIPT_TYPES),
    call: nullish(callSchema),
    timestamp: nullish(vapiTime),
    phoneNumber: withNumber,
    customer: withNumber,
    assistant: nullish(z.object({ id: text(200), metadata })),
    // Kept as text: an unknown role or transcript type is ignored by the handler, not refused.
    role: text(40),
    transcriptType: text(40),
    transcript: nullish(z.string()),
    // Whatever shape it comes in (or none): never a reason to refuse the line. Only its last
    // turns are kept, as `context`.
    artifact: z.unknown().optional(),
  })
  .transform(({ artifact, ...message }) => ({ ...message, context: earlierTurns(artifact) }));

export type TranscriptMessage = z.infer<typeof transcriptMessageSchema>;

/** A turn of the conversation so far, as context for redacting the next line. */
export type ContextTurn = Turn;

/** How many earlier turns the live line's redaction reads, and how long each may be. */
const CONTEXT_TURNS = 6;
const CONTEXT_TURN_MAX_CHARS = 2_000;

/**
 * The last turns of `artifact.messages` (SDK `Artifact.messages`: `UserMessage` role "user",
 * `BotMessage` role "bot" or "assistant", each with `message`; system and tool messages skipped).
 * Anything else, or nothing, is no context.
 */
export function earlierTurns(artifact: unknown): ContextTurn[] {
  const messages = (artifact as { messages?: unknown } | null | undefined)?.messages;
  if (!Array.isArray(messages)) return [];
  const turns: ContextTurn[] = [];
  for (const item of messages.slice(-(CONTEXT_TURNS + 1))) {
    const { role, message } = (item ?? {}) as { role?: unknown; message?: unknown };
    if (typeof message !== "string" || message.trim() === "") continue;
    if (role === "user")
      turns.push({ role: "caller", text: message.slice(0, CONTEXT_TURN_MAX_CHARS) });
    else if (role === "bot" || role === "assistant")
      turns.push({ role: "assistant", text: message.slice(0, CONTEXT_TURN_MAX_CHARS) });
  }
  return turns;
}

export interface FinalLine {
  role: "user" | "assistant";
  text: string;
}

/** The final line this message carries, or null for a partial, an empty line or another role. */
export function finalLine(message: TranscriptMessage): FinalLine | null {
  const kind = message.transcriptType ?? (message.type === "transcript" ? undefined : "final");
  const role =
    message.role === "user"
      ? "user"
      : message.role === "assistant" || message.role === "bot"
        ? "assistant"
        : null;
  const text = message.transcript?.trim();
  return kind === "final" && role && text ? { role, text } : null;
}
