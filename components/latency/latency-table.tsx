import type { LatencyDay } from "@/lib/db/latency";
import { cn } from "@/lib/utils";
import { Badge } from "@/components/ui/badge";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";

const TARGET_MS = 700;
const ms = (value: number) => `${value} ms`;

/** One row per clinic-local day and assistant profile, newest first; slow turns and hangs stand out. */
export function LatencyTable({ rows }: { rows: LatencyDay[] }) {
  return (
    <div className="rounded-lg border">
      <Table stack="md" data-testid="latency-table">
        <TableHeader>
          <TableRow>
            <TableHead>Day</TableHead>
            <TableHead>Profile</TableHead>
            <TableHead className="text-right">Turns</TableHead>
            <TableHead className="text-right">p50</TableHead>
            <TableHead className="text-right">p95</TableHead>
            <TableHead className="text-right">p99</TableHead>
            <TableHead className="text-right">Over 700 ms</TableHead>
            <TableHead className="text-right">Hang alarms</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {[...rows].reverse().map((row) => (
            <TableRow key={`${row.day}-${row.profile}`} data-testid="latency-row">
              <TableCell label="Day" className="font-medium tabular-nums">
                {row.day}
              </TableCell>
              <TableCell label="Profile" className="text-muted-foreground">
                {row.profile.replace("_", " ")}
              </TableCell>
              <TableCell label="Turns" className="text-right tabular-nums">
                {row.turns}
              </TableCell>
              <TableCell label="p50" className="text-right tabular-nums">
                {ms(row.p50)}
              </TableCell>
              <TableCell
                label="p95"
                className={cn("text-right tabular-nums", row.p95 > TARGET_MS && "text-destructive")}
              >
                {ms(row.p95)}
              </TableCell>
              <TableCell
                label="p99"
                className={cn("text-right tabular-nums", row.p99 > TARGET_MS && "text-destructive")}
              >
                {ms(row.p99)}
              </TableCell>
              <TableCell
                label="Over 700 ms"
                className={cn(
                  "text-right tabular-nums",
                  row.over700 > 0 && "text-destructive font-semibold",
                )}
                data-testid="latency-over700"
                data-slow={row.over700 > 0 ? "true" : undefined}
              >
                {row.over700}
              </TableCell>
              <TableCell label="Hang alarms" className="text-right">
                {row.hangs > 0 ? (
                  <Badge variant="destructive">{row.hangs}</Badge>
                ) : (
                  <span className="text-muted-foreground">0</span>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
