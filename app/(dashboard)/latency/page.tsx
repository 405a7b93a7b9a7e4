import { Gauge } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";

import { getClinicContext } from "@/lib/auth/clinic";
import { LATENCY_TARGET_MS, latencyVerdict } from "@/lib/latency/rule";
import { loadLatency } from "@/lib/latency/service";
import { resolveDateRange } from "@/lib/validations/date-range";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/dashboard/empty-state";
import { PageHeader } from "@/components/dashboard/page-header";
import { DateRangePicker } from "@/components/latency/date-range-picker";
import { LatencyChart } from "@/components/latency/latency-chart";
import { LatencySummary } from "@/components/latency/latency-summary";
import { LatencyTable } from "@/components/latency/latency-table";

export const metadata: Metadata = { title: "Latency" };

// How long callers wait for Voxanne, per day and assistant profile, against the 700 ms target.
export default async function LatencyPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { claims, current } = await getClinicContext();
  if (!current) return null;
  const range = resolveDateRange(await searchParams, current.timezone);
  const { overview, rows, recent, profile } = await loadLatency(claims, current.id, range);
  const verdict = latencyVerdict(recent, profile);

  return (
    <div className="grid gap-6">
      <PageHeader
        title="Latency"
        description="From the caller's last word to Voxanne's first, measured on every turn. Target: under 700 ms."
      >
        <DateRangePicker from={range.from} to={range.to} />
      </PageHeader>
      {verdict.kind === "offer_low_latency" ? (
        <Alert data-testid="latency-advice">
          <AlertTitle>Callers wait too long for 1 in 20 replies</AlertTitle>
          <AlertDescription>
            Over the last 7 days p95 is {verdict.p95} ms, above the {LATENCY_TARGET_MS} ms target.{" "}
            {current.role === "admin" ? (
              <>
                The low-latency profile should bring it down:{" "}
                <Link href="/admin/assistant" className="font-medium underline underline-offset-4">
                  review and apply it
                </Link>
                .
              </>
            ) : (
              "Ask a clinic admin to apply the low-latency profile."
            )}
          </AlertDescription>
        </Alert>
      ) : null}
      {overview.summary.turns === 0 ? (
        <EmptyState icon={Gauge} title="No turns measured in this range">
          Every call measures how long Voxanne takes to answer each time the caller stops speaking.
          Once calls come in, or you pick a range with calls in it, the reply times appear here.
        </EmptyState>
      ) : (
        <>
          <LatencySummary summary={overview.summary} clinic={current} />
          <Card>
            <CardHeader>
              <CardTitle>Reply time per day</CardTitle>
              <CardDescription>
                Median (p50) and 1-in-20 (p95) reply time, across assistant profiles.
              </CardDescription>
            </CardHeader>
            <CardContent>
              <LatencyChart days={overview.days} />
            </CardContent>
          </Card>
          <LatencyTable rows={rows} />
        </>
      )}
    </div>
  );
}
