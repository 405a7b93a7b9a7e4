"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";

import type { AvailableStart, DiaryView } from "@/types/diary";

import { diaryKey } from "./use-diary-live";

export interface DiarySnapshot extends DiaryView {
  /** Server clock when it was read, to correct hold countdowns for the browser's clock. */
  serverTime: string;
}

async function getJson<T>(url: string, what: string): Promise<T> {
  const response = await fetch(url, { cache: "no-store" });
  if (response.ok) return (await response.json()) as T;
  if (response.status === 401) throw new Error("Your session has ended; sign in again.");
  const body = (await response.json().catch(() => null)) as { error?: string } | null;
  throw new Error(body?.error ?? `Could not load ${what}.`);
}

/**
 * The diary for a range of instants (the visible day or week). Keeps showing the previous range
 * while the next loads, so paging through days does not flash empty; kept live by useDiaryLive.
 */
export function useDiary(clinicId: string, range: { from: string; to: string }) {
  const query = useQuery({
    queryKey: [...diaryKey(clinicId), "view", range.from, range.to],
    queryFn: async () => {
      const started = Date.now();
      const params = new URLSearchParams(range);
      const view = await getJson<DiarySnapshot>(
        `/api/clinics/${clinicId}/diary?${params}`,
        "the diary",
      );
      const clockOffsetMs = Date.parse(view.serverTime) - (started + Date.now()) / 2;
      return { view, clockOffsetMs };
    },
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: false,
  });
  return {
    view: query.data?.view ?? null,
    clockOffsetMs: query.data?.clockOffsetMs ?? 0,
    isLoading: query.isLoading,
    isFetching: query.isFetching,
    error: query.error,
  };
}

/** Times staff may book for a type on a range (one day in the booking dialog). */
export function useAvailability(
  clinicId: string,
  query: { typeId: string; practitionerId?: string; from: string; to: string } | null,
) {
  return useQuery({
    queryKey: [...diaryKey(clinicId), "availability", query],
    queryFn: async () => {
      const params = new URLSearchParams({
        typeId: query!.typeId,
        from: query!.from,
        to: query!.to,
        ...(query!.practitionerId ? { practitionerId: query!.practitionerId } : {}),
      });
      const { starts } = await getJson<{ starts: AvailableStart[] }>(
        `/api/clinics/${clinicId}/diary/availability?${params}`,
        "available times",
      );
      return starts;
    },
    enabled: query !== null,
    refetchOnWindowFocus: false,
  });
}
