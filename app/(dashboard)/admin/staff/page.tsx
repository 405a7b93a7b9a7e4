import type { Metadata } from "next";

import { getClinicContext } from "@/lib/auth/clinic";
import { loadStaffPage } from "@/lib/staff/service";
import { AdminsOnly } from "@/components/dashboard/admins-only";
import { PageHeader } from "@/components/dashboard/page-header";
import { InviteForm } from "@/components/staff/invite-form";
import { StaffTable } from "@/components/staff/staff-table";

export const metadata: Metadata = { title: "Staff" };

export default async function StaffPage() {
  const { claims, current } = await getClinicContext();
  if (!current) return null;
  if (current.role !== "admin") return <AdminsOnly what="The clinic's staff" />;
  const { members, invitations, delivery } = await loadStaffPage(claims, current.id);
  return (
    <div className="grid gap-6">
      <PageHeader
        title="Staff"
        description={`Who can sign in to ${current.name}, and in what role. Every change is recorded in the audit log.`}
      />
      <InviteForm delivery={delivery} />
      <StaffTable members={members} invitations={invitations} currentUserId={claims.sub} />
    </div>
  );
}
