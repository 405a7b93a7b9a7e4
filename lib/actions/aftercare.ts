"use server";

import { revalidatePath } from "next/cache";

import { readPdfUpload } from "@/lib/aftercare/files";
import * as aftercare from "@/lib/aftercare/service";
import { databaseFailure } from "@/lib/db/errors";
import {
  aftercareAssignSchema,
  aftercareDeleteSchema,
  aftercareRenameSchema,
  aftercareReplaceSchema,
  aftercareUploadSchema,
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

/** Storage or database trouble: logged for us, plain words for the admin. */
function failed(error: unknown): ActionResult {
  if (databaseFailure(error) === "forbidden") return { error: NOT_ADMIN };
  console.error("[aftercare] upload failed:", error instanceof Error ? error.message : "unknown");
  return { error: "The file could not be saved. Please try again." };
}

// POST (server action) – upload a new aftercare PDF: FormData { title, file }.
export const uploadDocument = adminAction(
  {
    schema: aftercareUploadSchema,
    invalid: "fields",
    input: (form: FormData) => ({ title: form.get("title") ?? "", file: form.get("file") }),
  },
  async ({ title, file }, { claims, clinic }) => {
    const upload = await readPdfUpload(file);
    if ("error" in upload) return { fieldErrors: { file: upload.error } };
    try {
      await aftercare.createAftercareDocument(claims, clinic.id, title, upload);
    } catch (error) {
      return failed(error);
    }
    return done(true);
  },
);

// Replace the PDF of an existing document: FormData { id, file }.
export const replaceDocumentFile = adminAction(
  {
    schema: aftercareReplaceSchema,
    invalid: "fields",
    input: (form: FormData) => ({ id: form.get("id"), file: form.get("file") }),
  },
  async ({ id, file }, { claims, clinic }) => {
    const upload = await readPdfUpload(file);
    if ("error" in upload) return { fieldErrors: { file: upload.error } };
    try {
      return done(await aftercare.replaceAftercareFile(claims, clinic.id, id, upload));
    } catch (error) {
      return failed(error);
    }
  },
);

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
