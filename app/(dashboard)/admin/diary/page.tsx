import type { Metadata } from "next";

import { getClinicContext } from "@/lib/auth/clinic";
import { loadDiaryConfig } from "@/lib/diary/config-service";
import { AppointmentTypesManager } from "@/components/diary-config/appointment-types-manager";

export const metadata: Metadata = { title: "Appointment types" };

export default async function AppointmentTypesPage() {
  const { claims, current } = await getClinicContext();
  if (!current) return null;
  const { procedures, appointmentTypes, practitioners, resources } = await loadDiaryConfig(
    claims,
    current.id,
  );
  return (
    <AppointmentTypesManager
      procedures={procedures}
      types={appointmentTypes}
      practitioners={practitioners}
      resources={resources}
      canEdit={current.role === "admin"}
    />
  );
}
