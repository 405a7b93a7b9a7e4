import { CalendarClock, Gauge, PhoneForwarded, Siren, Stethoscope } from "lucide-react";
import Link from "next/link";

import type { LiveCall } from "@/types/live-call";
import { formatDateTime, formatMaskedPhone, type ClinicFormat } from "@/lib/format";
import { SIGN_LABELS, URGENT_SIGNS, type UrgentSign } from "@/lib/hours/urgent";
import { cn } from "@/lib/utils";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { formatDuration, STATE_LABELS, STATE_TONE } from "@/components/dashboard/call-labels";

const HOLD_MS = 90_000;

export function CallCard({
  call,
  now,
  clinic,
  viewerZone,
}: {
  call: LiveCall;
  now: number;
  clinic: ClinicFormat;
  viewerZone: string | null;
}) {
  const since = Date.parse(call.answeredAt ?? call.startedAt);
  const hold = call.heldSlot;
  const holdLeft = hold ? Date.parse(hold.heldUntil) - now : 0;
  const slow = call.lastTurnLatencyMs !== null && call.lastTurnLatencyMs > 700;

  return (
    <Card
      className={cn("gap-4 py-5", call.urgency && "border-red-400 dark:border-red-700")}
      data-testid="live-call"
      data-state={call.state}
      data-urgency={call.urgency ?? undefined}
    >
      <CardHeader className="px-5">
        <CardTitle className="flex items-center justify-between gap-3 text-base">
          <Link href={`/calls/${call.callId}`} className="truncate hover:underline">
            {call.callerName ??
              (call.callerLast4 ? formatMaskedPhone(call.callerLast4) : "Unknown caller")}
          </Link>
          <span
            className="text-muted-foreground font-mono text-sm tabular-nums"
            aria-label="Call duration"
          >
            {formatDuration(now - since)}
          </span>
        </CardTitle>
        <div className="flex items-center gap-2 text-sm">
          <span
            className={cn("size-2 rounded-full", STATE_TONE[call.state] ?? "bg-muted-foreground")}
            aria-hidden
          />
          <span data-testid="call-state">{STATE_LABELS[call.state] ?? call.state}</span>
        </div>
      </CardHeader>
      <CardContent className="grid gap-2 px-5 text-sm">
        {call.urgency ? <UrgentFlag urgency={call.urgency} signs={call.urgentSigns ?? []} /> : null}
        <p className="text-muted-foreground flex items-center gap-2">
          <Stethoscope className="size-4" aria-hidden />
          {call.procedures.length ? call.procedures.join(", ") : "No procedure mentioned yet"}
        </p>
        {hold && holdLeft > 0 ? (
          <div className="grid gap-1.5" data-testid="hold">
            <div className="flex items-start gap-2">
              <CalendarClock className="mt-0.5 size-4 shrink-0 text-amber-600" aria-hidden />
              <div className="min-w-0 flex-1">
                <div>
                  Holding {formatDateTime(hold.startsAt, clinic, { viewerZone, short: true })}
                </div>
                <div className="text-muted-foreground truncate text-xs">
                  with {hold.practitioner}
                </div>
              </div>
              <span
                className="font-mono tabular-nums"
                data-testid="hold-countdown"
                aria-label="Hold time left"
              >
                {formatDuration(holdLeft)}
              </span>
            </div>
            <div className="bg-muted h-1.5 overflow-hidden rounded-full" aria-hidden>
              <div
                className="h-full rounded-full bg-amber-500 transition-[width] duration-1000 ease-linear"
                style={{ width: `${Math.min(100, (holdLeft / HOLD_MS) * 100)}%` }}
              />
            </div>
          </div>
        ) : null}
        {call.transferredTo ? (
          <p className="text-muted-foreground flex items-center gap-2" data-testid="transferred-to">
            <PhoneForwarded className="size-4" aria-hidden />
            Transferred to {call.transferredTo}
          </p>
        ) : null}
        {slow ? (
          <p className="text-destructive flex items-center gap-2" data-testid="slow-reply">
            <Gauge className="size-4" aria-hidden />
            Voxanne is replying slowly
          </p>
        ) : null}
      </CardContent>
    </Card>
  );
}

/** Why a call is urgent, in staff's words: "Urgent: bleeding, fever". */
export function UrgentFlag({
  urgency,
  signs,
}: {
  urgency: "urgent" | "emergency";
  signs: string[];
}) {
  const words = signs
    .filter((sign): sign is UrgentSign => (URGENT_SIGNS as readonly string[]).includes(sign))
    .map((sign) => SIGN_LABELS[sign]);
  return (
    <p
      data-testid="urgent-flag"
      className="flex items-center gap-2 rounded-md bg-red-50 px-2 py-1 font-medium text-red-900 dark:bg-red-950 dark:text-red-100"
    >
      <Siren className="size-4 shrink-0" aria-hidden />
      {urgency === "emergency" ? "Emergency" : "Urgent"}
      {words.length ? `: ${words.join(", ")}` : ""}
    </p>
  );
}
