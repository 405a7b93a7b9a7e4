import { z } from "zod";

/**
 * 10 MiB: the same limit as MAX_PDF_BYTES in lib/storage and the size_bytes check in the
 * database. Repeated here because lib/storage is server-only and the form checks it first.
 */
export const AFTERCARE_MAX_BYTES = 10 * 1024 * 1024;

export const AFTERCARE_ERRORS = {
  missing: "Choose a PDF to upload",
  notPdf: "That file is not a PDF",
  tooBig: "PDFs up to 10 MB",
} as const;

export const aftercareTitleSchema = z
  .string({ message: "Give the document a title" })
  .trim()
  .min(1, "Give the document a title")
  .max(160, "Keep the title under 160 characters");

// Size is checked here; whether the bytes are a PDF is checked on the server by content.
const pdfFileSchema = z
  .instanceof(File, { message: AFTERCARE_ERRORS.missing })
  .refine((file) => file.size > 0, AFTERCARE_ERRORS.missing)
  .refine((file) => file.size <= AFTERCARE_MAX_BYTES, AFTERCARE_ERRORS.tooBig);

export const aftercareUploadSchema = z.object({ title: aftercareTitleSchema, file: pdfFileSchema });
export const aftercareReplaceSchema = z.object({ id: z.uuid(), file: pdfFileSchema });
export const aftercareRenameSchema = z.object({ id: z.uuid(), title: aftercareTitleSchema });
export const aftercareAssignSchema = z.object({
  id: z.uuid(),
  procedureIds: z.array(z.uuid()).max(500),
});
export const aftercareDeleteSchema = z.object({ id: z.uuid() });

/** The name staff and patients see when downloading: the original, without folders or control characters. */
export function displayFileName(original: string): string {
  const base = original.split(/[\\/]/).pop() ?? "";
  const clean = base
    .replace(/[\u0000-\u001f\u007f"]/g, "")
    .trim()
    .slice(-200);
  return clean || "document.pdf";
}

/** The object name in storage: lower-case letters, digits and dashes only, always ending in .pdf. */
export function storageFileName(original: string): string {
  const stem = displayFileName(original)
    .replace(/\.pdf$/i, "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
  return `${stem || "document"}.pdf`;
}
