import "server-only";

import { createHash, randomBytes } from "node:crypto";

import { getEnv } from "@/lib/env";
import type { StaffRole } from "@/types/staff";
import type { Claims } from "@/lib/auth/claims";
import { inviteByEmail } from "@/lib/auth/supabase-admin";
import {
  addInvitedStaff,
  createAccount,
  findInvitation,
  findUserIdByEmail,
  insertInvitation,
  acceptInvitation as joinClinic,
  listOpenInvitations,
  listStaff,
  removeStaff,
  setStaffRole,
  revokeInvitation as withdrawInvitation,
  type InvitationByToken,
  type InviteOutcome,
  type OpenInvitation,
  type StaffChangeOutcome,
  type StaffMember,
} from "@/lib/db/staff";
import { withClaims, withConnectionRole, withService, type Tx } from "@/lib/db/transaction";
import { verifyPassword } from "@/lib/db/users";

/**
 * Staff management (Admin → Staff). Admins' changes run as them (withClaims) through the
 * `staff_*` SQL functions, which check they are the clinic's admin, keep at least one admin and
 * are audited by trigger. Invitations: a one-time link (embedded default) whose token is kept
 * only as its SHA-256, for 7 days; or, on Supabase, an email from Supabase Auth's admin API.
 */

export interface StaffPage {
  members: StaffMember[];
  invitations: OpenInvitation[];
  /** How invitations are delivered: a link shown to the admin, or an email Supabase Auth sends. */
  delivery: "link" | "email";
}

export function loadStaffPage(claims: Claims, clinicId: string): Promise<StaffPage> {
  return withClaims(claims, async (tx) => ({
    members: await listStaff(tx, clinicId),
    invitations: await listOpenInvitations(tx, clinicId),
    delivery: getEnv().AUTH_PROVIDER === "supabase" ? "email" : "link",
  }));
}

const REFUSALS: Record<Exclude<StaffChangeOutcome | InviteOutcome, "ok">, string> = {
  forbidden: "Only this clinic's admins can manage its staff.",
  invalid_role: "Choose a role: admin or receptionist.",
  not_found: "That staff member is no longer part of this clinic. Reload the page.",
  last_admin:
    "A clinic needs at least one admin. Make someone else an admin first, then try again.",
  already_member: "That person is already on this clinic's staff.",
};

/** The sentence for a refused staff change. */
export function staffRefusal(outcome: Exclude<StaffChangeOutcome | InviteOutcome, "ok">): string {
  return REFUSALS[outcome];
}

export type InviteResult =
  | { ok: true; delivery: "link"; link: string; expiresAt: Date }
  | { ok: true; delivery: "email" }
  | { ok: false; error: string };

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Invites `email` to the clinic as `role`, as admin `claims`. */
export async function inviteStaff(
  claims: Claims,
  clinicId: string,
  input: { email: string; role: StaffRole },
): Promise<InviteResult> {
  if (getEnv().AUTH_PROVIDER === "supabase") return inviteThroughSupabase(claims, clinicId, input);
  const token = randomBytes(32).toString("base64url");
  const { outcome, expiresAt } = await withClaims(claims, (tx) =>
    insertInvitation(tx, { clinicId, ...input, tokenHash: hashToken(token) }),
  );
  if (outcome !== "ok") return { ok: false, error: staffRefusal(outcome) };
  if (!expiresAt) throw new Error("staff_invite answered ok without an expiry");
  const link = `${getEnv().APP_URL.replace(/\/$/, "")}/invite/${token}`;
  return { ok: true, delivery: "link", link, expiresAt };
}

async function inviteThroughSupabase(
  claims: Claims,
  clinicId: string,
  input: { email: string; role: StaffRole },
): Promise<InviteResult> {
  // Refuse before emailing anyone: the caller must be this clinic's admin.
  const isAdmin = await withClaims(claims, async (tx) => {
    const members = await listStaff(tx, clinicId);
    return members.length > 0;
  });
  if (!isAdmin) return { ok: false, error: staffRefusal("forbidden") };
  let userId = await withConnectionRole((tx) => findUserIdByEmail(tx, input.email));
  if (!userId) {
    const invited = await inviteByEmail(input.email);
    if (invited.outcome === "exists") {
      userId = await withConnectionRole((tx) => findUserIdByEmail(tx, input.email));
    } else if (invited.outcome === "invited") {
      userId = invited.userId;
    }
    if (!userId) {
      return {
        ok: false,
        error: "Supabase Auth could not send the invitation. Try again in a few minutes.",
      };
    }
  }
  const member = userId;
  const outcome = await withService((tx) =>
    addInvitedStaff(tx, { clinicId, actorId: claims.sub, userId: member, role: input.role }),
  );
  if (outcome !== "ok") return { ok: false, error: staffRefusal(outcome) };
  return { ok: true, delivery: "email" };
}

