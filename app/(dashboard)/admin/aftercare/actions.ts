"use server";

import { revalidatePath } from "next/cache";

import { adminContext, fieldErrors, type ActionResult } from "@/lib/actions/admin";
import { readPdfUpload } from "@/lib/aftercare/files";
import * as db from "@/lib/aftercare/service";
import {
  aftercareAssignSchema,
  aftercareDeleteSchema,
  aftercareRenameSchema,
  aftercareReplaceSchema,
  aftercareUploadSchema,
} from "@/lib/validations/aftercare";

const NOT_ADMIN = "Only clinic admins can change aftercare documents.";
const GONE = "That document no longer exists.";

function done(ok: boolean): ActionResult {
  revalidatePath("/admin/aftercare");
  revalidatePath("/admin/procedures");
  return ok ? {} : { error: GONE };
}

/** Storage or database trouble: logged for us, plain words for the admin. */
function failed(error: unknown): ActionResult {
  if ((error as { code?: string }).code === "42501") return { error: NOT_ADMIN };
  console.error("[aftercare] upload failed:", error instanceof Error ? error.message : "unknown");
  return { error: "The file could not be saved. Please try again." };
}

// POST (server action) – upload a new aftercare PDF: FormData { title, file }.
export async function uploadDocument(formData: FormData): Promise<ActionResult> {
  const admin = await adminContext();
  if (!admin) return { error: NOT_ADMIN };
  const parsed = aftercareUploadSchema.safeParse({ title: formData.get("title") ?? "", file: formData.get("file") });
  if (!parsed.success) return fieldErrors(parsed.error);
  const upload = await readPdfUpload(parsed.data.file);
  if ("error" in upload) return { fieldErrors: { file: upload.error } };
  try {
    await db.createAftercareDocument(admin.claims, admin.clinicId, parsed.data.title, upload);
  } catch (error) {
    return failed(error);
  }
  return done(true);
}

// Replace the PDF of an existing document: FormData { id, file }.
export async function replaceDocumentFile(formData: FormData): Promise<ActionResult> {
  const admin = await adminContext();
  if (!admin) return { error: NOT_ADMIN };
  const parsed = aftercareReplaceSchema.safeParse({ id: formData.get("id"), file: formData.get("file") });
  if (!parsed.success) return fieldErrors(parsed.error);
  const upload = await readPdfUpload(parsed.data.file);
  if ("error" in upload) return { fieldErrors: { file: upload.error } };
  try {
    return done(await db.replaceAftercareFile(admin.claims, admin.clinicId, parsed.data.id, upload));
  } catch (error) {
    return failed(error);
  }
}

export async function renameDocument(input: unknown): Promise<ActionResult> {
  const admin = await adminContext();
  if (!admin) return { error: NOT_ADMIN };
  const parsed = aftercareRenameSchema.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  return done(await db.renameAftercareDocument(admin.claims, admin.clinicId, parsed.data.id, parsed.data.title));
}

export async function assignDocument(input: unknown): Promise<ActionResult> {
  const admin = await adminContext();
  if (!admin) return { error: NOT_ADMIN };
  const parsed = aftercareAssignSchema.safeParse(input);
  if (!parsed.success) return { error: "Invalid request." };
  return done(await db.assignAftercareDocument(admin.claims, admin.clinicId, parsed.data.id, parsed.data.procedureIds));
}

export async function deleteDocument(input: unknown): Promise<ActionResult> {
  const admin = await adminContext();
  if (!admin) return { error: NOT_ADMIN };
  const parsed = aftercareDeleteSchema.safeParse(input);
  if (!parsed.success) return { error: "Invalid request." };
  const result = await db.deleteAftercareDocument(admin.claims, admin.clinicId, parsed.data.id);
  if (result.outcome === "in_use") {
    const names = new Intl.ListFormat("en", { type: "conjunction" }).format(result.procedures);
    return { error: `${names} still ${result.procedures.length === 1 ? "sends" : "send"} this document. Choose another document (or none) for ${result.procedures.length === 1 ? "it" : "them"} first, then delete it.` };
  }
  return done(result.outcome === "deleted");
}
