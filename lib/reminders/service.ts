import "server-only";

import { AppError } from "@/lib/api/errors";
import type { Claims } from "@/lib/auth/claims";
import { openManageLink } from "@/lib/db/manage-links";
import {
  clinicTimezone,
  getReminderSettings,
  reminderActivity,
  saveReminderSettings,
  type ReminderSettings,
} from "@/lib/db/reminder-settings";
import { getCalendarAppointment, reminderEffect } from "@/lib/db/reminders";
import { withClaims, withService } from "@/lib/db/transaction";
import { formatPhone } from "@/lib/format";

import { appointmentCalendar } from "./calendar";

export type CalendarFile =
  { status: "ok"; ics: string } | { status: "unknown" | "expired" | "revoked" | "cancelled" };

/**
 * The .ics file behind /m/<token>/calendar.ics (the link in a confirmation text): the token is
 * checked like a manage link's (hashed, expiring, revocable; either purpose opens it) and the
 * open recorded. A cancelled or no-show appointment has no file.
 */
export async function calendarFileForToken(token: string): Promise<CalendarFile> {
  return withService(async (tx) => {
    const link = await openManageLink(tx, token);
    if (link.status !== "ok") return { status: link.status };
    const appointment = await getCalendarAppointment(tx, link.clinicId, link.bookingId);
    if (!appointment || appointment.status === "cancelled" || appointment.status === "no_show")
      return { status: "cancelled" };
    return {
      status: "ok",
      ics: appointmentCalendar({
        bookingId: appointment.id,
        startsAt: appointment.startsAt,
        endsAt: appointment.endsAt,
        updatedAt: appointment.updatedAt,
        clinicName: appointment.clinicName,
        clinicPhone: appointment.clinicPhone
          ? formatPhone(appointment.clinicPhone, appointment)
          : null,
        practitioner: appointment.practitioner,
        appointmentType: appointment.appointmentType,
      }),
    };
  });
}

/** The clinic's reminder settings and what its appointment texts did this week (any member). */
export function loadReminderSettings(claims: Claims, clinicId: string) {
  return withClaims(claims, async (tx) => ({
    settings: await getReminderSettings(tx, clinicId),
    activity: await reminderActivity(tx, clinicId),
    timezone: await clinicTimezone(tx, clinicId),
  }));
}

/**
 * Saves the settings as the signed-in admin (RLS: admins only; audited). The database then
 * re-plans the clinic's pending reminders under them.
 */
export async function updateReminderSettings(
  claims: Claims,
  clinicId: string,
  settings: ReminderSettings,
): Promise<void> {
  await withClaims(claims, async (tx) => {
    try {
      await saveReminderSettings(tx, clinicId, settings, claims.sub);
    } catch (error) {
      if ((error as { code?: string }).code === "42501")
        throw new AppError("forbidden", "Only clinic admins can change reminders.");
      throw error;
    }
  });
}

/** The Insights card: no-show rates of reminded and unreminded appointments over `range`. */
export function loadReminderEffect(
  claims: Claims,
  clinicId: string,
  range: { from: string; to: string },
) {
  return withClaims(claims, (tx) => reminderEffect(tx, clinicId, range.from, range.to));
}
