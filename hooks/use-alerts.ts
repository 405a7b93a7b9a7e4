"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";

import type { AlertCounts } from "@/types/alerts";
import { reloadDelayMs } from "@/lib/alerts/counts";
import { useRealtimeTransport } from "@/lib/realtime/provider";
import { alertsTopic, type ConnectionStatus } from "@/lib/realtime/types";
import { unreadKey } from "@/hooks/use-inbox";

const EVENTS = ["alerts_change"] as const;
// A booking, its hold's release and the call's end land together: one reload for a burst.
const COALESCE_MS = 80;
// setTimeout's ceiling; a hold's countdown is never near it, but a bad clock could be.
const MAX_DELAY_MS = 2_147_483_647;

/** The clinic's alert counts query. */
export const alertsKey = (clinicId: string) => ["clinics", clinicId, "alerts"] as const;

async function fetchAlerts(clinicId: string): Promise<AlertCounts> {
  const response = await fetch(`/api/clinics/${clinicId}/alerts`, { cache: "no-store" });
  if (response.ok) return (await response.json()) as AlertCounts;
  if (response.status === 401) throw new Error("Your session has ended; sign in again.");
  const body = (await response.json().catch(() => null)) as { error?: string } | null;
  throw new Error(body?.error ?? "Could not load what needs the front desk.");
}

/** What needs the front desk (counts, transfers ringing); shared by every badge and the title. */
export function useAlertCounts(clinicId: string): AlertCounts | null {
  const query = useQuery({
    queryKey: alertsKey(clinicId),
    queryFn: () => fetchAlerts(clinicId),
    refetchOnWindowFocus: false,
    staleTime: 5_000,
  });
  return query.data ?? null;
}

/**
 * Keeps the counts live (mount it once per page): every `alerts_change` broadcast (a booking
 * made, confirmed or cancelled, a call-back opened or done, a transfer starting or ending, a hold
 * taken or released), every (re)connect and every return to the tab reloads them, and the
 * sidebar's unread-texts count with them (kind `text`: a text received or read), so the sidebar
 * holds one stream; and when a
 * hold's countdown will move a count (it enters the last 30 s, or lapses) without any write, a
 * timer reloads them at that moment, measured on the server's clock.
 */
export function useAlertsLive(clinicId: string): ConnectionStatus {
  const transport = useRealtimeTransport();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<ConnectionStatus>("connecting");
  const counts = useAlertCounts(clinicId);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let counts = false;
    let unread = false;
    const reload = (what: { counts?: boolean; unread?: boolean }) => {
      counts ||= Boolean(what.counts);
      unread ||= Boolean(what.unread);
      if (timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        if (counts) void queryClient.invalidateQueries({ queryKey: alertsKey(clinicId) });
        if (unread) void queryClient.invalidateQueries({ queryKey: unreadKey(clinicId) });
        counts = unread = false;
      }, COALESCE_MS);
    };
    const everything = { counts: true, unread: true };
    const unsubscribe = transport.subscribe(alertsTopic(clinicId), {
      events: EVENTS,
      onMessage(event, payload) {
        if (event !== "alerts_change") return;
        const kind = (payload as { kind?: unknown } | null)?.kind;
        reload(kind === "text" ? { unread: true } : { counts: true });
      },
      onStatus(next) {
        setStatus(next);
        if (next === "live") reload(everything);
      },
    });
    const onVisibility = () => {
      if (document.visibilityState === "visible") reload(everything);
    };
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      clearTimeout(timer);
      unsubscribe();
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [clinicId, transport, queryClient]);

  const delay = counts ? reloadDelayMs(counts) : null;
  useEffect(() => {
    if (delay === null) return;
    const timer = setTimeout(
      () => void queryClient.invalidateQueries({ queryKey: alertsKey(clinicId) }),
      Math.min(delay, MAX_DELAY_MS),
    );
    return () => clearTimeout(timer);
    // counts (not only delay): two loads with the same delay each need their own timer.
  }, [clinicId, counts, delay, queryClient]);

  return status;
}
