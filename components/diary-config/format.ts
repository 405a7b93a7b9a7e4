import type { AppointmentKind } from "@/lib/validations/diary-config";

/** "2026-12-24" as "Thu, Dec 24, 2026": a clinic-local calendar date, no time zone involved. */
export function formatDay(date: string) {
  return new Intl.DateTimeFormat("en-US", {
    weekday: "short",
    month: "short",
    day: "numeric",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${date}T00:00:00Z`));
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
