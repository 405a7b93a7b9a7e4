import type { Metadata } from "next";

import { getClinicContext } from "@/lib/auth/clinic";
import { loadDiaryConfig } from "@/lib/diary/config-service";
import { PractitionersManager } from "@/components/diary-config/practitioners-manager";

export const metadata: Metadata = { title: "Practitioners" };

export default async function PractitionersPage() {
  const { claims, current } = await getClinicContext();
  if (!current) return null;
  const { practitioners, weeklyHours, overrides, rules } = await loadDiaryConfig(
    claims,
    current.id,
  );
  return (
    <PractitionersManager
      practitioners={practitioners}
      weeklyHours={weeklyHours}
      overrides={overrides}
      today={rules?.today ?? ""}
      timezone={current.timezone}
      canEdit={current.role === "admin"}
    />
  );
}
