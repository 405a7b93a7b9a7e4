"use client";

import { useEffect, useState } from "react";

import { useRealtimeTransport } from "@/lib/realtime/provider";
import { addGap, addLine, asLine, type TranscriptItem } from "@/lib/realtime/transcript-lines";
import { callTopic, type ConnectionStatus } from "@/lib/realtime/types";

const EVENTS = ["transcript"] as const;

/**
 * A live call's final transcript lines, redacted by the server, from the moment this mounts.
 * Nothing is stored, so nothing earlier can be replayed: after a reconnect a gap mark says
 * lines may be missing there. `enabled: false` (the call ended) leaves the channel.
 */
export function useLiveTranscript(clinicId: string, callId: string, enabled = true) {
  const transport = useRealtimeTransport();
  const [items, setItems] = useState<TranscriptItem[]>([]);
  const [status, setStatus] = useState<ConnectionStatus>("connecting");

  useEffect(() => {
    if (!enabled) return;
    let wasLive = false;
    return transport.subscribe(callTopic(clinicId, callId), {
      events: EVENTS,
      onMessage(event, payload) {
        const line = event === "transcript" ? asLine(payload, callId) : null;
        if (line) setItems((current) => addLine(current, line));
      },
      onStatus(next) {
        setStatus(next);
        if (next !== "live") return;
        // Any "live" after the first follows a reconnect or a server resync: lines may be lost.
        if (wasLive) setItems(addGap);
        wasLive = true;
      },
    });
  }, [clinicId, callId, enabled, transport]);

  return { items, status };
}
