import { formatDay as formatCalendarDay, type ClinicFormat } from "@/lib/format";
import type { AppointmentKind } from "@/lib/validations/diary-config";

/**
 * "2026-12-24" as "Thu, 24 Dec 2026" (en-GB) or "Thu, Dec 24, 2026" (en-US): a clinic-local
 * calendar date in the clinic's words (lib/format), no time zone involved.
 */
export function formatDay(date: string, clinic: Pick<ClinicFormat, "locale">) {
  return formatCalendarDay(date, clinic, "weekday");
}

/** 90 -> "1 h 30 min", 45 -> "45 min", 2880 -> "2 days". */
export function formatMinutes(total: number) {
  if (total === 0) return "none";
  if (total % 1440 === 0) return `${total / 1440} day${total === 1440 ? "" : "s"}`;
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  if (!hours) return `${minutes} min`;
  return minutes ? `${hours} h ${minutes} min` : `${hours} h`;
}

export const KIND_LABELS: Record<AppointmentKind, string> = {
  consultation: "Consultation",
  treatment: "Treatment",
  surgery: "Surgery",
  review: "Review",
};
