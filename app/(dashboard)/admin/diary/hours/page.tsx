import type { Metadata } from "next";
import Link from "next/link";

import { getClinicContext } from "@/lib/auth/clinic";
import { loadDiaryConfig } from "@/lib/diary/config-service";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { AfterHoursForm } from "@/components/diary-config/after-hours-form";
import { OnCallRotaEditor } from "@/components/diary-config/on-call-rota-editor";
import { WeeklyHoursEditor } from "@/components/diary-config/weekly-hours-editor";

export const metadata: Metadata = { title: "Hours and on-call" };

export default async function OpeningHoursPage() {
  const { claims, current } = await getClinicContext();
  if (!current) return null;
  const { openingHours, rules, routing, rota } = await loadDiaryConfig(claims, current.id);
  const canEdit = current.role === "admin";
  return (
    <div className="grid gap-6">
      <Card className="max-w-3xl">
        <CardHeader>
          <CardTitle>Opening hours</CardTitle>
          <CardDescription>
            When the front desk answers the phone, in the clinic&apos;s time zone (
            {rules?.timezone ?? current.timezone}). Voxanne tells callers whether you are open and
            when you open next, and puts calls through to the front desk only while you are open.
            Days in{" "}
            <Link href="/admin/diary/closures" className="underline underline-offset-4">
              Closures
            </Link>{" "}
            are closed all day.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <WeeklyHoursEditor
            practitionerId={null}
            practitionerName={current.name}
            intervals={openingHours}
            canEdit={canEdit}
          />
        </CardContent>
      </Card>
      {routing ? <AfterHoursForm settings={routing} canEdit={canEdit} /> : null}
      <OnCallRotaEditor rota={rota} canEdit={canEdit} />
    </div>
  );
}
