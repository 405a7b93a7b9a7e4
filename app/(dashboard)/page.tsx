import type { Metadata } from "next";

import { getEnv } from "@/lib/env";
import { getClinicContext } from "@/lib/auth/clinic";
import { formatPhone } from "@/lib/format";
import { getOpeningSchedule } from "@/lib/hours/service";
import { loadOnboarding } from "@/lib/onboarding/service";
import { PageHeader } from "@/components/dashboard/page-header";
import { SimulateCall } from "@/components/dashboard/simulate-call";
import { LiveBoard } from "@/components/live/live-board";
import { TransferBanner } from "@/components/live/transfer-banner";
import { ChecklistCard } from "@/components/onboarding/checklist-card";

export const metadata: Metadata = { title: "Live calls" };

export default async function LiveCallsPage() {
  const { claims, current } = await getClinicContext();
  if (!current) return null;
  const [schedule, onboarding] = await Promise.all([
    getOpeningSchedule(claims, current.id),
    loadOnboarding(claims, current.id),
  ]);
  return (
    <>
      <PageHeader
        title="Live calls"
        description={`Calls Voxanne is answering for ${current.name}, as they happen.`}
      >
        {getEnv().ENABLE_CALL_SIMULATOR ? <SimulateCall /> : null}
      </PageHeader>
      <TransferBanner clinicId={current.id} />
      {onboarding ? (
        <ChecklistCard steps={onboarding.steps} canEdit={current.role === "admin"} />
      ) : null}
      <LiveBoard
        key={current.id}
        clinicId={current.id}
        schedule={schedule}
        phoneLabel={
          current.phoneNumber ? formatPhone(current.phoneNumber, current) : "the clinic's number"
        }
      />
    </>
  );
}
