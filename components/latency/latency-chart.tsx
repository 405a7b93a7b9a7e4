"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, XAxis, YAxis } from "recharts";

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

const config = {
  p50: { label: "p50", color: "var(--chart-1)" },
  p95: { label: "p95", color: "var(--chart-4)" },
} satisfies ChartConfig;

export interface LatencyChartDay {
  day: string;
  p50: number | null;
  p95: number | null;
}

/** Daily p50 and p95 reply time, with the 700 ms target as a reference line. */
export function LatencyChart({ days }: { days: LatencyChartDay[] }) {
  const { clinic } = useClinicFormat();
  const shortDay = (day: string) => formatDay(day, clinic, "short");
  const peak = Math.max(800, ...days.map((day) => day.p95 ?? 0));
  return (
    <ChartContainer config={config} className="aspect-auto h-64 w-full" data-testid="latency-chart">
      <LineChart data={days} margin={{ left: 4, right: 12, top: 8 }} accessibilityLayer>
        <CartesianGrid vertical={false} />
        <XAxis
          dataKey="day"
          tickLine={false}
          axisLine={false}
          tickMargin={8}
          minTickGap={24}
          tickFormatter={shortDay}
        />
        <YAxis
          tickLine={false}
          axisLine={false}
          width={64}
          domain={[0, Math.ceil(peak / 100) * 100]}
          tickFormatter={(value: number) => `${value} ms`}
        />
        <ChartTooltip
          content={
            <ChartTooltipContent
              indicator="line"
              labelFormatter={(label) => (typeof label === "string" ? shortDay(label) : label)}
            />
          }
        />
        <ReferenceLine
          y={700}
          stroke="var(--destructive)"
          strokeDasharray="4 4"
          label={{
            value: "700 ms",
            position: "insideTopRight",
            fill: "var(--destructive)",
            fontSize: 11,
          }}
        />
        <Line
          dataKey="p50"
          type="monotone"
          stroke="var(--color-p50)"
          strokeWidth={2}
          dot={{ r: 2.5 }}
          connectNulls
        />
        <Line
          dataKey="p95"
          type="monotone"
          stroke="var(--color-p95)"
          strokeWidth={2}
          dot={{ r: 2.5 }}
          connectNulls
        />
        <ChartLegend content={<ChartLegendContent />} />
      </LineChart>
    </ChartContainer>
  );
}
