import "server-only";

import { createHash, randomUUID } from "node:crypto";

import type { StoredFile } from "@/lib/db/aftercare-admin";
import { getFileStore, isPdf, MAX_PDF_BYTES } from "@/lib/storage";
import { AFTERCARE_ERRORS, displayFileName, storageFileName } from "@/lib/validations/aftercare";

/** An uploaded PDF: the name to show and its bytes. */
export interface PdfUpload {
  fileName: string;
  bytes: Uint8Array;
}

/** The file's bytes if they really are a PDF within the limit; the name and declared type are not trusted. */
export async function readPdfUpload(file: File): Promise<PdfUpload | { error: string }> {
  if (file.size > MAX_PDF_BYTES) return { error: AFTERCARE_ERRORS.tooBig };
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.byteLength > MAX_PDF_BYTES) return { error: AFTERCARE_ERRORS.tooBig };
  if (!isPdf(bytes)) return { error: AFTERCARE_ERRORS.notPdf };
  return { fileName: displayFileName(file.name), bytes };
}

/** Where an upload will be stored: a fresh object each time, so a replaced file never overwrites one a patient may be reading. */
export function newStoredFile(clinicId: string, upload: PdfUpload): StoredFile {
  return {
    storagePath: `${clinicId}/aftercare/${randomUUID()}-${storageFileName(upload.fileName)}`,
    fileName: upload.fileName,
    sizeBytes: upload.bytes.byteLength,
    sha256: createHash("sha256").update(upload.bytes).digest("hex"),
  };
}

export function storePdf(file: StoredFile, bytes: Uint8Array): Promise<void> {
  return getFileStore().put(file.storagePath, bytes, "application/pdf");
}

export function readStoredFile(storagePath: string): Promise<Buffer | null> {
  return getFileStore().get(storagePath);
}
