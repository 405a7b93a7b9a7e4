import type { Metadata } from "next";

import { getCancellationPolicy } from "@/lib/appointments/policy";
import { getClinicContext } from "@/lib/auth/clinic";
import { loadDiaryConfig } from "@/lib/diary/config-service";
import { BookingRulesForm } from "@/components/diary-config/booking-rules-form";
import { CancellationPolicyForm } from "@/components/manage/cancellation-policy-form";

export const metadata: Metadata = { title: "Booking rules" };

export default async function BookingRulesPage() {
  const { claims, current } = await getClinicContext();
  if (!current) return null;
  const [{ rules }, policy] = await Promise.all([
    loadDiaryConfig(claims, current.id),
    getCancellationPolicy(claims, current.id),
  ]);
  if (!rules) return null;
  return (
    <div className="grid gap-6">
      <BookingRulesForm rules={rules} canEdit={current.role === "admin"} />
      <CancellationPolicyForm policy={policy ?? ""} canEdit={current.role === "admin"} />
    </div>
  );
}
