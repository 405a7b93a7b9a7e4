import "server-only";

import type { StaffRole } from "@/types/staff";

import type { Checked, Col, Columns } from "./rows";
import type { Tx } from "./transaction";

/** A member of the clinic's staff as the Staff page lists them. */
export interface StaffMember {
  userId: Col<"clinic_members", "user_id">;
  // From auth.users, the platform's table (staff_list reads it for admins).
  email: string;
  displayName: Col<"clinic_members", "display_name">;
  role: Checked<Col<"clinic_members", "role">, StaffRole>;
  joinedAt: Col<"clinic_members", "created_at">;
  // From auth.users.
  lastSignInAt: Date | null;
}

/** The clinic's team; empty unless the signed-in person is one of its admins. */
export function listStaff(tx: Tx, clinicId: string): Promise<StaffMember[]> {
  return tx.query<StaffMember>(
    `select user_id as "userId", email, display_name as "displayName", role,
            joined_at as "joinedAt", last_sign_in_at as "lastSignInAt"
       from public.staff_list($1)`,
    [clinicId],
  );
}

export type OpenInvitation = Columns<
  "staff_invitations",
  { id: "id"; email: "email"; createdAt: "created_at"; expiresAt: "expires_at" }
> & { role: Checked<Col<"staff_invitations", "role">, StaffRole> };

/** Invitations not yet used, withdrawn or expired (admins read them; RLS). */
export function listOpenInvitations(tx: Tx, clinicId: string): Promise<OpenInvitation[]> {
  return tx.query<OpenInvitation>(
    `select id, email, role, created_at as "createdAt", expires_at as "expiresAt"
       from public.staff_invitations
      where clinic_id = $1 and accepted_at is null and revoked_at is null and expires_at > now()
      order by created_at desc`,
    [clinicId],
  );
}

export type InviteOutcome = "ok" | "forbidden" | "invalid_role" | "already_member";

/** A one-time invitation link's record (the token's hash). */
export async function insertInvitation(
  tx: Tx,
  invitation: { clinicId: string; email: string; role: string; tokenHash: string },
): Promise<{ outcome: InviteOutcome; expiresAt: Date | null }> {
  // A function's result columns: typed by its declaration.
  const row = await tx.one<{ outcome: InviteOutcome; expires_at: Date | null }>(
    "select outcome, expires_at from public.staff_invite($1, $2, $3, $4)",
    [invitation.clinicId, invitation.email, invitation.role, invitation.tokenHash],
  );
  return { outcome: row.outcome, expiresAt: row.expires_at };
}

export type StaffChangeOutcome = "ok" | "forbidden" | "invalid_role" | "not_found" | "last_admin";

async function outcomeOf(tx: Tx, sql: string, params: unknown[]): Promise<StaffChangeOutcome> {
  // The staff functions return an outcome word.
  const row = await tx.one<{ outcome: StaffChangeOutcome }>(sql, params);
  return row.outcome;
}

export function revokeInvitation(tx: Tx, clinicId: string, invitationId: string) {
  return outcomeOf(tx, "select public.staff_revoke_invitation($1, $2) as outcome", [
    clinicId,
    invitationId,
  ]);
}

export function setStaffRole(tx: Tx, clinicId: string, userId: string, role: string) {
  return outcomeOf(tx, "select public.staff_set_role($1, $2, $3) as outcome", [
    clinicId,
    userId,
    role,
  ]);
}

export function removeStaff(tx: Tx, clinicId: string, userId: string) {
  return outcomeOf(tx, "select public.staff_remove($1, $2) as outcome", [clinicId, userId]);
}

/** Supabase: adds a person Supabase Auth invited (or already knew), as admin `actorId` (service side). */
export async function addInvitedStaff(
  tx: Tx,
  member: { clinicId: string; actorId: string; userId: string; role: string },
): Promise<InviteOutcome> {
  const row = await tx.one<{ outcome: InviteOutcome }>(
    "select public.staff_add_invited($1, $2, $3, $4) as outcome",
    [member.clinicId, member.actorId, member.userId, member.role],
  );
  return row.outcome;
}

