import "server-only";

import { revalidatePath } from "next/cache";

import { AppError } from "@/lib/api/errors";
import { requireClinicMember } from "@/lib/auth/api";
import type { Claims } from "@/lib/auth/claims";
import { databaseFailure } from "@/lib/db/errors";
import { MAX_PDF_BYTES } from "@/lib/storage";
import { aftercareReplaceSchema, aftercareUploadSchema } from "@/lib/validations/aftercare";

import { readPdfUpload, type PdfUpload } from "./files";
import { createAftercareDocument, replaceAftercareFile } from "./service";

/**
 * Aftercare PDFs are uploaded to route handlers (POST /api/clinics/:id/aftercare, PUT
 * /api/clinics/:id/aftercare/:documentId/file), not server actions: server actions keep Next's
 * 1 MB default, and here the person is signed in and a clinic admin before one byte of the body
 * is read, and the body is read only up to the limit.
 */

/** The PDF limit plus room for the multipart framing and the title. */
export const UPLOAD_BODY_LIMIT = MAX_PDF_BYTES + 64 * 1024;

const NOT_ADMIN = "Only clinic admins can change aftercare documents.";

export type UploadAnswer =
  | { status: 201 | 200; body: { id: string } }
  | { status: 422; body: { error: string; fieldErrors: Record<string, string> } };

async function requireAdmin(clinicId: string): Promise<Claims> {
  const { claims, clinic } = await requireClinicMember(clinicId);
  if (clinic.role !== "admin") throw new AppError("forbidden", NOT_ADMIN);
  return claims;
}

/** The multipart body, read at most up to the limit (a lying or absent Content-Length included). */
async function readForm(request: Request): Promise<FormData> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data"))
    throw new AppError("bad_request", "Send the PDF as multipart/form-data.");
  const tooBig = () =>
    new AppError(
      "payload_too_large",
      "The upload is larger than 10 MB. Choose a smaller PDF (up to 10 MB).",
    );
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > UPLOAD_BODY_LIMIT) throw tooBig();
  if (!request.body) throw new AppError("bad_request", "The upload was empty.");
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > UPLOAD_BODY_LIMIT) {
      await reader.cancel().catch(() => undefined);
      throw tooBig();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return await new Response(bytes, { headers: { "content-type": type } }).formData();
  } catch {
    throw new AppError("bad_request", "The upload could not be read as a form. Try again.");
  }
}

function fieldErrors(errors: Record<string, string>): UploadAnswer {
  return {
    status: 422,
    body: { error: Object.values(errors)[0] ?? "Check the form.", fieldErrors: errors },
  };
}

async function readPdf(file: File): Promise<PdfUpload | UploadAnswer> {
  const upload = await readPdfUpload(file);
  return "error" in upload ? fieldErrors({ file: upload.error }) : upload;
}

/** Storage or database trouble: logged for us (no patient data), plain words for the admin. */
function saveFailed(error: unknown): never {
  if (databaseFailure(error) === "forbidden") throw new AppError("forbidden", NOT_ADMIN);
  console.error("[aftercare] upload failed:", error instanceof Error ? error.message : "unknown");
  throw new AppError("unavailable", "The file could not be saved. Please try again.");
}

function refreshPages() {
  revalidatePath("/admin/aftercare");
  revalidatePath("/admin/procedures");
}

function issuesOf(error: { issues: { path: PropertyKey[]; message: string }[] }) {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
  return errors;
}

export async function uploadAftercare(request: Request, clinicId: string): Promise<UploadAnswer> {
  const claims = await requireAdmin(clinicId);
  const form = await readForm(request);
  const parsed = aftercareUploadSchema.safeParse({
    title: form.get("title") ?? "",
    file: form.get("file"),
  });
  if (!parsed.success) return fieldErrors(issuesOf(parsed.error));
  const upload = await readPdf(parsed.data.file);
  if ("status" in upload) return upload;
  let id: string;
  try {
    id = await createAftercareDocument(claims, clinicId, parsed.data.title, upload);
  } catch (error) {
    saveFailed(error);
  }
  refreshPages();
  return { status: 201, body: { id } };
}

export async function replaceAftercare(
  request: Request,
  clinicId: string,
  documentId: string,
): Promise<UploadAnswer> {
  const claims = await requireAdmin(clinicId);
  const form = await readForm(request);
  const parsed = aftercareReplaceSchema.safeParse({ id: documentId, file: form.get("file") });
  if (!parsed.success) {
    if (parsed.error.issues.some((issue) => issue.path[0] === "id"))
      throw new AppError("not_found", "That document no longer exists.");
    return fieldErrors(issuesOf(parsed.error));
  }
  const upload = await readPdf(parsed.data.file);
  if ("status" in upload) return upload;
  let replaced: boolean;
  try {
    replaced = await replaceAftercareFile(claims, clinicId, parsed.data.id, upload);
  } catch (error) {
    saveFailed(error);
  }
  if (!replaced) throw new AppError("not_found", "That document no longer exists.");
  refreshPages();
  return { status: 200, body: { id: parsed.data.id } };
}
