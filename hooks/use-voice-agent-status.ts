"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";

import { parseLiveCallsSnapshot, type LiveCall, type LiveCallsSnapshot } from "@/types/live-call";
import { applyCallDelta, mergeSnapshot } from "@/lib/realtime/apply-delta";
import { useRealtimeTransport } from "@/lib/realtime/provider";
import { callsTopic, type ConnectionStatus } from "@/lib/realtime/types";

export const liveCallsKey = (clinicId: string) => ["clinics", clinicId, "calls", "live"] as const;

async function fetchSnapshot(clinicId: string): Promise<LiveCallsSnapshot> {
  const response = await fetch(`/api/clinics/${clinicId}/calls/live`, { cache: "no-store" });
  if (!response.ok)
    throw new Error(
      response.status === 401 ? "Your session has ended; sign in again." : "Could not load calls.",
    );
  const snapshot = parseLiveCallsSnapshot(await response.json());
  if (!snapshot) throw new Error("Could not load calls.");
  return snapshot;
}

export interface VoiceAgentStatus {
  calls: LiveCall[];
  status: ConnectionStatus;
  isLoading: boolean;
  error: Error | null;
  /** Whether a snapshot ever arrived: without one, an empty list means "unknown", not "none". */
  hasData: boolean;
  /** Load the snapshot again (the board's "Try again"). */
  retry: () => void;
  /** Milliseconds to add to Date.now() to get the server's clock (for countdowns). */
  clockOffsetMs: number;
}

/**
 * The clinic's calls, live. Loads a snapshot, applies broadcast deltas by revision (stale and
 * duplicate ones are ignored), and reloads the snapshot on every (re)connect and whenever the
 * tab becomes visible, so anything missed while disconnected or asleep heals itself.
 */
export function useVoiceAgentStatus(clinicId: string): VoiceAgentStatus {
  const transport = useRealtimeTransport();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<ConnectionStatus>("connecting");
  const [clockOffsetMs, setClockOffsetMs] = useState(0);
  // Deltas that arrive before the first snapshot: that snapshot may have been read before they
  // happened, so they are kept and applied to it (by revision) rather than dropped.
  const early = useRef<unknown[]>([]);

  const query = useQuery({
    queryKey: liveCallsKey(clinicId),
    queryFn: async () => {
      const started = Date.now();
      const fresh = await fetchSnapshot(clinicId);
      setClockOffsetMs(Date.parse(fresh.serverTime) - (started + Date.now()) / 2);
      const merged = mergeSnapshot(queryClient.getQueryData(liveCallsKey(clinicId)), fresh);
      const pending = early.current;
      early.current = [];
      return pending.reduce<LiveCallsSnapshot>(
        (snapshot, payload) => applyCallDelta(snapshot, payload) ?? snapshot,
        merged,
      );
    },
    refetchOnWindowFocus: false,
  });

  useEffect(() => {
    const key = liveCallsKey(clinicId);
    const reload = () => void queryClient.invalidateQueries({ queryKey: key });
    const unsubscribe = transport.subscribe(callsTopic(clinicId), {
      onMessage(event, payload) {
        if (event !== "call_status") return;
        if (queryClient.getQueryData(key) === undefined) {
          early.current.push(payload);
          return;
        }
        queryClient.setQueryData<LiveCallsSnapshot>(key, (current) =>
          applyCallDelta(current, payload),
        );
      },
      onStatus(next) {
        setStatus(next);
        if (next === "live") reload();
      },
    });
    const onVisibility = () => {
      if (document.visibilityState === "visible") reload();
    };
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      unsubscribe();
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [clinicId, transport, queryClient]);

  return {
    calls: query.data?.calls ?? [],
    status,
    isLoading: query.isLoading,
    error: query.error,
    hasData: query.data !== undefined,
    retry: () => void query.refetch(),
    clockOffsetMs,
  };
}
