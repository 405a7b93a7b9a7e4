import "server-only";

import type { Claims } from "@/lib/auth/claims";
import * as db from "@/lib/db/aftercare-admin";
import { openAftercareLink, type LinkClinic } from "@/lib/db/aftercare-links";
import { asSignedIn, withClaims, withService } from "@/lib/db/transaction";
import { getFileStore } from "@/lib/storage";

import { newStoredFile, readStoredFile, storePdf, type PdfUpload } from "./files";
import { readLeaflet, type Leaflet } from "./leaflet";

// Aftercare documents for staff run as the signed-in person: RLS decides (members read, admins
// write) and the audit trigger records the change.

export const listAftercareAdmin = asSignedIn(db.listAftercareAdmin);
export const renameAftercareDocument = asSignedIn(db.renameAftercareDocument);
export const assignAftercareDocument = asSignedIn(db.assignAftercareDocument);
export const deleteAftercareDocument = asSignedIn(db.deleteAftercareDocument);

/**
 * Inserts the row, then stores the bytes, in one transaction: RLS refuses a non-admin before any
 * bytes are written, and a failed store rolls the row back, so no row points at a missing file.
 */
export function createAftercareDocument(
  claims: Claims,
  clinicId: string,
  title: string,
  upload: PdfUpload,
): Promise<string> {
  const file = newStoredFile(clinicId, upload);
  return withClaims(claims, async (tx) => {
    const id = await db.insertAftercareDocument(tx, clinicId, title, file);
    await storePdf(file, upload.bytes);
    return id;
  });
}

/** New bytes for an existing document (same row, so procedures and patient links keep working). */
export function replaceAftercareFile(
  claims: Claims,
  clinicId: string,
  id: string,
  upload: PdfUpload,
): Promise<boolean> {
  const file = newStoredFile(clinicId, upload);
  return withClaims(claims, async (tx) => {
    if (!(await db.updateAftercareFile(tx, clinicId, id, file))) return false;
    await storePdf(file, upload.bytes);
    return true;
  });
}

/** A document's PDF for a member of its clinic: null if they may not see it, `bytes: null` if the file is missing. */
export async function readAftercareFile(
  claims: Claims,
  id: string,
): Promise<{ fileName: string; bytes: Buffer | null } | null> {
  const file = await withClaims(claims, (tx) => db.getAftercareFile(tx, id));
  if (!file) return null;
  return { fileName: file.fileName, bytes: await readStoredFile(file.storagePath) };
}

export type PatientFile =
  | { status: "redirect"; url: string }
  | { status: "file"; fileName: string; bytes: Buffer }
  | { status: "expired" | "revoked" | "unknown" | "missing" };

/**
 * The PDF behind a patient's link (its page's download): a short-lived signed Storage URL in
 * production, the bytes from the local file store by default. The page counted the open.
 */
export async function openPatientFile(token: string): Promise<PatientFile> {
  const link = await withService((tx) => openAftercareLink(tx, token, { count: false }));
  if (link.status !== "ok") return { status: link.status };
  const url = await getFileStore().signedUrl(link.storagePath, 300);
  if (url) return { status: "redirect", url };
  const bytes = await readStoredFile(link.storagePath);
  return bytes ? { status: "file", fileName: link.fileName, bytes } : { status: "missing" };
}

export type AftercarePage =
  | { status: "ok"; title: string; leaflet: Leaflet | null; clinic: LinkClinic }
  | { status: "expired" | "revoked"; clinic: LinkClinic }
  | { status: "unknown" };

/**
 * The patient's aftercare page behind their link, recording the open: the clinic's name and
 * number, and the leaflet's text when the clinic has it (the PDF is a download from the page).
 * Expired and withdrawn links still name the clinic; unknown ones say nothing.
 */
export async function openAftercarePage(token: string): Promise<AftercarePage> {
  const link = await withService((tx) => openAftercareLink(tx, token));
  if (link.status !== "ok") return link;
  return {
    status: "ok",
    title: link.title,
    leaflet: readLeaflet(link.body, link.clinic),
    clinic: link.clinic,
  };
}
