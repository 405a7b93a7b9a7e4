import type { Metadata } from "next";
import { PhoneIncoming } from "lucide-react";

import { getEnv } from "@/lib/env";
import { getClinicContext } from "@/lib/auth/clinic";
import { listRecentCalls } from "@/lib/db/clinics";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { OUTCOME_LABELS, STATE_LABELS } from "@/components/dashboard/call-labels";
import { EmptyState } from "@/components/dashboard/empty-state";
import { formatInClinicZone, formatPhone, maskPhone } from "@/components/dashboard/format";
import { PageHeader } from "@/components/dashboard/page-header";
import { SimulateCall } from "@/components/dashboard/simulate-call";

export const metadata: Metadata = { title: "Live calls" };

export default async function LiveCallsPage() {
  const { claims, current } = await getClinicContext();
  if (!current) return null;
  const calls = await listRecentCalls(claims, current.id);

  return (
    <>
      <PageHeader title="Live calls" description={`Calls Voxanne is answering for ${current.name}.`}>
        {getEnv().ENABLE_CALL_SIMULATOR ? <SimulateCall /> : null}
      </PageHeader>
      {calls.length === 0 ? (
        <EmptyState icon={PhoneIncoming} title="No calls right now">
          When someone calls {formatPhone(current.phoneNumber)}, their call appears here as a card that updates live: where
          the conversation is, the procedure they asked about, and any slot being held for them. Finished calls move to
          today&apos;s recent calls with their outcome.
        </EmptyState>
      ) : (
        <div className="rounded-lg border">
          <Table aria-label="Calls in the last 24 hours">
            <TableHeader>
              <TableRow>
                <TableHead>Caller</TableHead>
                <TableHead>State</TableHead>
                <TableHead className="hidden sm:table-cell">Asked about</TableHead>
                <TableHead className="hidden md:table-cell">Started</TableHead>
                <TableHead>Outcome</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {calls.map((call) => {
                const outcome = call.outcome ? OUTCOME_LABELS[call.outcome] : undefined;
                return (
                  <TableRow key={call.id} data-testid="call-row">
                    <TableCell>
                      <div className="font-medium">{call.callerName ?? maskPhone(call.callerNumber)}</div>
                      {call.callerName ? <div className="text-muted-foreground text-xs">{maskPhone(call.callerNumber)}</div> : null}
                    </TableCell>
                    <TableCell>{STATE_LABELS[call.state] ?? call.state}</TableCell>
                    <TableCell className="hidden sm:table-cell">{call.procedures.join(", ") || "—"}</TableCell>
                    <TableCell className="hidden md:table-cell">
                      {call.startedAt ? formatInClinicZone(call.startedAt, current.timezone, { dateStyle: undefined }) : "—"}
                    </TableCell>
                    <TableCell>{outcome ? <Badge variant={outcome.variant}>{outcome.label}</Badge> : <Badge variant="outline">Live</Badge>}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  );
}
