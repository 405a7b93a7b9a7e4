import { ArrowLeft, FileText, Gauge, MessageSquareText } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";

import { isTerminal } from "@/types/call-states";
import { getClinicContext } from "@/lib/auth/clinic";
import { getCallDetail } from "@/lib/calls/service";
import type { CallDetail } from "@/lib/db/call-detail";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { describeEvent } from "@/components/calls/describe-event";
import { HandoffCard } from "@/components/calls/handoff-card";
import { LiveTranscript } from "@/components/calls/live-transcript";
import { formatDuration, OUTCOME_LABELS, STATE_LABELS } from "@/components/dashboard/call-labels";
import { formatInClinicZone } from "@/components/dashboard/format";
import { UrgentFlag } from "@/components/live/call-card";

export const metadata: Metadata = { title: "Call" };

// How long after a call ends the live transcript stays up waiting for the stored one.
const AWAIT_REPORT_MS = 5 * 60_000;

/** Live lines while the call is on, and until its stored transcript has arrived. */
function showsLiveTranscript({ call, transcript }: CallDetail): boolean {
  if (!isTerminal(call.state)) return true;
  return (
    transcript.length === 0 &&
    call.endedAt !== null &&
    Date.now() - call.endedAt.getTime() < AWAIT_REPORT_MS
  );
}

function Empty({ children }: { children: React.ReactNode }) {
  return <p className="text-muted-foreground text-sm">{children}</p>;
}

