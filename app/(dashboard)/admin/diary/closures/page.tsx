import type { Metadata } from "next";

import { getClinicContext } from "@/lib/auth/clinic";
import { loadDiaryConfig } from "@/lib/diary/config-service";
import { ClosuresManager } from "@/components/diary-config/closures-manager";

export const metadata: Metadata = { title: "Closures" };

export default async function ClosuresPage() {
  const { claims, current } = await getClinicContext();
  if (!current) return null;
  const { closures, rules } = await loadDiaryConfig(claims, current.id);
  return (
    <ClosuresManager
      closures={closures}
      today={rules?.today ?? ""}
      canEdit={current.role === "admin"}
    />
  );
}
