import "server-only";

import { createHash, randomBytes } from "node:crypto";

import type { Col } from "./rows";
import type { Tx } from "./transaction";

const hash = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * A new patient link: 128 random bits, URL-safe (22 characters). Only its SHA-256 is stored,
 * so a database reader cannot open patients' links. Earlier links of the same follow-up are
 * revoked, so a retried send leaves exactly one working link.
 */
export async function createAftercareLink(
  tx: Tx,
  input: { clinicId: string; followUpId: string; documentId: string; days: number },
): Promise<string> {
  const token = randomBytes(16).toString("base64url");
  await tx.query(
    "update public.aftercare_links set revoked_at = now() where follow_up_id = $1 and revoked_at is null",
    [input.followUpId],
  );
  await tx.query(
    `insert into public.aftercare_links (clinic_id, token_hash, follow_up_id, aftercare_document_id, expires_at)
     values ($1, $2, $3, $4, now() + make_interval(days => $5))`,
    [input.clinicId, hash(token), input.followUpId, input.documentId, input.days],
  );
  return token;
}

/** The clinic a patient's link belongs to, as its pages name it (even once the link has expired). */
export interface LinkClinic {
  name: Col<"clinics", "name">;
  /** The front desk's number, else the clinic's (the one Voxanne answers). */
  phone: Col<"clinics", "phone_number"> | null;
}

export type LinkLookup =
  | {
      status: "ok";
      storagePath: string;
      fileName: string;
      title: string;
      /** The leaflet's text for the HTML page (unvalidated JSON); null: the PDF only. */
      body: unknown;
      clinic: LinkClinic;
    }
  | { status: "expired" | "revoked"; clinic: LinkClinic }
  | { status: "unknown" };

/**
 * Resolves a link a patient opened. `count` records the open (the page does; the PDF it links
 * to does not count a second time).
 */
export async function openAftercareLink(
  tx: Tx,
  token: string,
  options: { count: boolean } = { count: true },
): Promise<LinkLookup> {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) return { status: "unknown" };
  const link = await tx.maybeOne<{
    id: Col<"aftercare_links", "id">;
    // Computed in SQL from expires_at and revoked_at.
    expired: boolean;
    revoked: boolean;
    storagePath: Col<"aftercare_documents", "storage_path">;
    fileName: Col<"aftercare_documents", "file_name">;
    title: Col<"aftercare_documents", "title">;
    body: Col<"aftercare_documents", "body">;
    clinicName: Col<"clinics", "name">;
    /** coalesce(front_desk_number, phone_number). */
    clinicPhone: Col<"clinics", "phone_number"> | null;
  }>(
    `select l.id, l.expires_at <= now() as expired, l.revoked_at is not null as revoked,
            d.storage_path as "storagePath", d.file_name as "fileName", d.title, d.body,
            c.name as "clinicName", coalesce(c.front_desk_number, c.phone_number) as "clinicPhone"
       from public.aftercare_links l join public.aftercare_documents d on d.id = l.aftercare_document_id
       join public.clinics c on c.id = l.clinic_id
      where l.token_hash = $1`,
    [hash(token)],
  );
  if (!link) return { status: "unknown" };
  const clinic = { name: link.clinicName, phone: link.clinicPhone };
  if (link.revoked) return { status: "revoked", clinic };
  if (link.expired) return { status: "expired", clinic };
  if (options.count)
    await tx.query(
      `update public.aftercare_links set open_count = open_count + 1, first_opened_at = coalesce(first_opened_at, now()), last_opened_at = now()
        where id = $1`,
      [link.id],
    );
  return {
    status: "ok",
    storagePath: link.storagePath,
    fileName: link.fileName,
    title: link.title,
    body: link.body,
    clinic,
  };
}
