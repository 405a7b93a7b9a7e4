import type { Metadata } from "next";

import { getClinicContext } from "@/lib/auth/clinic";
import { loadDiaryConfig } from "@/lib/diary/config-service";
import { ResourcesManager } from "@/components/diary-config/resources-manager";

export const metadata: Metadata = { title: "Rooms and devices" };

export default async function RoomsPage() {
  const { claims, current } = await getClinicContext();
  if (!current) return null;
  const { resources } = await loadDiaryConfig(claims, current.id);
  return <ResourcesManager resources={resources} canEdit={current.role === "admin"} />;
}
