"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";

import type { InboxSnapshot, InboxThread } from "@/types/inbox";
import { useRealtimeTransport } from "@/lib/realtime/provider";
import { inboxTopic, type ConnectionStatus } from "@/lib/realtime/types";

const EVENTS = ["inbox_change"] as const;
// A reply, its "sent" and its "delivered" can land together: one reload for a burst.
const COALESCE_MS = 80;

/** Every inbox query of a clinic: the conversations, each thread and the unread count. */
export const inboxKey = (clinicId: string) => ["clinics", clinicId, "inbox"] as const;

async function getJson<T>(url: string, what: string): Promise<T> {
  const response = await fetch(url, { cache: "no-store" });
  if (response.ok) return (await response.json()) as T;
  if (response.status === 401) throw new Error("Your session has ended; sign in again.");
  const body = (await response.json().catch(() => null)) as { error?: string } | null;
  throw new Error(body?.error ?? `Could not load ${what}.`);
}

/**
 * Keeps the clinic's inbox live: every `inbox_change` broadcast (a text received, sent,
 * delivered, read or linked), every (re)connect and every return to the tab reloads the inbox
 * queries. The broadcast carries ids only; the reload, through RLS, brings the texts.
 */
export function useInboxLive(clinicId: string): ConnectionStatus {
  const transport = useRealtimeTransport();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<ConnectionStatus>("connecting");

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const reload = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        void queryClient.invalidateQueries({ queryKey: inboxKey(clinicId) });
      }, COALESCE_MS);
    };
    const unsubscribe = transport.subscribe(inboxTopic(clinicId), {
      events: EVENTS,
      onMessage(event) {
        if (event === "inbox_change") reload();
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
      clearTimeout(timer);
      unsubscribe();
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [clinicId, transport, queryClient]);

  return status;
}

/** The clinic's conversations and unread count. */
export function useConversations(clinicId: string, initial?: InboxSnapshot) {
  return useQuery({
    queryKey: [...inboxKey(clinicId), "conversations"],
    queryFn: () => getJson<InboxSnapshot>(`/api/clinics/${clinicId}/inbox`, "the inbox"),
    initialData: initial,
    refetchOnWindowFocus: false,
  });
}

/** One patient's texts. */
export function useThread(clinicId: string, patientId: string | null) {
  return useQuery({
    queryKey: [...inboxKey(clinicId), "thread", patientId],
    queryFn: () =>
      getJson<InboxThread>(`/api/clinics/${clinicId}/inbox/${patientId}`, "the conversation"),
    enabled: patientId !== null,
    refetchOnWindowFocus: false,
  });
}

/** The sidebar's unread count query (under inboxKey, so the inbox's own reloads include it). */
export const unreadKey = (clinicId: string) => [...inboxKey(clinicId), "unread"] as const;

/**
 * Inbound texts nobody has read, for the sidebar; live while the dashboard is open through the
 * sidebar's alerts stream (useAlertsLive reloads it on a text received or read), so the sidebar
 * holds one stream, not one per count.
 */
export function useUnreadTexts(clinicId: string): number | null {
  const query = useQuery({
    queryKey: unreadKey(clinicId),
    queryFn: async () =>
      (await getJson<{ unread: number }>(`/api/clinics/${clinicId}/inbox/unread`, "unread texts"))
        .unread,
    refetchOnWindowFocus: false,
  });
  return query.data ?? null;
}
