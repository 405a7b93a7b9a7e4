import { AFTERCARE_ERRORS, AFTERCARE_MAX_BYTES } from "@/lib/validations/aftercare";

/**
 * The same checks the server makes, in the browser first, so a wrong or huge file is explained
 * at once instead of after its upload. The server checks again: this is only a convenience.
 */
export async function checkPdfFile(file: File | undefined): Promise<string | null> {
  if (!file || file.size === 0) return AFTERCARE_ERRORS.missing;
  if (file.size > AFTERCARE_MAX_BYTES) return AFTERCARE_ERRORS.tooBig;
  const head = await file.slice(0, 5).text();
  return head === "%PDF-" ? null : AFTERCARE_ERRORS.notPdf;
}

/** An upload the server never answered (connection lost, or a body over the server's limit). */
export const UPLOAD_FAILED =
  "The upload did not reach the server. Please try again; if it keeps failing, try a smaller file.";

export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The upload route's answer, as the forms show it (lib/aftercare/upload.ts). */
export interface UploadResult {
  error?: string;
  fieldErrors?: Record<string, string>;
}

/**
 * Sends the form to an upload route (POST a new document, PUT a replacement file). Uploads go to
 * route handlers, which check who is asking before they read the body; a thrown error means the
 * server never answered.
 */
export async function sendPdf(url: string, method: "POST" | "PUT", data: FormData) {
  const response = await fetch(url, { method, body: data });
  if (response.ok) return {} satisfies UploadResult;
  const answer = (await response.json().catch(() => null)) as UploadResult | null;
  if (!answer?.error) throw new Error(`Upload failed with ${response.status}`);
  return { error: answer.fieldErrors ? undefined : answer.error, fieldErrors: answer.fieldErrors };
}
