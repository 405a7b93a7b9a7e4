import { z } from "zod";

/**
 * The form parameters of the Twilio callbacks we take, read tolerantly: anything else Twilio
 * sends (AccountSid, media, ...) is accepted and not kept.
 */

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);

// Voice status callback (call-status).
export const callStatusSchema = z.looseObject({
  CallSid: z.string().regex(/^CA[0-9a-fA-F]{32}$/, "CallSid must be a Twilio call sid"),
  CallStatus: z.string().min(1).max(30),
  Timestamp: z.string().max(100).optional(),
});
export type CallStatusCallback = z.infer<typeof callStatusSchema>;

// Message status callback (sms-status) for a text we sent.
export const smsStatusSchema = z.looseObject({
  MessageSid: z
    .string()
    .regex(/^(SM|MM)[0-9a-fA-F]{32}$/, "MessageSid must be a Twilio message sid"),
  MessageStatus: z.string().min(1).max(30),
  ErrorCode: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(0).max(2_147_483_647).optional(),
  ),
});
export type SmsStatusCallback = z.infer<typeof smsStatusSchema>;

const messageSid = z.preprocess(
  emptyAsUndefined,
  z
    .string()
    .regex(/^[A-Z]{2}[0-9a-fA-F]{32}$/, "must be a Twilio message sid")
    .optional(),
);

// A text a patient sent to a clinic's number (inbound-sms). Media is kept only as a count
// (NumMedia, 0-10; anything else reads as 0): MediaUrl0, ... and any other parameter Twilio
// adds are accepted and not kept.
export const inboundSmsSchema = z.looseObject({
  From: z.string().min(3).max(64),
  To: z.string().min(3).max(64),
  // Stored up to 1,600 characters (Twilio's limit); a media-only message has none.
  Body: z.string().default(""),

  MessageSid: messageSid,
  // Deprecated aliases of MessageSid that Twilio still sends.
  SmsMessageSid: messageSid,
  SmsSid: messageSid,
  OptOutType: z.preprocess(emptyAsUndefined, z.string().max(32).optional()),
});
export type InboundSms = z.infer<typeof inboundSmsSchema>;

/** How many media items came with a text (Twilio NumMedia, 0-10); anything malformed reads as 0. */
export function mediaCountOf(sms: InboundSms): number {
  const count = Number(sms.NumMedia);
  return Number.isInteger(count) && count > 0 ? Math.min(count, 10) : 0;
}