// ---------------------------------------------------------------------------------------------
// Accepting an invitation link: the invitee has no session, so these run as the connection's
// own role (withConnectionRole), like the local sign-in, which also reads auth.users.
// ---------------------------------------------------------------------------------------------

/** The id of the account with this email, if there is one (auth.users). */
export async function findUserIdByEmail(tx: Tx, email: string): Promise<string | null> {
  // auth.users is the platform's table, not in the generated types.
  const row = await tx.maybeOne<{ id: string }>(
    "select id from auth.users where lower(email) = lower($1) and deleted_at is null",
    [email],
  );
  return row?.id ?? null;
}

export type InvitationByToken = Columns<
  "staff_invitations",
  {
    id: "id";
    clinicId: "clinic_id";
    email: "email";
    expiresAt: "expires_at";
    acceptedAt: "accepted_at";
    revokedAt: "revoked_at";
  }
> & {
  role: Checked<Col<"staff_invitations", "role">, StaffRole>;
  clinicName: Col<"clinics", "name">;
  // Whether auth.users already has an account for the email.
  accountExists: boolean;
};

/** The invitation a link's token names (locked for the acceptance with `forUpdate`). */
export function findInvitation(
  tx: Tx,
  tokenHash: string,
  forUpdate = false,
): Promise<InvitationByToken | null> {
  return tx.maybeOne<InvitationByToken>(
    `select i.id, i.clinic_id as "clinicId", i.email, i.role, i.expires_at as "expiresAt",
            i.accepted_at as "acceptedAt", i.revoked_at as "revokedAt", c.name as "clinicName",
            exists (select 1 from auth.users u
                     where lower(u.email) = i.email and u.deleted_at is null) as "accountExists"
       from public.staff_invitations i
       join public.clinics c on c.id = i.clinic_id
      where i.token_hash = $1
      ${forUpdate ? "for update of i" : ""}`,
    [tokenHash],
  );
}

/** A new account (email and password, as GoTrue stores them) for an invitee; its id. */
export async function createAccount(
  tx: Tx,
  account: { email: string; password: string; fullName: string },
): Promise<string> {
  // auth.users is the platform's table, not in the generated types.
  const row = await tx.one<{ id: string }>(
    `with u as (
       insert into auth.users (instance_id, id, aud, role, email, encrypted_password,
                               email_confirmed_at, invited_at, confirmation_token, recovery_token,
                               email_change_token_new, email_change, raw_app_meta_data,
                               raw_user_meta_data, created_at, updated_at)
       values ('00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated',
               'authenticated', $1, extensions.crypt($2, extensions.gen_salt('bf')), now(), now(),
               '', '', '', '', '{"provider": "email", "providers": ["email"]}',
               jsonb_build_object('full_name', $3::text), now(), now())
       returning id, email)
     insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
     select u.id::text, u.id,
            jsonb_build_object('sub', u.id::text, 'email', u.email, 'email_verified', true),
            'email', now(), now()
       from u
     returning user_id as id`,
    [account.email, account.password, account.fullName],
  );
  return row.id;
}

/** Joins the invitee to the clinic and uses up the invitation, as the invitee (the audit's actor). */
export async function acceptInvitation(
  tx: Tx,
  invitation: { id: string; clinicId: string; role: StaffRole },
  user: { id: string; displayName: string },
): Promise<void> {
  await tx.query("select set_config('request.jwt.claims', $1, true)", [
    JSON.stringify({ sub: user.id }),
  ]);
  await tx.query(
    `insert into public.clinic_members (clinic_id, user_id, role, display_name)
     values ($1, $2, $3, $4) on conflict (clinic_id, user_id) do nothing`,
    [invitation.clinicId, user.id, invitation.role, user.displayName],
  );
  await tx.query(
    "update public.staff_invitations set accepted_at = now(), accepted_by = $2 where id = $1",
    [invitation.id, user.id],
  );
}
