"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import {
  acceptStaffInvitation,
  changeStaffRole,
  inviteStaff,
  removeStaffMember,
  revokeStaffInvitation,
} from "@/lib/staff/service";
import {
  acceptExistingAccountSchema,
  acceptNewAccountSchema,
  changeRoleSchema,
  inviteStaffSchema,
  removeMemberSchema,
  revokeInvitationSchema,
} from "@/lib/validations/staff";

import { clinicAction, fieldErrorsOf, type ActionResult } from "./safe-action";

const adminAction = clinicAction({
  role: "admin",
  refused: "Only clinic admins can manage staff. Ask an admin of this clinic.",
});

function done<R extends { ok: true } | { ok: false; error: string }>(result: R) {
  revalidatePath("/admin/staff");
  return result.ok ? {} : { error: result.error };
}

/** Invites someone by email with a role: a one-time link for the admin to pass on, or (Supabase) an email. */
export const inviteStaffMember = adminAction(
  { schema: inviteStaffSchema, invalid: "fields" },
  async (
    input,
    { claims, clinic },
  ): Promise<ActionResult & { link?: string; expiresAt?: string; emailed?: boolean }> => {
    const result = await inviteStaff(claims, clinic.id, input);
    revalidatePath("/admin/staff");
    if (!result.ok) return { error: result.error };
    if (result.delivery === "email") return { emailed: true };
    return { link: result.link, expiresAt: result.expiresAt.toISOString() };
  },
);

export const changeMemberRole = adminAction(
  { schema: changeRoleSchema, invalid: "first-issue" },
  async ({ userId, role }, { claims, clinic }) =>
    done(await changeStaffRole(claims, clinic.id, userId, role)),
);

export const removeMember = adminAction(
  { schema: removeMemberSchema, invalid: "first-issue" },
  async ({ userId }, { claims, clinic }) =>
    done(await removeStaffMember(claims, clinic.id, userId)),
);

export const revokeInvitation = adminAction(
  { schema: revokeInvitationSchema, invalid: "first-issue" },
  async ({ invitationId }, { claims, clinic }) =>
    done(await revokeStaffInvitation(claims, clinic.id, invitationId)),
);

export interface AcceptState {
  error?: string;
  /** The name typed, kept for the form after a refusal (React resets the form). */
  name?: string;
  fieldErrors?: Partial<Record<"name" | "password" | "confirm", string>>;
}

/**
 * The invitation link's form (no session): creates the account, or checks the existing one's
 * password, joins the clinic and sends the person to sign in.
 */
export async function acceptInvitation(
  token: string,
  _previous: AcceptState,
  formData: FormData,
): Promise<AcceptState> {
  const raw = Object.fromEntries(formData);
  const name = String(formData.get("name") ?? "").slice(0, 120);
  let input: { password: string; name?: string };
  if (formData.get("existing") === "1") {
    const parsed = acceptExistingAccountSchema.safeParse(raw);
    if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error) };
    input = parsed.data;
  } else {
    const parsed = acceptNewAccountSchema.safeParse(raw);
    if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), name };
    input = { password: parsed.data.password, name: parsed.data.name };
  }
  const result = await acceptStaffInvitation(token, input);
  if (!result.ok) {
    return result.field
      ? { fieldErrors: { [result.field]: result.error } }
      : { error: result.error };
  }
  redirect("/login?joined=1");
}
