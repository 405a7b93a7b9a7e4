import {
  ArrowLeft,
  CircleAlert,
  CircleCheck,
  FileText,
  Gauge,
  MessageSquareText,
} from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";

import { isTerminal } from "@/types/call-states";
import { getClinicContext } from "@/lib/auth/clinic";
import { describeEnding } from "@/lib/calls/plain-language";
import { getCallDetail } from "@/lib/calls/service";
import { summariseCall } from "@/lib/calls/summary";
import type { CallDetail } from "@/lib/db/call-detail";
import { formatDateTime, formatMaskedPhone, formatPrice, formatTime } from "@/lib/format";
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
import { CallActions } from "@/components/calls/call-actions";
import { describeEvent } from "@/components/calls/describe-event";
import { HandoffCard } from "@/components/calls/handoff-card";
import { LiveTranscript } from "@/components/calls/live-transcript";
import { formatDuration, OUTCOME_LABELS, STATE_LABELS } from "@/components/dashboard/call-labels";
import { PatientContact } from "@/components/dashboard/patient-contact";
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

// The 700 ms rule (docs/assistant.md): a reply slower than this is a slow one.
const SLOW_REPLY_MS = 700;

const TRANSFER_WORDS: Record<string, string> = {
  requested: "a transfer was asked for",
  refused: "nobody was free to take a transfer",
  transferred: "the transfer went through",
  unanswered: "nobody answered the transfer",
};

const BOOKING_WORDS: Record<string, string> = {
  pending: "Waiting for confirmation",
  confirmed: "Confirmed",
  arrived: "Arrived",
  completed: "Completed",
  cancelled: "Cancelled",
  no_show: "No-show",
};

function Empty({ children }: { children: React.ReactNode }) {
  return <p className="text-muted-foreground text-sm">{children}</p>;
}

