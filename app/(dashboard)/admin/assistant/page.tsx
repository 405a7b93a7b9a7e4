import type { Metadata } from "next";
import { Bot } from "lucide-react";

import { getClinicContext } from "@/lib/auth/clinic";
import { AdminsOnly } from "@/components/dashboard/admins-only";
import { EmptyState } from "@/components/dashboard/empty-state";
import { PageHeader } from "@/components/dashboard/page-header";

export const metadata: Metadata = { title: "Assistant" };

export default async function AssistantPage() {
  const { current } = await getClinicContext();
  if (!current) return null;
  if (current.role !== "admin") return <AdminsOnly what="The assistant's configuration" />;

  return (
    <>
      <PageHeader title="Assistant" description="How Voxanne answers your clinic's phone." />
      <EmptyState icon={Bot} title="Assistant configuration">
        The full Vapi configuration generated from your procedures, opening hours and booking rules appears here, with
        the latency profile in use and a one-click push to Vapi.
      </EmptyState>
    </>
  );
}
