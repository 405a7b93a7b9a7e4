import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

import { DailyFunnelChart, type FunnelSeries } from "./daily-funnel-chart";
import { FunnelTable } from "./funnel-table";

/**
 * A funnel over the range: bars per day for each step, and each step's total with its
 * conversion. `days` holds a count per series key for every day.
 */
export function FunnelCard<T extends { day: string }>({
  title,
  description,
  days,
  series,
  testId,
}: {
  title: string;
  description: string;
  days: T[];
  series: (FunnelSeries & { key: keyof T & string })[];
  testId: string;
}) {
  const total = (key: keyof T) => days.reduce((sum, day) => sum + Number(day[key] ?? 0), 0);
  const data = days.map((day) => ({
    day: day.day,
    ...Object.fromEntries(series.map((item) => [item.key, Number(day[item.key] ?? 0)])),
  }));
  return (
    <Card data-testid={testId}>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <DailyFunnelChart data={data} series={series} testId={`${testId}-chart`} />
        <FunnelTable
          steps={series.map((item) => ({ label: item.label, count: total(item.key) }))}
          testId={`${testId}-table`}
        />
      </CardContent>
    </Card>
  );
}
