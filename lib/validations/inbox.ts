import { z } from "zod";

/** A staff reply from the inbox: one text, one idempotency key per press of Send. */
export const replySchema = z.object({
  patientId: z.uuid("Choose a conversation."),
  body: z
    .string()
    .transform((body) => body.replaceAll("\u0000", "").trim())
    .pipe(
      z
        .string()
        .min(1, "Write a reply first.")
        .refine(
          (body) => Array.from(body).length <= 1600,
          "A text can be at most 1,600 characters.",
        ),
    ),
  replyKey: z.uuid("Missing reply key."),
});
export type ReplyInput = z.infer<typeof replySchema>;

export const conversationSchema = z.object({ patientId: z.uuid("Choose a conversation.") });
