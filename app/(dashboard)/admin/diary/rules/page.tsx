import type { Metadata } from "next";

import { getClinicContext } from "@/lib/auth/clinic";
import { loadDiaryConfig } from "@/lib/diary/config-service";
import { BookingRulesForm } from "@/components/diary-config/booking-rules-form";

export const metadata: Metadata = { title: "Booking rules" };

export default async function BookingRulesPage() {
  const { claims, current } = await getClinicContext();
  if (!current) return null;
  const { rules } = await loadDiaryConfig(claims, current.id);
  if (!rules) return null;
  return <BookingRulesForm rules={rules} canEdit={current.role === "admin"} />;
}