export default async function CallDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const { claims, current } = await getClinicContext();
  const detail = await getCallDetail(claims, id);
  if (!detail || !current) notFound();
  const { call } = detail;
  const tz = call.timezone;
  const time = (date: Date | null) =>
    date ? formatInClinicZone(date, tz, { dateStyle: undefined, timeStyle: "medium" }) : "—";
  const outcome = call.outcome ? OUTCOME_LABELS[call.outcome] : undefined;
  const caller =
    call.callerName ??
    (call.callerNumber ? `•••• ${call.callerNumber.slice(-4)}` : "Unknown caller");

  return (
    <div className="grid gap-6">
      <div className="grid gap-2">
        <Link
          href="/"
          className="text-muted-foreground inline-flex items-center gap-1 text-sm hover:underline"
        >
          <ArrowLeft className="size-4" aria-hidden /> Live calls
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight">{caller}</h1>
          <Badge variant="outline" data-testid="detail-state">
            {STATE_LABELS[call.state] ?? call.state}
          </Badge>
          {outcome ? <Badge variant={outcome.variant}>{outcome.label}</Badge> : null}
        </div>
        {call.urgency ? <UrgentFlag urgency={call.urgency} signs={call.urgentSigns} /> : null}
        <p className="text-muted-foreground text-sm">
          {call.startedAt ? formatInClinicZone(call.startedAt, tz) : ""}
          {call.durationMs !== null
            ? ` · ${formatDuration(call.durationMs)}`
            : call.endedAt && call.answeredAt
              ? ` · ${formatDuration(call.endedAt.getTime() - call.answeredAt.getTime())}`
              : ""}
          {call.transferredTo ? ` · transferred to ${call.transferredTo}` : ""}
          {call.transferOutcome ? ` · transfer: ${call.transferOutcome}` : ""}
          {call.procedures.length ? ` · asked about ${call.procedures.join(", ")}` : ""}
          {call.endedReason ? ` · ended: ${call.endedReason}` : ""}
          {call.costUsd !== null ? ` · Vapi cost $${Number(call.costUsd).toFixed(2)}` : ""}
        </p>
      </div>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card>
          <CardHeader>
            <CardTitle>Timeline</CardTitle>
          </CardHeader>
          <CardContent>
            <ol className="grid gap-3" aria-label="Call timeline">
              {detail.events.map((event) => {
                const { title, detail: extra } = describeEvent(event);
                return (
                  <li
                    key={event.id}
                    className="grid grid-cols-[5.5rem_1fr] gap-3 text-sm"
                    data-kind={event.kind}
                  >
                    <time className="text-muted-foreground font-mono tabular-nums">
                      {time(event.occurredAt)}
                    </time>
                    <div>
                      <span
                        className={
                          event.kind === "ignored" ? "text-muted-foreground" : "font-medium"
                        }
                      >
                        {title}
                      </span>
                      {extra ? <span className="text-muted-foreground"> · {extra}</span> : null}
                    </div>
                  </li>
                );
              })}
            </ol>
          </CardContent>
        </Card>

        <div className="grid content-start gap-6">
          <Card>
            <CardHeader>
              <CardTitle>Booking</CardTitle>
            </CardHeader>
            <CardContent className="grid gap-3 text-sm">
              {detail.bookings.length === 0 ? (
                <Empty>No booking was made on this call.</Empty>
              ) : null}
              {detail.bookings.map((booking) => (
                <div key={booking.id} className="flex items-center justify-between gap-3">
                  <div>
                    <div className="font-medium">{booking.patientName}</div>
                    <div className="text-muted-foreground">
                      {formatInClinicZone(booking.startsAt, tz)} with {booking.practitioner}
                      {booking.procedure ? ` · ${booking.procedure}` : ""}
                    </div>
                  </div>
                  <Badge
                    variant={
                      booking.status === "confirmed"
                        ? "success"
                        : booking.status === "pending"
                          ? "warning"
                          : "outline"
                    }
                  >
                    {booking.status}
                  </Badge>
                </div>
              ))}
              {detail.holds.length > 0 ? (
                <div className="grid gap-1 border-t pt-3">
                  <span className="font-medium">Holds</span>
                  {detail.holds.map((hold, index) => (
                    <span key={index} className="text-muted-foreground">
                      {time(hold.at)} ·{" "}
                      {hold.event === "slot.held"
                        ? "held"
                        : `released (${hold.by === "call_ended" ? "call ended" : "caller"})`}{" "}
                      {hold.startsAt
                        ? `${formatInClinicZone(hold.startsAt, tz)}${hold.practitioner ? ` with ${hold.practitioner}` : ""}`
                        : ""}
                    </span>
                  ))}
                </div>
              ) : null}
            </CardContent>
          </Card>

          <HandoffCard handoff={detail.handoff} followUps={detail.followUps} />

          <Card>
            <CardHeader>
              <CardTitle className="flex items-center gap-2">
                <Gauge className="size-4" aria-hidden /> Turn latency
              </CardTitle>
            </CardHeader>
            <CardContent className="grid gap-3">
              <p className="text-muted-foreground text-sm" data-testid="interruptions">
                {call.interruptions === 0
                  ? "The caller never talked over Voxanne."
                  : `The caller talked over Voxanne ${call.interruptions === 1 ? "once" : `${call.interruptions} times`}.`}
              </p>
              {detail.latencies.length === 0 ? (
                <Empty>No turn timings were reported for this call.</Empty>
              ) : (
                <Table>
                  <TableHeader>
                    <TableRow>
                      <TableHead>Turn</TableHead>
                      <TableHead>Source</TableHead>
                      <TableHead className="text-right">Delay</TableHead>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {detail.latencies.map((latency) => (
                      <TableRow key={`${latency.turn}-${latency.source}`}>
                        <TableCell>{latency.turn}</TableCell>
                        <TableCell>{latency.source.replace("_", " ")}</TableCell>
                        <TableCell
                          className={`text-right tabular-nums ${latency.latencyMs > 700 ? "text-destructive" : ""}`}
                        >
                          {latency.latencyMs} ms
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              )}
            </CardContent>
          </Card>
        </div>
      </div>

      {showsLiveTranscript(detail) ? (
        <LiveTranscript
          clinicId={call.clinicId}
          callId={call.id}
          state={call.state}
          timezone={tz}
        />
      ) : (
        <Card>
          <CardHeader>
            <CardTitle className="flex items-center gap-2">
              <MessageSquareText className="size-4" aria-hidden /> Transcript (redacted)
            </CardTitle>
          </CardHeader>
          <CardContent className="grid gap-2 text-sm">
            {detail.transcript.length === 0 ? (
              <Empty>
                <FileText className="mr-1 inline size-4" aria-hidden />
                No transcript is stored for this call. Lines are stored only after passing the
                redaction layer, never raw.
              </Empty>
            ) : (
              detail.transcript.map((line) => (
                <p key={line.seq}>
                  <span className="text-muted-foreground mr-2 font-mono text-xs">
                    {time(line.spokenAt)}
                  </span>
                  <span className="font-medium">
                    {line.speaker === "user"
                      ? "Caller"
                      : line.speaker === "assistant"
                        ? "Voxanne"
                        : line.speaker}
                    :
                  </span>{" "}
                  {line.text}
                </p>
              ))
            )}
          </CardContent>
        </Card>
      )}
    </div>
  );
}
