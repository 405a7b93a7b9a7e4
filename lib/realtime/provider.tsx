"use client";

import { createContext, useContext, useMemo } from "react";

import { createSseTransport } from "@/lib/realtime/sse-transport";
import { createSupabaseTransport, type SupabaseLike } from "@/lib/realtime/supabase-transport";
import { sseStreamPath, type RealtimeTransport } from "@/lib/realtime/types";
import { createClient } from "@/lib/supabase/client";

export type RealtimeConfig =
  { transport: "sse" } | { transport: "supabase"; url: string; publishableKey: string };

const RealtimeContext = createContext<RealtimeTransport | null>(null);

/** Chooses the live-update transport from server configuration; components only see the interface. */
export function RealtimeProvider({
  config,
  children,
}: {
  config: RealtimeConfig;
  children: React.ReactNode;
}) {
  // Keyed by value: a refreshed layout hands down an equal config, which must not reconnect.
  const url = config.transport === "supabase" ? config.url : "";
  const key = config.transport === "supabase" ? config.publishableKey : "";
  const transport = useMemo<RealtimeTransport>(() => {
    if (url) return createSupabaseTransport(createClient(url, key) as unknown as SupabaseLike);
    return createSseTransport({
      url: sseStreamPath,
      network: typeof window === "undefined" ? undefined : window,
    });
  }, [url, key]);
  return <RealtimeTransportProvider transport={transport}>{children}</RealtimeTransportProvider>;
}

/** Provides a ready-made transport (tests, storybooks). */
export function RealtimeTransportProvider({
  transport,
  children,
}: {
  transport: RealtimeTransport;
  children: React.ReactNode;
}) {
  return <RealtimeContext.Provider value={transport}>{children}</RealtimeContext.Provider>;
}

export function useRealtimeTransport(): RealtimeTransport {
  const transport = useContext(RealtimeContext);
  if (!transport) throw new Error("useRealtimeTransport must be used inside <RealtimeProvider>");
  return transport;
}
