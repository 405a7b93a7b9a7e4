"use client";

import { useQueryClient } from "@tanstack/react-query";

import type { DiaryEntry } from "@/types/diary";
import { formatDate, type ClinicFormat } from "@/lib/format";
import { diaryKey } from "@/hooks/use-diary-live";

import { localTime } from "./calendar-model";

// What the diary entry panels share: the time in words, a labelled line, a refresh of the diary.

/**
 * "Tuesday 1 December 2026, 14:30–15:00": the day in the clinic's words (lib/format), the times
 * on the diary grid's 24-hour clock, in the clinic's zone.
 */
export function when(entry: DiaryEntry, clinic: ClinicFormat) {
  const tz = clinic.timezone;
  return `${formatDate(entry.start, clinic, "long")}, ${localTime(entry.start, tz)}–${localTime(entry.end, tz)}`;
}

export function Detail({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[7rem_1fr] gap-2 text-sm">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

export function useRefresh(clinicId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: diaryKey(clinicId) });
}
