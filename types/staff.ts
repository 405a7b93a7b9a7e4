// Staff roles (issue 19). The same list is the CHECK on clinic_members.role and
// staff_invitations.role (supabase/migrations/...staff_and_sessions.sql); a test holds them equal.
export const STAFF_ROLES = ["admin", "receptionist"] as const;

export type StaffRole = (typeof STAFF_ROLES)[number];

export const STAFF_ROLE_LABELS: Record<StaffRole, string> = {
  admin: "Admin",
  receptionist: "Receptionist",
};
