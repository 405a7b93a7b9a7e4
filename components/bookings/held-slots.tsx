"use client";

import { CalendarClock } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

import { formatDateTime, formatMaskedPhone } from "@/lib/format";
import { isLive } from "@/lib/realtime/apply-delta";
import { useNow } from "@/hooks/use-now";
import { useVoiceAgentStatus } from "@/hooks/use-voice-agent-status";
import { formatDuration } from "@/components/dashboard/call-labels";
import { useClinicFormat } from "@/components/dashboard/clinic-format";

/**
 * Slots live calls are holding right now, with their countdown. Also refreshes the bookings
 * list when a call moves on, so a new booking appears without a reload.
 */
export function HeldSlots({ clinicId }: { clinicId: string }) {
  const { calls, clockOffsetMs, hasData } = useVoiceAgentStatus(clinicId);
  const { clinic, viewerZone } = useClinicFormat();
  const now = useNow(1000, clockOffsetMs);
  const router = useRouter();
  // Any call changing state may have booked or freed a slot: refresh the server-rendered list.
  // The first snapshot is the baseline, never a change: the page was rendered with it, and a
  // refresh then would race (and abort) the receptionist's first action on the page.
  const digest = hasData ? calls.map((call) => `${call.callId}:${call.state}`).join(",") : null;
  const seen = useRef<string | null>(null);
  useEffect(() => {
    if (digest === null) return;
    const previous = seen.current;
    seen.current = digest;
    if (previous === null || previous === digest) return;
    const timer = setTimeout(() => router.refresh(), 300);
    return () => clearTimeout(timer);
  }, [digest, router]);

  const held = calls.filter(
    (call) => isLive(call) && call.heldSlot && Date.parse(call.heldSlot.heldUntil) > now,
  );
  if (held.length === 0) return null;

  return (
    <section
      className="grid gap-2 rounded-lg border border-amber-300 bg-amber-50 p-4 dark:bg-amber-950/30"
      aria-label="Slots being held by callers"
    >
      <h2 className="flex items-center gap-2 text-sm font-medium">
        <CalendarClock className="size-4 text-amber-600" aria-hidden /> Being held by callers right
        now
      </h2>
      {held.map((call) => (
        <p key={call.callId} className="flex items-center gap-3 text-sm" data-testid="held-slot">
          <span>
            {formatDateTime(call.heldSlot!.startsAt, clinic, { viewerZone, short: true })} with{" "}
            {call.heldSlot!.practitioner}
          </span>
          <span className="text-muted-foreground">
            {call.callerName ?? formatMaskedPhone(call.callerLast4)}
          </span>
          <span className="ml-auto font-mono tabular-nums">
            {formatDuration(Date.parse(call.heldSlot!.heldUntil) - now)}
          </span>
        </p>
      ))}
    </section>
  );
}
