"use client";

import { Ban, PhoneCall } from "lucide-react";

import { holdSecondsLeft, STATUS_LABEL, type DiaryEvent } from "./calendar-model";

/**
 * What an event shows inside its box, under react-big-calendar's time label: who and what, or
 * the hold's countdown, or the block and why.
 */
export function DiaryEventContent({ event, now }: { event: DiaryEvent; now: number }) {
  const entry = event.entry;
  if (entry.kind === "hold") {
    return (
      <div className="grid gap-0.5" data-testid="diary-hold" data-call-id={entry.callId}>
        <span className="flex items-center gap-1 font-medium">
          <PhoneCall className="size-3 shrink-0" aria-hidden />
          Held on a call ·{" "}
          <span className="tabular-nums" data-testid="hold-seconds">
            {holdSecondsLeft(entry.heldUntil, now)} s
          </span>
        </span>
      </div>
    );
  }
  if (entry.kind === "block") {
    return (
      <div className="grid gap-0.5" data-testid="diary-block">
        <span className="flex items-center gap-1 font-medium">
          <Ban className="size-3 shrink-0" aria-hidden />
          Blocked
        </span>
        {entry.reason ? <span className="line-clamp-2">{entry.reason}</span> : null}
      </div>
    );
  }
  return (
    <div
      className="grid gap-0.5"
      data-testid="diary-appointment"
      data-status={entry.status}
      data-booking-id={entry.bookingId}
    >
      <span className="truncate font-medium">{entry.patientName}</span>
      <span className="truncate opacity-90">
        {entry.typeName ?? entry.procedureName ?? "Appointment"}
      </span>
      <span className="truncate text-[0.7rem] tracking-wide uppercase opacity-80">
        {STATUS_LABEL[entry.status]}
      </span>
    </div>
  );
}
