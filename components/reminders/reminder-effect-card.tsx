import type { NoShowGroup } from "@/lib/db/reminders";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

const rate = (group: NoShowGroup) =>
  group.appointments === 0 ? null : group.noShows / group.appointments;
const percent = (value: number | null) =>
  value === null ? "–" : `${(Math.round(value * 1000) / 10).toFixed(1)}%`;

/**
 * Insights: the no-show rate of appointments that got a reminder against those that did not
 * (reminders off, booked too late for one, opted out), over the page's range.
 */
export function ReminderEffectCard({
  effect,
}: {
  effect: { reminded: NoShowGroup; notReminded: NoShowGroup };
}) {
  const reminded = rate(effect.reminded);
  const notReminded = rate(effect.notReminded);
  const difference =
    reminded !== null && notReminded !== null
      ? Math.round((notReminded - reminded) * 1000) / 10
      : null;
  const rows = [
    { label: "Reminded", group: effect.reminded, value: reminded },
    { label: "Not reminded", group: effect.notReminded, value: notReminded },
  ];
  return (
    <Card data-testid="reminder-effect">
      <CardHeader>
        <CardTitle>Effect of reminders</CardTitle>
        <CardDescription>
          No-show rate of appointments in this range whose outcome is known (arrived, completed or
          no-show), with and without a reminder text.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <table className="w-full max-w-xl text-sm">
          <thead>
            <tr className="text-muted-foreground text-left">
              <th className="py-1 font-medium">Appointments</th>
              <th className="py-1 text-right font-medium">Seen</th>
              <th className="py-1 text-right font-medium">No-shows</th>
              <th className="py-1 text-right font-medium">No-show rate</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.label} className="border-t">
                <th scope="row" className="py-1.5 text-left font-medium">
                  {row.label}
                </th>
                <td className="py-1.5 text-right tabular-nums">{row.group.appointments}</td>
                <td className="py-1.5 text-right tabular-nums">{row.group.noShows}</td>
                <td className="py-1.5 text-right font-semibold tabular-nums">
                  {percent(row.value)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="text-muted-foreground text-sm">
          {difference === null
            ? "Not enough appointments with a known outcome in this range to compare."
            : difference > 0
              ? `Reminded patients missed ${difference.toFixed(1)} percentage points fewer appointments.`
              : difference < 0
                ? `Reminded patients missed ${Math.abs(difference).toFixed(1)} percentage points more appointments.`
                : "Reminded and unreminded patients missed appointments at the same rate."}
        </p>
      </CardContent>
    </Card>
  );
}
