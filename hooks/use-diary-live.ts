"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";

import { useRealtimeTransport } from "@/lib/realtime/provider";
import { diaryTopic, type ConnectionStatus } from "@/lib/realtime/types";

const EVENTS = ["diary_change"] as const;
// A call's hold, a move and a cancellation can land together: one reload for a burst.
const COALESCE_MS = 60;

/** Every diary query of a clinic (each visible range, and the availability lists). */
export const diaryKey = (clinicId: string) => ["clinics", clinicId, "diary"] as const;

/**
 * Keeps the clinic's diary live: on every `diary_change` broadcast (a hold taken or released on
 * a call, an appointment booked, moved or cancelled, a block), and on every (re)connect and
 * return to the tab, the diary queries reload. The broadcast says only what changed, never
 * whom: the reload, checked by RLS, brings the rest. Returns the connection status.
 */
export function useDiaryLive(clinicId: string): ConnectionStatus {
  const transport = useRealtimeTransport();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<ConnectionStatus>("connecting");

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const reload = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        void queryClient.invalidateQueries({ queryKey: diaryKey(clinicId) });
      }, COALESCE_MS);
    };
    const unsubscribe = transport.subscribe(diaryTopic(clinicId), {
      events: EVENTS,
      onMessage(event) {
        if (event === "diary_change") reload();
      },
      onStatus(next) {
        setStatus(next);
        // Anything broadcast while we were away is healed by reloading what is shown.
        if (next === "live") reload();
      },
    });
    const onVisibility = () => {
      if (document.visibilityState === "visible") reload();
    };
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      clearTimeout(timer);
      unsubscribe();
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [clinicId, transport, queryClient]);

  return status;
}
