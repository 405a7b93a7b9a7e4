import type { Metadata } from "next";
import Link from "next/link";

import { getEnv } from "@/lib/env";
import { getClinicContext } from "@/lib/auth/clinic";
import { loadDiaryConfig } from "@/lib/diary/config-service";
import { loadTransferPreview } from "@/lib/hours/service";
import { getNumberStatus } from "@/lib/vapi/number-service";
import { phoneNumberFor } from "@/lib/vapi/phone-number";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { AfterHoursForm } from "@/components/diary-config/after-hours-form";
import { ConnectNumber } from "@/components/diary-config/connect-number";
import { DateHoursManager } from "@/components/diary-config/date-hours-manager";
import { OnCallRotaEditor } from "@/components/diary-config/on-call-rota-editor";
import { TransferPreviewCard } from "@/components/diary-config/transfer-preview";
import { WeeklyHoursEditor } from "@/components/diary-config/weekly-hours-editor";

export const metadata: Metadata = { title: "Hours and on-call" };

export default async function OpeningHoursPage({
  searchParams,
}: {
  searchParams: Promise<{ at?: string | string[] }>;
}) {
  const { claims, current } = await getClinicContext();
  if (!current) return null;
  const { openingHours, dateHours, rules, routing, rota } = await loadDiaryConfig(
    claims,
    current.id,
  );
  const at = (await searchParams).at;
  const when = typeof at === "string" && at.trim() ? at.trim() : undefined;
  const preview = await loadTransferPreview(claims, current.id, when);
  const canEdit = current.role === "admin";
  const numberStatus = await getNumberStatus(claims, current.id);
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
            are closed all day; a date with special hours (below) is open only at those.
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-8">
          <WeeklyHoursEditor
            practitionerId={null}
            practitionerName={current.name}
            intervals={openingHours}
            canEdit={canEdit}
          />
          <DateHoursManager
            rows={dateHours}
            today={rules?.today ?? new Date().toISOString().slice(0, 10)}
            canEdit={canEdit}
          />
        </CardContent>
      </Card>
      {routing ? <AfterHoursForm settings={routing} canEdit={canEdit} /> : null}
      <OnCallRotaEditor rota={rota} canEdit={canEdit} />
      <TransferPreviewCard when={when ?? ""} result={preview} />
      {routing ? (
        <Card className="max-w-3xl" data-testid="failover">
          <CardHeader>
            <CardTitle>If our server is down</CardTitle>
            <CardDescription>
              Vapi retries each message three times; if it still cannot reach CallWaiting AI when a
              call comes in, it puts the caller straight through to the fallback below, so nobody is
              left without a person. &ldquo;Connect number to Vapi&rdquo; imports the clinic&apos;s
              Twilio number into Vapi with this configuration, or updates it when it is already
              there (from a terminal:{" "}
              <code>npm run vapi:config -- --clinic {current.slug} --number --push</code>).
            </CardDescription>
          </CardHeader>
          <CardContent className="grid gap-3 text-sm">
            <p>
              Fallback:{" "}
              {routing.frontDeskNumber ? (
                <strong>front desk, {routing.frontDeskNumber}</strong>
              ) : (
                <strong className="text-destructive">
                  none: set a front desk number above, or callers hear an error when the server is
                  down
                </strong>
              )}
            </p>
            <ConnectNumber
              clinicId={current.id}
              timezone={rules?.timezone ?? current.timezone}
              frontDeskNumber={routing.frontDeskNumber}
              status={
                numberStatus
                  ? {
                      ...numberStatus,
                      attemptedAt: numberStatus.attemptedAt?.toISOString() ?? null,
                      syncedAt: numberStatus.syncedAt?.toISOString() ?? null,
                    }
                  : null
              }
              canEdit={canEdit}
            />
            {current.phoneNumber ? (
              <ScrollRegion
                label="The number's Vapi settings (JSON)"
                className="bg-muted overflow-x-auto rounded-md"
              >
                <pre className="p-3 text-xs">
                  {JSON.stringify(
                    phoneNumberFor(
                      {
                        name: current.name,
                        phoneNumber: current.phoneNumber,
                        frontDeskNumber: routing.frontDeskNumber,
                      },
                      {
                        serverUrl: `${getEnv().APP_URL.replace(/\/$/, "")}/api/webhooks/vapi`,
                      },
                    ),
                    null,
                    2,
                  )}
                </pre>
              </ScrollRegion>
            ) : (
              <p className="text-muted-foreground text-sm">
                The clinic has no Twilio number yet: enter it on the onboarding page&apos;s Phone
                number step.
              </p>
            )}
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}
