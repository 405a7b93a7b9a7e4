import Link from "next/link";

import type { LiveCall } from "@/types/live-call";
import { formatMaskedPhone, formatTime, type ClinicFormat } from "@/lib/format";
import { Badge } from "@/components/ui/badge";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { formatDuration, OUTCOME_LABELS } from "@/components/dashboard/call-labels";

export function RecentCalls({
  calls,
  clinic,
  viewerZone,
}: {
  calls: LiveCall[];
  clinic: ClinicFormat;
  viewerZone: string | null;
}) {
  return (
    <div className="rounded-lg border">
      <Table stack="md" aria-label="Today's finished calls">
        <TableHeader>
          <TableRow>
            <TableHead>Caller</TableHead>
            <TableHead className="hidden sm:table-cell">Asked about</TableHead>
            <TableHead className="hidden md:table-cell">Time</TableHead>
            <TableHead className="hidden md:table-cell">Length</TableHead>
            <TableHead>Outcome</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {calls.map((call) => {
            const outcome = OUTCOME_LABELS[call.outcome ?? ""] ?? {
              label: "Ended",
              variant: "outline" as const,
            };
            const started = Date.parse(call.answeredAt ?? call.startedAt);
            return (
              <TableRow key={call.callId} data-testid="call-row">
                <TableCell label="Caller">
                  <Link href={`/calls/${call.callId}`} className="font-medium hover:underline">
                    {call.callerName ??
                      (call.callerLast4 ? formatMaskedPhone(call.callerLast4) : "Unknown caller")}
                  </Link>
                  {call.callerName && call.callerLast4 ? (
                    <div className="text-muted-foreground text-xs">
                      {formatMaskedPhone(call.callerLast4)}
                    </div>
                  ) : null}
                </TableCell>
                <TableCell label="Asked about" className="hidden sm:table-cell">
                  {call.procedures.join(", ") || "—"}
                </TableCell>
                <TableCell label="Time" className="hidden md:table-cell">
                  {formatTime(call.startedAt, clinic, { viewerZone })}
                </TableCell>
                <TableCell label="Length" className="hidden font-mono tabular-nums md:table-cell">
                  {call.endedAt ? formatDuration(Date.parse(call.endedAt) - started) : "—"}
                </TableCell>
                <TableCell label="Outcome">
                  <div className="flex flex-wrap gap-1">
                    <Badge variant={outcome.variant}>{outcome.label}</Badge>
                    {call.urgency ? (
                      <Badge variant="destructive" data-testid="urgent-badge">
                        {call.urgency === "emergency" ? "Emergency" : "Urgent"}
                      </Badge>
                    ) : null}
                  </div>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
