"use server";

import { revalidatePath } from "next/cache";

import { AppError } from "@/lib/api/errors";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import {
  blockTime as blockTimeInDiary,
  removeBlock as removeBlockFromDiary,
} from "@/lib/diary/blocks";
import {
  bookAppointment as bookAppointmentInDiary,
  cancelAppointment as cancelAppointmentInDiary,
  moveAppointment as moveAppointmentInDiary,
  setAppointmentStatus as setAppointmentStatusInDiary,
} from "@/lib/diary/service";
import {
  blockTimeSchema,
  bookAppointmentSchema,
  cancelAppointmentSchema,
  moveAppointmentSchema,
  removeBlockSchema,
  setAppointmentStatusSchema,
} from "@/lib/validations/diary";

import { clinicAction, type ActionResult } from "./safe-action";

// The front desk's writes to the diary. Receptionists and admins alike; RLS and the diary's SQL
// (locks and exclusion constraints, the same as the assistant's) decide. A refused write
// changes nothing and answers the service's sentence ("Dr Okafor already has an appointment at
// 10:30."), which the dialog shows where the receptionist is looking.
const memberAction = clinicAction({ role: "member", refused: "You are not a member of a clinic." });

async function refusals<R extends object>(write: () => Promise<R>): Promise<R | ActionResult> {
  try {
    const result = await write();
    revalidatePath("/bookings");
    return result;
  } catch (error) {
    if (error instanceof AppError) return { error: error.message };
    if (isDatabaseUnavailable(error))
      return { error: "The diary is unavailable for a moment. Nothing was changed; try again." };
    throw error;
  }
}

export const bookAppointment = memberAction(
  { schema: bookAppointmentSchema, invalid: "fields" },
  (input, { claims, clinic }) => refusals(() => bookAppointmentInDiary(claims, clinic.id, input)),
);

export const moveAppointment = memberAction(
  { schema: moveAppointmentSchema, invalid: "fields" },
  (input, { claims, clinic }) =>
    refusals(async () => {
      await moveAppointmentInDiary(claims, clinic.id, input);
      return {};
    }),
);

export const cancelAppointment = memberAction(
  { schema: cancelAppointmentSchema, invalid: "fields" },
  (input, { claims, clinic }) =>
    refusals(async () => {
      await cancelAppointmentInDiary(claims, clinic.id, input);
      return {};
    }),
);

export const setAppointmentStatus = memberAction(
  { schema: setAppointmentStatusSchema, invalid: "first-issue" },
  (input, { claims, clinic }) =>
    refusals(async () => {
      await setAppointmentStatusInDiary(claims, clinic.id, input);
      return {};
    }),
);

export const blockTime = memberAction(
  { schema: blockTimeSchema, invalid: "fields" },
  (input, { claims, clinic }) => refusals(() => blockTimeInDiary(claims, clinic.id, input)),
);

export const removeBlock = memberAction(
  { schema: removeBlockSchema, invalid: "first-issue" },
  (input, { claims, clinic }) =>
    refusals(async () => {
      await removeBlockFromDiary(claims, clinic.id, input);
      return {};
    }),
);