export default async function CallDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const { claims, current, viewerZone } = await getClinicContext();
  const detail = await getCallDetail(claims, id);
  if (!detail || !current) notFound();
  const { call } = detail;
  // The call's own clinic (the page may be opened from another clinic's link).
  const time = (date: Date | null) =>
    date ? formatTime(date, call, { viewerZone, seconds: true }) : "—";
  const outcome = call.outcome ? OUTCOME_LABELS[call.outcome] : undefined;
  const caller =
    call.callerName ?? (call.callerLast4 ? formatMaskedPhone(call.callerLast4) : "Unknown caller");
  const isAdmin = current.role === "admin";
  const slowReplies = new Set(
    detail.latencies.filter((l) => l.latencyMs > SLOW_REPLY_MS).map((l) => l.turn),
  ).size;
  const summary = summariseCall(detail);
  const ending = describeEnding(call.endedReason);
  const when = (date: Date) => formatDateTime(date, call, { viewerZone });

  return (
    <div className="grid gap-6">
      <div className="grid gap-2">
        <Link
          href="/calls"
          className="text-muted-foreground inline-flex items-center gap-1 text-sm hover:underline"
        >
          <ArrowLeft className="size-4" aria-hidden /> Call history
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight">{caller}</h1>
          <Badge variant="outline" data-testid="detail-state">
            {STATE_LABELS[call.state] ?? call.state}
          </Badge>
          {outcome ? (
            <Badge variant={outcome.variant} data-testid="detail-outcome">
              {outcome.label}
            </Badge>
          ) : null}
        </div>
        {call.urgency ? <UrgentFlag urgency={call.urgency} signs={call.urgentSigns} /> : null}
        {call.callerLast4 ? (
          // The full number to ring or text the caller, when the data layer allows it for this
          // person's role (public.staff_phone); opening this page is recorded in the access log
          // (lib/calls/service.ts). Others see the last four digits.
          <p className="flex items-center gap-2 text-sm" data-testid="caller-number">
            <PatientContact
              phone={call.callerNumber}
              last4={call.callerLast4}
              patientId={call.patientId}
              name={call.callerName}
            />
          </p>
        ) : null}
        <p className="text-muted-foreground text-sm">
          {call.startedAt ? when(call.startedAt) : ""}
          {call.durationMs !== null
            ? ` · ${formatDuration(call.durationMs)}`
            : call.endedAt && call.answeredAt
              ? ` · ${formatDuration(call.endedAt.getTime() - call.answeredAt.getTime())}`
              : ""}
          {call.transferredTo ? ` · put through to ${call.transferredTo}` : ""}
          {call.transferOutcome ? ` · ${TRANSFER_WORDS[call.transferOutcome] ?? ""}` : ""}
          {call.procedures.length ? ` · asked about ${call.procedures.join(", ")}` : ""}
          {ending ? ` · ${ending.words}` : ""}
        </p>
      </div>

      <Card data-testid="call-summary" className="gap-3 border-sky-300 dark:border-sky-800">
        <CardContent className="grid gap-3">
          <p className="text-base" data-testid="summary-line">
            {summary.line}
          </p>
          <p
            className="flex items-center gap-2 font-medium"
            data-testid="next-action"
            data-kind={summary.next.kind}
          >
            {summary.next.kind === "none" ? (
              <CircleCheck className="size-4 text-emerald-600" aria-hidden />
            ) : (
              <CircleAlert className="size-4 text-amber-600" aria-hidden />
            )}
            {summary.next.words}
          </p>
          {detail.callback?.message ? (
            <q className="text-muted-foreground text-sm text-pretty italic">
              {detail.callback.message}
            </q>
          ) : null}
          <CallActions
            callbackId={detail.callback && !detail.callback.doneAt ? detail.callback.id : null}
            bookings={detail.bookings.map((booking) => ({
              id: booking.id,
              status: booking.status,
              label: `${booking.procedure ?? "appointment"} on ${when(booking.startsAt)}`,
            }))}
          />
        </CardContent>
      </Card>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card>
          <CardHeader>
            <CardTitle>Timeline</CardTitle>
          </CardHeader>
          <CardContent>
            <ol className="grid gap-3" aria-label="Call timeline">
              {detail.events.map((event) => {
                const { title, detail: extra, technical } = describeEvent(event);
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
                      {isAdmin ? (
                        <details className="text-muted-foreground text-xs">
                          <summary className="cursor-pointer select-none">Details</summary>
                          <code className="break-all">{technical}</code>
                        </details>
                      ) : null}
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
                      {when(booking.startsAt)} with {booking.practitioner}
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
                    {BOOKING_WORDS[booking.status] ?? "Booked"}
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
                        ? `${when(hold.startsAt)}${hold.practitioner ? ` with ${hold.practitioner}` : ""}`
                        : ""}
                    </span>
                  ))}
                </div>
              ) : null}
            </CardContent>
          </Card>

          <HandoffCard handoff={detail.handoff} followUps={detail.followUps} isAdmin={isAdmin} />

          <Card>
            <CardHeader>
              <CardTitle className="flex items-center gap-2">
                <Gauge className="size-4" aria-hidden /> How the conversation went
              </CardTitle>
            </CardHeader>
            <CardContent className="grid gap-3 text-sm">
              <p className="text-muted-foreground" data-testid="interruptions">
                {call.interruptions === 0
                  ? "The caller never talked over Voxanne."
                  : `The caller talked over Voxanne ${call.interruptions === 1 ? "once" : `${call.interruptions} times`}.`}
              </p>
              <p className="text-muted-foreground" data-testid="slow-replies">
                {detail.latencies.length === 0
                  ? "No reply times were reported for this call."
                  : slowReplies === 0
                    ? "Voxanne answered promptly throughout."
                    : `Voxanne was slow to answer ${slowReplies === 1 ? "once" : `${slowReplies} times`}.`}
              </p>
              {isAdmin ? (
                <details className="grid gap-2" data-testid="technical-details">
                  <summary className="cursor-pointer font-medium select-none">Details</summary>
                  <dl className="text-muted-foreground grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
                    <dt>Ended reason</dt>
                    <dd>
                      <code className="break-all">{call.endedReason ?? "—"}</code>
                    </dd>
                    <dt>Vapi cost</dt>
                    <dd>
                      {call.costUsd !== null
                        ? // Vapi bills in US dollars, whatever the clinic's currency.
                          formatPrice(call.costUsd, call, { currency: "USD" })
                        : "—"}
                    </dd>
                  </dl>
                  {detail.latencies.length ? (
                    <Table stack="md">
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
                            <TableCell label="Turn">{latency.turn}</TableCell>
                            <TableCell label="Source">{latency.source.replace("_", " ")}</TableCell>
                            <TableCell
                              label="Delay"
                              className={`text-right tabular-nums ${latency.latencyMs > SLOW_REPLY_MS ? "text-destructive" : ""}`}
                            >
                              {latency.latencyMs} ms
                            </TableCell>
                          </TableRow>
                        ))}
                      </TableBody>
                    </Table>
                  ) : null}
                </details>
              ) : null}
            </CardContent>
          </Card>
        </div>
      </div>

      {showsLiveTranscript(detail) ? (
        <LiveTranscript
          clinicId={call.clinicId}
          callId={call.id}
          state={call.state}
          clinic={{ locale: call.locale, currency: call.currency, timezone: call.timezone }}
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
