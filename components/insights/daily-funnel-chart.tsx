"use client";

import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from "recharts";

import { formatDay } from "@/lib/format";
import {
  ChartContainer,
  ChartLegend,
  ChartLegendContent,
  ChartTooltip,
  ChartTooltipContent,
  type ChartConfig,
} from "@/components/ui/chart";
import { useClinicFormat } from "@/components/dashboard/clinic-format";

export interface FunnelSeries {
  key: string;
  label: string;
  /** A CSS colour, e.g. var(--chart-1). */
  color: string;
}

/** One group of bars per day, one bar per funnel step, so drop-off reads left to right. */
export function DailyFunnelChart({
  data,
  series,
  testId,
}: {
  data: Array<{ day: string } & Record<string, number | string>>;
  series: FunnelSeries[];
  testId?: string;
}) {
  const { clinic } = useClinicFormat();
  const shortDay = (day: string) => formatDay(day, clinic, "short");
  const config: ChartConfig = Object.fromEntries(
    series.map((item) => [item.key, { label: item.label, color: item.color }]),
  );
  return (
    <ChartContainer config={config} className="aspect-auto h-64 w-full" data-testid={testId}>
      <BarChart data={data} margin={{ left: 4, right: 12, top: 8 }} accessibilityLayer>
        <CartesianGrid vertical={false} />
        <XAxis
          dataKey="day"
          tickLine={false}
          axisLine={false}
          tickMargin={8}
          minTickGap={24}
          tickFormatter={shortDay}
        />
        <YAxis tickLine={false} axisLine={false} width={32} allowDecimals={false} />
        <ChartTooltip
          cursor={false}
          content={
            <ChartTooltipContent
              indicator="dot"
              labelFormatter={(label) => (typeof label === "string" ? shortDay(label) : label)}
            />
          }
        />
        {series.map((item) => (
          <Bar
            key={item.key}
            dataKey={item.key}
            fill={`var(--color-${item.key})`}
            radius={[3, 3, 0, 0]}
          />
        ))}
        <ChartLegend content={<ChartLegendContent />} />
      </BarChart>
    </ChartContainer>
  );
}
