"use server";

import { AppError } from "@/lib/api/errors";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { markRead, sendReply } from "@/lib/inbox/service";
import { conversationSchema, replySchema } from "@/lib/validations/inbox";

import { clinicAction, type ActionResult } from "./safe-action";

// The inbox's writes: any member of the clinic replies to a patient and marks a conversation
// read. A refused reply (opted out, no number, another clinic's patient) sends and stores
// nothing and answers the service's sentence; a failed send is kept as a failed text.
const memberAction = clinicAction({ role: "member", refused: "You are not a member of a clinic." });

async function refusals<R extends object>(
  write: () => Promise<R>,
  unavailable: string,
): Promise<R | ActionResult> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof AppError) return { error: error.message };
    if (isDatabaseUnavailable(error)) return { error: unavailable };
    throw error;
  }
}

export const replyToPatient = memberAction(
  { schema: replySchema, invalid: "fields" },
  (input, { claims, clinic }) =>
    refusals(
      () => sendReply(claims, clinic.id, input),
      "Texts are unavailable for a moment. Nothing was sent; try again.",
    ),
);

export const markConversationRead = memberAction(
  { schema: conversationSchema, invalid: "first-issue" },
  ({ patientId }, { claims, clinic }) =>
    refusals(async () => ({ marked: await markRead(claims, clinic.id, patientId) }), "Try again."),
);
