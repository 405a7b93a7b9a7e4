import type { LatencyOverview } from "@/lib/db/insights";
import { formatNumber, type ClinicFormat } from "@/lib/format";
import { cn } from "@/lib/utils";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

const TARGET_MS = 700;

/** Turns and percentiles over the whole range, as a row of figures. */
export function LatencySummary({
  summary,
  clinic,
}: {
  summary: LatencyOverview["summary"];
  clinic: Pick<ClinicFormat, "locale">;
}) {
  const figures = [
    { label: "Turns", value: formatNumber(summary.turns, clinic), slow: false },
    {
      label: "p50",
      value: summary.p50 === null ? "–" : `${summary.p50} ms`,
      slow: (summary.p50 ?? 0) > TARGET_MS,
    },
    {
      label: "p95",
      value: summary.p95 === null ? "–" : `${summary.p95} ms`,
      slow: (summary.p95 ?? 0) > TARGET_MS,
    },
    {
      label: "p99",
      value: summary.p99 === null ? "–" : `${summary.p99} ms`,
      slow: (summary.p99 ?? 0) > TARGET_MS,
    },
    {
      label: "Over 700 ms",
      value: formatNumber(summary.over700, clinic),
      slow: summary.over700 > 0,
    },
  ];
  return (
    <div
      className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-5"
      data-testid="latency-range-summary"
    >
      {figures.map((figure) => (
        <Card key={figure.label} className="gap-1 py-4">
          <CardHeader className="px-4">
            <CardDescription>{figure.label}</CardDescription>
            <CardTitle
              className={cn("text-2xl tabular-nums", figure.slow && "text-destructive")}
              data-testid={`latency-${figure.label.toLowerCase().replace(/\W+/g, "-")}`}
            >
              {figure.value}
            </CardTitle>
          </CardHeader>
        </Card>
      ))}
    </div>
  );
}
