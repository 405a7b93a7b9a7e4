"use client";

import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from "recharts";

import {
  ChartContainer,
  ChartLegend,
  ChartLegendContent,
  ChartTooltip,
  ChartTooltipContent,
  type ChartConfig,
} from "@/components/ui/chart";

import { OUTCOMES, type ReasonRow } from "./outcomes";

const config: ChartConfig = Object.fromEntries(
  OUTCOMES.map((outcome) => [outcome.key, { label: outcome.label, color: outcome.color }]),
);

/** Calls per ended reason as horizontal bars, stacked by outcome. */
export function OutcomesChart({ rows }: { rows: ReasonRow[] }) {
  const used = OUTCOMES.filter((outcome) => rows.some((row) => row[outcome.key] > 0));
  return (
    <ChartContainer
      config={config}
      className="aspect-auto w-full"
      style={{ height: 80 + rows.length * 36 }}
      data-testid="outcomes-chart"
    >
      <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 12 }} accessibilityLayer>
        <CartesianGrid horizontal={false} />
        <XAxis type="number" tickLine={false} axisLine={false} allowDecimals={false} />
        <YAxis
          type="category"
          dataKey="endedReason"
          tickLine={false}
          axisLine={false}
          width={150}
          tickFormatter={(value: string) => value.replace(/-/g, " ")}
        />
        <ChartTooltip cursor={false} content={<ChartTooltipContent indicator="dot" />} />
        {used.map((outcome) => (
          <Bar
            key={outcome.key}
            dataKey={outcome.key}
            stackId="outcome"
            fill={`var(--color-${outcome.key})`}
          />
        ))}
        <ChartLegend content={<ChartLegendContent />} />
      </BarChart>
    </ChartContainer>
  );
}