async function change(
  claims: Claims,
  run: (tx: Tx) => Promise<StaffChangeOutcome>,
): Promise<{ ok: true } | { ok: false; error: string }> {
  const outcome = await withClaims(claims, run);
  return outcome === "ok" ? { ok: true } : { ok: false, error: staffRefusal(outcome) };
}

export function changeStaffRole(claims: Claims, clinicId: string, userId: string, role: string) {
  return change(claims, (tx) => setStaffRole(tx, clinicId, userId, role));
}

/** Removes a member; if it was their last clinic, every session of theirs ends at once (SQL trigger). */
export function removeStaffMember(claims: Claims, clinicId: string, userId: string) {
  return change(claims, (tx) => removeStaff(tx, clinicId, userId));
}

export function revokeStaffInvitation(claims: Claims, clinicId: string, invitationId: string) {
  return change(claims, (tx) => withdrawInvitation(tx, clinicId, invitationId));
}

// ---------------------------------------------------------------------------------------------
// The invitee's side (no session): /invite/<token>
// ---------------------------------------------------------------------------------------------

export type InvitationView =
  | {
      state: "open";
      clinicName: string;
      email: string;
      role: StaffRole;
      accountExists: boolean;
      expiresAt: Date;
    }
  | { state: "used" | "expired" | "unknown" };

function stateOf(invitation: InvitationByToken | null): InvitationView["state"] {
  if (!invitation || invitation.revokedAt) return "unknown";
  if (invitation.acceptedAt) return "used";
  if (invitation.expiresAt.getTime() <= Date.now()) return "expired";
  return "open";
}

/** Tokens are 43 base64url characters; anything else names no invitation. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** What the invitation link shows. */
export async function openInvitation(token: string): Promise<InvitationView> {
  if (!TOKEN.test(token)) return { state: "unknown" };
  const invitation = await withConnectionRole((tx) => findInvitation(tx, hashToken(token)));
  const state = stateOf(invitation);
  if (state !== "open" || !invitation) return { state: state === "open" ? "unknown" : state };
  return {
    state,
    clinicName: invitation.clinicName,
    email: invitation.email,
    role: invitation.role,
    accountExists: invitation.accountExists,
    expiresAt: invitation.expiresAt,
  };
}

export const INVITATION_REFUSALS = {
  unknown: "This invitation link is not valid. Ask your clinic's admin for a new one.",
  used: "This invitation has already been used. Sign in with the account you made.",
  expired:
    "This invitation has expired (links last 7 days). Ask your clinic's admin for a new one.",
  wrong_password:
    "That password does not match your existing account. Use the password you sign in with.",
} as const;

export type AcceptResult =
  | { ok: true; clinicName: string; email: string }
  | { ok: false; error: string; field?: "password" };

/**
 * Uses the invitation: a new account (name and password) or, when the email already has one,
 * that account after its password is checked; then the membership, in one transaction with the
 * invitation locked, so the link works once.
 */
export function acceptStaffInvitation(
  token: string,
  input: { name?: string; password: string },
): Promise<AcceptResult> {
  if (!TOKEN.test(token)) return Promise.resolve({ ok: false, error: INVITATION_REFUSALS.unknown });
  return withConnectionRole(async (tx): Promise<AcceptResult> => {
    const invitation = await findInvitation(tx, hashToken(token), true);
    const state = stateOf(invitation);
    if (state !== "open" || !invitation) {
      return { ok: false, error: INVITATION_REFUSALS[state === "open" ? "unknown" : state] };
    }
    let user: { id: string; displayName: string };
    if (invitation.accountExists) {
      const existing = await verifyPassword(tx, invitation.email, input.password);
      if (!existing) {
        return { ok: false, error: INVITATION_REFUSALS.wrong_password, field: "password" };
      }
      const fullName = existing.userMetadata.full_name;
      user = { id: existing.id, displayName: typeof fullName === "string" ? fullName : "" };
    } else {
      const name = input.name?.trim() ?? "";
      if (!name) return { ok: false, error: "Enter your name to create your account." };
      const id = await createAccount(tx, {
        email: invitation.email,
        password: input.password,
        fullName: name,
      });
      user = { id, displayName: name };
    }
    await joinClinic(tx, invitation, user);
    return { ok: true, clinicName: invitation.clinicName, email: invitation.email };
  });
}
