import { z } from "zod";

import { STAFF_ROLES } from "@/types/staff";

const role = z.enum(STAFF_ROLES, { error: "Choose a role: admin or receptionist." });
const userId = z.uuid({ error: "That staff member was not found." });

export const inviteStaffSchema = z.object({
  email: z
    .string({ error: "Enter the email address to invite." })
    .trim()
    .toLowerCase()
    .pipe(z.email("Enter a valid email address, like name@clinic.com.").max(254)),
  role,
});

export const changeRoleSchema = z.object({ userId, role });

export const removeMemberSchema = z.object({ userId });

export const revokeInvitationSchema = z.object({
  invitationId: z.uuid({ error: "That invitation was not found." }),
});

/** bcrypt reads at most 72 bytes of a password. */
const password = z
  .string({ error: "Choose a password." })
  .min(10, "Use at least 10 characters for your password.")
  .refine((value) => new TextEncoder().encode(value).length <= 72, {
    message: "Use at most 72 bytes (about 72 letters) for your password.",
  });

/** Accepting an invitation with a new account: a name and a password, typed twice. */
export const acceptNewAccountSchema = z
  .object({
    name: z
      .string({ error: "Enter your name." })
      .trim()
      .min(1, "Enter your name.")
      .max(120, "Use at most 120 characters for your name."),
    password,
    confirm: z.string({ error: "Type the password again." }),
  })
  .refine((value) => value.password === value.confirm, {
    path: ["confirm"],
    message: "The two passwords differ. Type the same password twice.",
  });

/** Accepting with an account the invitee already has (another clinic's): its password. */
export const acceptExistingAccountSchema = z.object({
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(200),
});

export type InviteStaffInput = z.infer<typeof inviteStaffSchema>;
