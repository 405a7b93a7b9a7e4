import type { Metadata } from "next";

import { timeZones } from "@/lib/validations/onboarding";
import { CreateClinicCard } from "@/components/onboarding/create-clinic-card";

export const metadata: Metadata = { title: "Create a clinic" };

/** From the clinic switcher: another clinic, of which the person becomes the admin. */
export default function NewClinicPage() {
  return (
    <div className="flex justify-center py-6">
      <CreateClinicCard zones={timeZones()} first={false} />
    </div>
  );
}
