import type { Metadata } from "next";
import { PhoneIncoming } from "lucide-react";

import { getClinicContext } from "@/lib/auth/clinic";
import { EmptyState } from "@/components/dashboard/empty-state";
import { formatPhone } from "@/components/dashboard/format";
import { PageHeader } from "@/components/dashboard/page-header";

export const metadata: Metadata = { title: "Live calls" };

export default async function LiveCallsPage() {
  const { current } = await getClinicContext();
  return (
    <>
      <PageHeader title="Live calls" description={`Calls Voxanne is answering for ${current?.name} right now.`} />
      <EmptyState icon={PhoneIncoming} title="No calls right now">
        When someone calls {current ? formatPhone(current.phoneNumber) : "your clinic"}, their call appears here as a card that updates live: where the
        conversation is, the procedure they asked about, and any slot being held for them. Finished calls move to
        today&apos;s recent calls with their outcome.
      </EmptyState>
    </>
  );
}
