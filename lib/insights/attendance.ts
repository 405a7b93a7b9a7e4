import "server-only";

import type { Claims } from "@/lib/auth/claims";
import { attendanceByWeek, type AttendanceWeek } from "@/lib/db/insights-attendance";
import { withClaims } from "@/lib/db/transaction";
import type { DateRange } from "@/lib/validations/date-range";

export interface AttendanceRates extends AttendanceWeek {
  /** no-shows / (attended + no-shows): of the appointments whose outcome was marked. Null for none. */
  noShowRate: number | null;
  /** confirmed / appointments (not cancelled). Null for none. */
  confirmationRate: number | null;
}

const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/** No-show and confirmation rates per week, and for the whole range (pure, for the card). */
export function withRates(weeks: AttendanceWeek[]): {
  weeks: AttendanceRates[];
  total: AttendanceRates;
} {
  const add = (a: AttendanceWeek, b: AttendanceWeek): AttendanceWeek => ({
    week: "total",
    appointments: a.appointments + b.appointments,
    confirmed: a.confirmed + b.confirmed,
    attended: a.attended + b.attended,
    noShows: a.noShows + b.noShows,
    cancelled: a.cancelled + b.cancelled,
  });
  const rated = (w: AttendanceWeek): AttendanceRates => ({
    ...w,
    noShowRate: rate(w.noShows, w.attended + w.noShows),
    confirmationRate: rate(w.confirmed, w.appointments),
  });
  const zero = {
    week: "total",
    appointments: 0,
    confirmed: 0,
    attended: 0,
    noShows: 0,
    cancelled: 0,
  };
  return { weeks: weeks.map(rated), total: rated(weeks.reduce(add, zero)) };
}

/** The Insights attendance card: appointments per week over `range`, as the signed-in person. */
export async function loadAttendance(claims: Claims, clinicId: string, range: DateRange) {
  return withRates(
    await withClaims(claims, (tx) => attendanceByWeek(tx, clinicId, range.from, range.to)),
  );
}
