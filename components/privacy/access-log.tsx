import Link from "next/link";

import type { AccessRow } from "@/lib/db/access-log";
import { formatDateTime, type ClinicFormat } from "@/lib/format";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";

/**
 * Who opened which call or patient, newest first, filtered by staff member, patient and date
 * (search params, so a filtered view can be shared). Admins only: the page and RLS both say so.
 */
export function AccessLog({
  rows,
  actors,
  filter,
  clinic,
  viewerZone,
}: {
  rows: AccessRow[];
  actors: { actorId: string; actorEmail: string | null }[];
  filter: { staff?: string; patient?: string; from?: string; to?: string };
  clinic: ClinicFormat;
  viewerZone: string | null;
}) {
  const when = (at: Date) => formatDateTime(at, clinic, { viewerZone });
  const withPatient = (patientId: string) => {
    const params = new URLSearchParams(
      Object.entries({ ...filter, patient: patientId }).filter((entry): entry is [string, string] =>
        Boolean(entry[1]),
      ),
    );
    return `/admin/privacy?${params.toString()}#access-log`;
  };
  return (
    <Card className="max-w-3xl" id="access-log">
      <CardHeader>
        <CardTitle>Who opened what</CardTitle>
        <CardDescription>
          Every time a member of staff opens a call (with its transcript) or a patient&apos;s page,
          or downloads the call history. Written by the app as they open it; no one can change or
          delete an entry. The latest 100 matching entries.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <form
          method="get"
          action="/admin/privacy#access-log"
          aria-label="Filter the access log"
          className="grid items-end gap-3 sm:grid-cols-4"
        >
          {filter.patient ? <input type="hidden" name="patient" value={filter.patient} /> : null}
          <label className="grid gap-1 text-sm">
            <span className="font-medium">Staff member</span>
            <select
              name="staff"
              defaultValue={filter.staff ?? ""}
              className="border-input h-9 rounded-md border bg-transparent px-2 text-sm"
            >
              <option value="">Everyone</option>
              {actors.map((actor) => (
                <option key={actor.actorId} value={actor.actorId}>
                  {actor.actorEmail ?? actor.actorId.slice(0, 8)}
                </option>
              ))}
            </select>
          </label>
          <label className="grid gap-1 text-sm">
            <span className="font-medium">From</span>
            <Input type="date" name="from" defaultValue={filter.from} />
          </label>
          <label className="grid gap-1 text-sm">
            <span className="font-medium">To</span>
            <Input type="date" name="to" defaultValue={filter.to} />
          </label>
          <Button type="submit" variant="outline">
            Filter
          </Button>
        </form>
        {filter.patient ? (
          <p className="text-sm">
            One patient only.{" "}
            <Link
              href={`/admin/privacy?${new URLSearchParams(
                Object.entries({ ...filter, patient: undefined }).filter(
                  (entry): entry is [string, string] => Boolean(entry[1]),
                ),
              ).toString()}#access-log`}
              className="underline underline-offset-4"
            >
              Show every patient
            </Link>
          </p>
        ) : null}
        {rows.length === 0 ? (
          <p className="text-muted-foreground text-sm" data-testid="access-log">
            Nothing matches.
          </p>
        ) : (
          <Table stack="md" data-testid="access-log">
            <TableHeader>
              <TableRow>
                <TableHead>When</TableHead>
                <TableHead>Who</TableHead>
                <TableHead>Opened</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.id}>
                  <TableCell label="When" className="whitespace-nowrap">
                    {when(row.at)}
                  </TableCell>
                  <TableCell label="Who">{row.actorEmail ?? row.actorId.slice(0, 8)}</TableCell>
                  <TableCell label="Opened">
                    {row.subject === "calls_export" ? (
                      <span>Downloaded the call history (CSV)</span>
                    ) : row.subject === "export" || row.subject === "erasure" ? (
                      <span>
                        {row.subject === "export" ? "Exported the data of" : "Erased the data of"}{" "}
                        {row.label ?? "a patient"}
                      </span>
                    ) : row.subject === "call" ? (
                      <Link
                        href={`/calls/${row.subjectId}`}
                        className="underline underline-offset-4"
                      >
                        Call{row.label ? ` from ${row.label}` : ""}
                      </Link>
                    ) : (
                      <span className="flex flex-wrap gap-2">
                        <Link
                          href={`/patients/${row.subjectId}`}
                          className="underline underline-offset-4"
                        >
                          Patient {row.label ?? ""}
                        </Link>
                        <Link
                          href={withPatient(row.subjectId)}
                          className="text-muted-foreground text-xs underline underline-offset-4"
                        >
                          only this patient
                        </Link>
                      </span>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
