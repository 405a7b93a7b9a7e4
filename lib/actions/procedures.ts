"use server";

import { revalidatePath } from "next/cache";

import * as procedures from "@/lib/procedures/service";
import {
  knowledgeDeleteSchema,
  knowledgeSchema,
  procedureActiveSchema,
  procedureMoveSchema,
  procedureSchema,
} from "@/lib/validations/procedure";

import { clinicAction, type ActionResult } from "./safe-action";

const NOT_ADMIN = "Only clinic admins can change procedures.";
const GONE = "That procedure no longer exists.";
const INVALID = { error: "Invalid request." };
const adminAction = clinicAction({ role: "admin", refused: NOT_ADMIN });

function done(ok: boolean, missing = GONE): ActionResult {
  // The procedure list, the aftercare cards ("used by") and the assistant's view all change.
  revalidatePath("/admin/procedures");
  revalidatePath("/admin/aftercare");
  return ok ? {} : { error: missing };
}

export const saveProcedure = adminAction(
  { schema: procedureSchema, invalid: "fields" },
  async (input, { claims, clinic }): Promise<ActionResult> => {
    const outcome = await procedures.saveProcedure(claims, clinic.id, input);
    if (outcome === "duplicate")
      return { fieldErrors: { name: "You already have a procedure with this name." } };
    if (outcome === "bad_reference")
      return { fieldErrors: { aftercareDocumentId: "That aftercare document no longer exists." } };
    if (outcome === "forbidden") return { error: NOT_ADMIN };
    return done(outcome === "saved");
  },
);

export const setProcedureActive = adminAction(
  { schema: procedureActiveSchema, invalid: INVALID },
  async ({ id, active }, { claims, clinic }) =>
    done(await procedures.setProcedureActive(claims, clinic.id, id, active)),
);

export const moveProcedure = adminAction(
  { schema: procedureMoveSchema, invalid: INVALID },
  async ({ id, direction }, { claims, clinic }) =>
    done(await procedures.moveProcedure(claims, clinic.id, id, direction)),
);

export const saveKnowledgeEntry = adminAction(
  { schema: knowledgeSchema, invalid: "fields" },
  async (input, { claims, clinic }) => {
    const outcome = await procedures.saveKnowledge(claims, clinic.id, input);
    if (outcome === "forbidden") return { error: NOT_ADMIN };
    return done(outcome === "saved", "That answer or its procedure no longer exists.");
  },
);

export const deleteKnowledgeEntry = adminAction(
  { schema: knowledgeDeleteSchema, invalid: INVALID },
  async ({ id }, { claims, clinic }) =>
    done(
      await procedures.deleteKnowledge(claims, clinic.id, id),
      "That answer was already deleted.",
    ),
);
