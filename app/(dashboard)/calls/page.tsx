import { Download, History } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";

import { getClinicContext } from "@/lib/auth/clinic";
import {
  describeEnding,
  OUTCOME_WORDS,
  outcomeWords,
  stateWords,
} from "@/lib/calls/plain-language";
import { loadCallHistory } from "@/lib/calls/service";
import { formatDateTime, formatMaskedPhone } from "@/lib/format";
import {
  callHistorySearch,
  HISTORY_EXPORT_LIMIT,
  HISTORY_PAGE_SIZE,
  readCallHistoryParams,
} from "@/lib/validations/call-history";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { formatDuration } from "@/components/dashboard/call-labels";
import { EmptyState } from "@/components/dashboard/empty-state";
import { IgnoredParams } from "@/components/dashboard/ignored-params";
import { PageHeader } from "@/components/dashboard/page-header";

export const metadata: Metadata = { title: "Call history" };

const selectClass = "border-input bg-background h-9 w-full rounded-md border px-3 text-sm";

// Every call the clinic has had, searchable by date, caller, outcome, procedure and
// practitioner, newest first, a page at a time; admins export what they see as CSV.
export default async function CallHistoryPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { claims, current, viewerZone } = await getClinicContext();
  if (!current) return null;
  const { query, notes } = readCallHistoryParams(await searchParams, current.timezone);
  const { rows, total, options } = await loadCallHistory(claims, current.id, query);
  const pages = Math.max(1, Math.ceil(total / HISTORY_PAGE_SIZE));
  const filtered = Boolean(
    query.caller || query.outcome || query.procedureId || query.practitionerId,
  );
  const first = (query.page - 1) * HISTORY_PAGE_SIZE + 1;

  return (
    <div className="grid gap-6">
      <PageHeader
        title="Call history"
        description="Every call Voxanne answered, newest first. Open one for what happened and what to do next."
      >
        {current.role === "admin" ? (
          <Button asChild variant="outline" size="sm">
            <a
              href={`/api/clinics/${current.id}/calls/export${callHistorySearch({ ...query, page: 1 })}`}
              download
              data-testid="export-csv"
            >
              <Download aria-hidden /> Export CSV
            </a>
          </Button>
        ) : null}
      </PageHeader>
      <IgnoredParams notes={notes} />
      <form
        method="get"
        role="search"
        aria-label="Filter calls"
        className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[repeat(3,minmax(0,1fr))_auto] lg:items-end xl:grid-cols-[9rem_9rem_minmax(0,1fr)_repeat(3,minmax(0,1fr))_auto]"
      >
        <div className="grid gap-1.5">
          <Label htmlFor="from">From</Label>
          <Input id="from" name="from" type="date" defaultValue={query.from} />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="to">To</Label>
          <Input id="to" name="to" type="date" defaultValue={query.to} />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="caller">Caller</Label>
          <Input
            id="caller"
            name="caller"
            defaultValue={query.caller ?? ""}
            placeholder="Name or part of the number"
            maxLength={100}
          />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="outcome">Outcome</Label>
          <select
            id="outcome"
            name="outcome"
            defaultValue={query.outcome ?? ""}
            className={selectClass}
          >
            <option value="">Any outcome</option>
            {Object.entries(OUTCOME_WORDS).map(([value, { label }]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
            <option value="in_progress">Still on the line</option>
          </select>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="procedure">Procedure</Label>
          <select
            id="procedure"
            name="procedure"
            defaultValue={query.procedureId ?? ""}
            className={selectClass}
          >
            <option value="">Any procedure</option>
            {options.procedures.map((procedure) => (
              <option key={procedure.id} value={procedure.id}>
                {procedure.name}
              </option>
            ))}
          </select>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="practitioner">Booked with</Label>
          <select
            id="practitioner"
            name="practitioner"
            defaultValue={query.practitionerId ?? ""}
            className={selectClass}
          >
            <option value="">Anyone</option>
            {options.practitioners.map((practitioner) => (
              <option key={practitioner.id} value={practitioner.id}>
                {practitioner.name}
              </option>
            ))}
          </select>
        </div>
        <div className="flex gap-2">
          <Button type="submit">Search</Button>
          {filtered ? (
            <Button asChild variant="ghost">
              <Link href={`/calls${callHistorySearch({ from: query.from, to: query.to })}`}>
                Clear
              </Link>
            </Button>
          ) : null}
        </div>
      </form>

      {rows.length === 0 ? (
        <EmptyState icon={History} title={total > 0 ? "No calls on this page" : "No calls found"}>
          {total > 0 ? (
            <p>
              There are {total} matching calls; this page is past the last one.{" "}
              <Link
                className="underline"
                href={`/calls${callHistorySearch({ ...query, page: 1 })}`}
              >
                Go to the first page
              </Link>
              .
            </p>
          ) : filtered ? (
            <p>No call between these dates matches the search. Try fewer filters or more days.</p>
          ) : (
            <p>No calls between these dates. Calls Voxanne answers appear here as they happen.</p>
          )}
        </EmptyState>
      ) : (
        <>
          <p className="text-muted-foreground text-sm" data-testid="history-count" role="status">
            {total === 1 ? "1 call" : `Calls ${first}–${first + rows.length - 1} of ${total}`}
            {current.role === "admin" && total > HISTORY_EXPORT_LIMIT
              ? ` (the export holds the newest ${HISTORY_EXPORT_LIMIT})`
              : ""}
          </p>
          <div className="rounded-lg border">
            <Table stack="lg" aria-label="Calls">
              <TableHeader>
                <TableRow>
                  <TableHead>When</TableHead>
                  <TableHead>Caller</TableHead>
                  <TableHead className="hidden md:table-cell">Asked about</TableHead>
                  <TableHead className="hidden lg:table-cell">Booked with</TableHead>
                  <TableHead className="hidden sm:table-cell">Length</TableHead>
                  <TableHead>Outcome</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((row) => {
                  const outcome = outcomeWords(row.outcome);
                  const ending = describeEnding(row.endedReason);
                  return (
                    <TableRow key={row.id} data-testid="history-row">
                      <TableCell label="When" className="whitespace-nowrap">
                        <Link href={`/calls/${row.id}`} className="hover:underline">
                          {formatDateTime(row.startedAt, current, { viewerZone })}
                        </Link>
                      </TableCell>
                      <TableCell label="Caller">
                        <Link href={`/calls/${row.id}`} className="font-medium hover:underline">
                          {row.callerName ??
                            (row.callerLast4
                              ? formatMaskedPhone(row.callerLast4)
                              : "Unknown caller")}
                        </Link>
                        {row.callerName && row.callerLast4 ? (
                          <div className="text-muted-foreground text-xs">
                            {formatMaskedPhone(row.callerLast4)}
                          </div>
                        ) : null}
                      </TableCell>
                      <TableCell label="Asked about" className="hidden md:table-cell">
                        {row.procedures.join(", ") || "—"}
                      </TableCell>
                      <TableCell label="Booked with" className="hidden lg:table-cell">
                        {row.practitioners.join(", ") || "—"}
                      </TableCell>
                      <TableCell
                        label="Length"
                        className="hidden font-mono tabular-nums sm:table-cell"
                      >
                        {row.durationMs === null ? "—" : formatDuration(row.durationMs)}
                      </TableCell>
                      <TableCell label="Outcome">
                        <div className="flex flex-wrap items-center gap-1">
                          <Badge
                            variant={outcome?.variant ?? "outline"}
                            data-testid="history-outcome"
                          >
                            {outcome?.label ?? stateWords(row.state)}
                          </Badge>
                          {row.urgency ? (
                            <Badge variant="destructive">
                              {row.urgency === "emergency" ? "Emergency" : "Urgent"}
                            </Badge>
                          ) : null}
                        </div>
                        {ending && outcome?.label !== ending.words ? (
                          <div className="text-muted-foreground mt-1 text-xs">{ending.words}</div>
                        ) : null}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </div>
          {pages > 1 ? (
            <nav aria-label="Pages" className="flex items-center justify-between gap-3 text-sm">
              {query.page > 1 ? (
                <Button asChild variant="outline" size="sm">
                  <Link href={`/calls${callHistorySearch({ ...query, page: query.page - 1 })}`}>
                    Newer calls
                  </Link>
                </Button>
              ) : (
                <span />
              )}
              <span className="text-muted-foreground">
                Page {query.page} of {pages}
              </span>
              {query.page < pages ? (
                <Button asChild variant="outline" size="sm">
                  <Link href={`/calls${callHistorySearch({ ...query, page: query.page + 1 })}`}>
                    Older calls
                  </Link>
                </Button>
              ) : (
                <span />
              )}
            </nav>
          ) : null}
        </>
      )}
    </div>
  );
}
