"use server";

import { revalidatePath } from "next/cache";

import * as aftercare from "@/lib/aftercare/service";
import {
  aftercareAssignSchema,
  aftercareDeleteSchema,
  aftercareRenameSchema,
} from "@/lib/validations/aftercare";

import { clinicAction, type ActionResult } from "./safe-action";

const NOT_ADMIN = "Only clinic admins can change aftercare documents.";
const GONE = "That document no longer exists.";
const INVALID = { error: "Invalid request." };
const adminAction = clinicAction({ role: "admin", refused: NOT_ADMIN });

function done(ok: boolean): ActionResult {
  revalidatePath("/admin/aftercare");
  revalidatePath("/admin/procedures");
  return ok ? {} : { error: GONE };
}

// Uploads (a new PDF, a replacement file) go to route handlers, not server actions: see
// lib/aftercare/upload.ts (server actions keep Next's 1 MB body limit).

export const renameDocument = adminAction(
  { schema: aftercareRenameSchema, invalid: "fields" },
  async ({ id, title }, { claims, clinic }) =>
    done(await aftercare.renameAftercareDocument(claims, clinic.id, id, title)),
);

export const assignDocument = adminAction(
  { schema: aftercareAssignSchema, invalid: INVALID },
  async ({ id, procedureIds }, { claims, clinic }) =>
    done(await aftercare.assignAftercareDocument(claims, clinic.id, id, procedureIds)),
);

export const deleteDocument = adminAction(
  { schema: aftercareDeleteSchema, invalid: INVALID },
  async ({ id }, { claims, clinic }) => {
    const result = await aftercare.deleteAftercareDocument(claims, clinic.id, id);
    if (result.outcome === "in_use") {
      const one = result.procedures.length === 1;
      const names = new Intl.ListFormat("en", { type: "conjunction" }).format(result.procedures);
      return {
        error: `${names} still ${one ? "sends" : "send"} this document. Choose another document (or none) for ${one ? "it" : "them"} first, then delete it.`,
      };
    }
    return done(result.outcome === "deleted");
  },
);
