"use client";

import { Ban, PhoneCall } from "lucide-react";
import { createContext, useContext } from "react";

import { useNow } from "@/hooks/use-now";

import { holdSecondsLeft, STATUS_LABEL, type DiaryEvent } from "./calendar-model";

/**
 * What an event shows inside its box, under react-big-calendar's time label: who and what, or
 * the hold's countdown, or the block and why.
 */
export function DiaryEventContent({ event }: { event: DiaryEvent }) {
  const entry = event.entry;
  if (entry.kind === "hold")
    return <HoldContent heldUntil={entry.heldUntil} callId={entry.callId} />;
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

/**
 * The server's clock (Date.now() corrected for skew), ticking every second, for hold countdowns.
 * A context, so that only the countdowns re-render each second, not the calendar.
 */
export const DiaryClock = createContext(0);

export function DiaryClockProvider({
  offsetMs,
  children,
}: {
  offsetMs: number;
  children: React.ReactNode;
}) {
  const now = useNow(1000, offsetMs);
  return <DiaryClock.Provider value={now}>{children}</DiaryClock.Provider>;
}

function HoldContent({ heldUntil, callId }: { heldUntil: string; callId: string }) {
  const now = useContext(DiaryClock);
  return (
    <div className="grid gap-0.5" data-testid="diary-hold" data-call-id={callId}>
      <span className="flex items-center gap-1 font-medium">
        <PhoneCall className="size-3 shrink-0" aria-hidden />
        Held on a call ·{" "}
        <span className="tabular-nums" data-testid="hold-seconds">
          {holdSecondsLeft(heldUntil, now)} s
        </span>
      </span>
    </div>
  );
}
