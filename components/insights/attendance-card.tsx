import { formatDay, type ClinicFormat } from "@/lib/format";
import type { AttendanceRates } from "@/lib/insights/attendance";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import {
  Table,
  TableBody,
  TableCell,
  TableFooter,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";

const percent = (value: number | null) => (value === null ? "—" : `${Math.round(value * 100)}%`);

function Row({ row, label }: { row: AttendanceRates; label: string }) {
  return (
    <>
      <TableCell className="font-medium">{label}</TableCell>
      <TableCell label="Appointments" className="text-right tabular-nums">
        {row.appointments}
      </TableCell>
      <TableCell label="Confirmed" className="text-right tabular-nums">
        {percent(row.confirmationRate)}
        <span className="text-muted-foreground"> ({row.confirmed})</span>
      </TableCell>
      <TableCell label="Attended" className="text-right tabular-nums">
        {row.attended}
      </TableCell>
      <TableCell label="No-shows" className="text-right tabular-nums">
        {row.noShows}
      </TableCell>
      <TableCell label="No-show rate" className="text-right font-medium tabular-nums">
        {percent(row.noShowRate)}
      </TableCell>
      <TableCell label="Cancelled" className="text-right tabular-nums">
        {row.cancelled}
      </TableCell>
    </>
  );
}

/** No-show and confirmation rates per week of the appointments' dates. */
export function AttendanceCard({
  weeks,
  total,
  clinic,
}: {
  weeks: AttendanceRates[];
  total: AttendanceRates;
  /** The clinic's locale: weeks are labelled by their Monday, "7 Dec" / "Dec 7". */
  clinic: Pick<ClinicFormat, "locale">;
}) {
  const weekOf = (monday: string) => formatDay(monday, clinic, "short");
  return (
    <Card data-testid="attendance">
      <CardHeader>
        <CardTitle>No-shows and confirmations</CardTitle>
        <CardDescription>
          Appointments by the week they are in (Monday first): the share confirmed before they
          started, and the no-show rate of those whose outcome was marked in the diary (arrived or
          completed vs no-show). Cancelled appointments are counted apart.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <Table stack="md">
          <TableHeader>
            <TableRow>
              <TableHead>Week of</TableHead>
              <TableHead className="text-right">Appointments</TableHead>
              <TableHead className="text-right">Confirmed</TableHead>
              <TableHead className="text-right">Attended</TableHead>
              <TableHead className="text-right">No-shows</TableHead>
              <TableHead className="text-right">No-show rate</TableHead>
              <TableHead className="text-right">Cancelled</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {weeks.map((week) => (
              <TableRow key={week.week} data-testid="attendance-week">
                <Row row={week} label={weekOf(week.week)} />
              </TableRow>
            ))}
          </TableBody>
          <TableFooter>
            <TableRow data-testid="attendance-total">
              <Row row={total} label="All weeks" />
            </TableRow>
          </TableFooter>
        </Table>
      </CardContent>
    </Card>
  );
}
