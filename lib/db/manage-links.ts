import "server-only";

import { createHash, randomBytes } from "node:crypto";

import type { Checked, Col } from "./rows";
import type { Tx } from "./transaction";

const hash = (token: string) => createHash("sha256").update(token).digest("hex");

export type ManageLinkPurpose = "manage" | "calendar";

/**
 * A new link to one appointment for its patient (/m/<token>): 128 random bits, URL-safe (22
 * characters); only its SHA-256 is stored and nothing about the patient is in the URL. It
 * expires after `days` or when the appointment ends, whichever is sooner.
 */
export async function createManageLink(
  tx: Tx,
  input: { clinicId: string; bookingId: string; days?: number; purpose?: ManageLinkPurpose },
): Promise<string> {
  const token = randomBytes(16).toString("base64url");
  await tx.query(
    `insert into public.appointment_links (clinic_id, booking_id, token_hash, purpose, expires_at)
     select b.clinic_id, b.id, $3, $4, least(b.ends_at, now() + make_interval(days => $5))
       from public.bookings b where b.id = $1 and b.clinic_id = $2`,
    [input.bookingId, input.clinicId, hash(token), input.purpose ?? "manage", input.days ?? 30],
  );
  return token;
}

/** Withdraws every link to an appointment (it was cancelled, or staff revoked them). */
export async function revokeManageLinks(tx: Tx, bookingId: string): Promise<number> {
  const revoked = await tx.query<{ id: Col<"appointment_links", "id"> }>(
    "update public.appointment_links set revoked_at = now() where booking_id = $1 and revoked_at is null returning id",
    [bookingId],
  );
  return revoked.length;
}

export type ManageLinkLookup =
  | {
      status: "ok";
      linkId: Col<"appointment_links", "id">;
      clinicId: Col<"appointment_links", "clinic_id">;
      bookingId: Col<"appointment_links", "booking_id">;
      purpose: Checked<Col<"appointment_links", "purpose">, ManageLinkPurpose>;
    }
  /** The clinic still known for a link that no longer works, so its page can name it. */
  | { status: "expired" | "revoked"; clinicId: Col<"appointment_links", "clinic_id"> }
  | { status: "unknown" };

/**
 * Resolves a token a patient opened (a tampered or unknown one is "unknown"), recording the
 * open. Locks nothing: what the page then does (move, cancel) re-checks under its own locks.
 */
export async function openManageLink(tx: Tx, token: string): Promise<ManageLinkLookup> {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) return { status: "unknown" };
  const link = await tx.maybeOne<{
    id: Col<"appointment_links", "id">;
    clinicId: Col<"appointment_links", "clinic_id">;
    bookingId: Col<"appointment_links", "booking_id">;
    purpose: Checked<Col<"appointment_links", "purpose">, ManageLinkPurpose>;
    // Computed in SQL from expires_at and revoked_at.
    expired: boolean;
    revoked: boolean;
  }>(
    `select l.id, l.clinic_id as "clinicId", l.booking_id as "bookingId", l.purpose,
            l.expires_at <= now() as expired, l.revoked_at is not null as revoked
       from public.appointment_links l where l.token_hash = $1`,
    [hash(token)],
  );
  if (!link) return { status: "unknown" };
  if (link.revoked) return { status: "revoked", clinicId: link.clinicId };
  if (link.expired) return { status: "expired", clinicId: link.clinicId };
  await tx.query(
    "update public.appointment_links set open_count = open_count + 1, last_opened_at = now() where id = $1",
    [link.id],
  );
  return {
    status: "ok",
    linkId: link.id,
    clinicId: link.clinicId,
    bookingId: link.bookingId,
    purpose: link.purpose,
  };
}
