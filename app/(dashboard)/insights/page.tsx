import { ChartColumn } from "lucide-react";
import type { Metadata } from "next";

import { getClinicContext } from "@/lib/auth/clinic";
import { loadAttendance } from "@/lib/insights/attendance";
import { loadInsights } from "@/lib/insights/service";
import { loadReminderEffect } from "@/lib/reminders/service";
import { resolveDateRange } from "@/lib/validations/date-range";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/dashboard/empty-state";
import { PageHeader } from "@/components/dashboard/page-header";
import { AttendanceCard } from "@/components/insights/attendance-card";
import { CountTable } from "@/components/insights/count-table";
import { FunnelCard } from "@/components/insights/funnel-card";
import { outcomeTotals, pivotByReason } from "@/components/insights/outcomes";
import { OutcomesChart } from "@/components/insights/outcomes-chart";
import { DateRangePicker } from "@/components/latency/date-range-picker";
import { ReminderEffectCard } from "@/components/reminders/reminder-effect-card";

export const metadata: Metadata = { title: "Insights" };

// Where calls and aftercare texts turn into bookings, and how calls end, per day over a range.
export default async function InsightsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { claims, current } = await getClinicContext();
  if (!current) return null;
  const range = resolveDateRange(await searchParams, current.timezone);
  const { calls, followUps, outcomes } = await loadInsights(claims, current.id, range);
  const reminderEffect = await loadReminderEffect(claims, current.id, range);
  const anyCalls = calls.some((day) => day.calls > 0) || followUps.some((day) => day.sent > 0);
  const reasons = pivotByReason(outcomes);
  const attendance = await loadAttendance(claims, current.id, range);

  return (
    <div className="grid gap-6">
      <PageHeader
        title="Insights"
        description="How calls turn into bookings, what aftercare texts bring back, and how calls end."
      >
        <DateRangePicker from={range.from} to={range.to} />
      </PageHeader>
      {!anyCalls ? (
        <EmptyState icon={ChartColumn} title="No calls in this range">
          Once Voxanne answers calls, this page shows how many wanted an appointment, held a slot
          and booked, and how aftercare texts bring callers back. Pick another range, or simulate a
          call from Live calls.
        </EmptyState>
      ) : (
        <>
          <FunnelCard
            title="Call funnel"
            description="Calls, those that asked to book (or for availability), held a slot, and booked (not cancelled), by day of the call."
            days={calls}
            series={[
              { key: "calls", label: "Calls", color: "var(--chart-2)" },
              { key: "intent", label: "Booking intent", color: "var(--chart-5)" },
              { key: "held", label: "Held a slot", color: "var(--chart-3)" },
              { key: "booked", label: "Booked", color: "var(--chart-1)" },
            ]}
            testId="call-funnel"
          />
          <FunnelCard
            title="Aftercare follow-up funnel"
            description="Aftercare texts sent, links opened, and callers who booked after the text, by day it was sent."
            days={followUps}
            series={[
              { key: "sent", label: "Texts sent", color: "var(--chart-2)" },
              { key: "opened", label: "Link opened", color: "var(--chart-3)" },
              { key: "bookedLater", label: "Booked later", color: "var(--chart-1)" },
            ]}
            testId="follow-up-funnel"
          />
          <Card data-testid="outcomes">
            <CardHeader>
              <CardTitle>Outcomes by ended reason</CardTitle>
              <CardDescription>
                The 8 most common ways calls ended, split by what the call achieved.
              </CardDescription>
            </CardHeader>
            <CardContent className="grid gap-6 lg:grid-cols-[2fr_1fr]">
              <OutcomesChart rows={reasons} />
              <div className="grid content-start gap-6">
                <CountTable
                  heading="Outcome"
                  rows={outcomeTotals(outcomes).map((row) => ({
                    label: row.label,
                    calls: row.calls,
                  }))}
                  testId="outcome-totals"
                />
                <CountTable
                  heading="How calls ended"
                  rows={reasons.map((row) => ({ label: row.endedReason, calls: row.total }))}
                  testId="reason-totals"
                />
              </div>
            </CardContent>
          </Card>
        </>
      )}
      <AttendanceCard {...attendance} clinic={current} />
      <ReminderEffectCard effect={reminderEffect} />
    </div>
  );
}
