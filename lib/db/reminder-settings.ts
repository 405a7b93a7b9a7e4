import "server-only";

import type { AppointmentTextKind } from "./reminders";
import type { Checked, Col } from "./rows";
import type { Tx } from "./transaction";

// Per-clinic reminder settings (Diary setup → Reminders) and the recent activity shown beside
// them. The texts themselves are in ./reminders.ts.

export interface ReminderSettings {
  remind24h: boolean;
  remind2h: boolean;
  /** "HH:MM" clinic-local, or null for no quiet hours. */
  quietStart: string | null;
  quietEnd: string | null;
}

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  remind24h: true,
  remind2h: true,
  quietStart: "21:00",
  quietEnd: "08:00",
};

/** The clinic's settings (RLS-scoped), with the defaults for a clinic that never saved any. */
export async function getReminderSettings(tx: Tx, clinicId: string): Promise<ReminderSettings> {
  const row = await tx.maybeOne<ReminderSettings>(
    `select remind_24h as "remind24h", remind_2h as "remind2h",
            to_char(quiet_start, 'HH24:MI') as "quietStart", to_char(quiet_end, 'HH24:MI') as "quietEnd"
       from public.reminder_settings where clinic_id = $1`,
    [clinicId],
  );
  return row ?? DEFAULT_REMINDER_SETTINGS;
}

/** The clinic's IANA time zone (quiet hours are in it). */
export async function clinicTimezone(tx: Tx, clinicId: string): Promise<string> {
  const row = await tx.maybeOne<{ timezone: Col<"clinics", "timezone"> }>(
    "select timezone from public.clinics where id = $1",
    [clinicId],
  );
  return row?.timezone ?? "UTC";
}

/** Saves the settings (admins, by RLS); the database re-plans the clinic's pending reminders. */
export async function saveReminderSettings(
  tx: Tx,
  clinicId: string,
  settings: ReminderSettings,
  userId: string | null,
): Promise<void> {
  await tx.query(
    `insert into public.reminder_settings (clinic_id, remind_24h, remind_2h, quiet_start, quiet_end, updated_by)
     values ($1, $2, $3, $4::time, $5::time, $6)
     on conflict (clinic_id) do update set remind_24h = excluded.remind_24h, remind_2h = excluded.remind_2h,
       quiet_start = excluded.quiet_start, quiet_end = excluded.quiet_end, updated_by = excluded.updated_by`,
    [
      clinicId,
      settings.remind24h,
      settings.remind2h,
      settings.quietStart,
      settings.quietEnd,
      userId,
    ],
  );
}

export interface ReminderActivity {
  /** Counts per status over the last 7 days (computed in SQL). */
  sent: number;
  pending: number;
  skipped: number;
  failed: number;
  recentFailures: {
    kind: Checked<Col<"appointment_texts", "kind">, AppointmentTextKind>;
    error: Col<"appointment_texts", "last_error">;
    at: Col<"appointment_texts", "updated_at">;
    startsAt: Col<"appointment_texts", "appointment_starts_at">;
  }[];
}

/** What the clinic's appointment texts did over the last 7 days, and the latest failures (RLS-scoped). */
export async function reminderActivity(tx: Tx, clinicId: string): Promise<ReminderActivity> {
  const counts = await tx.one<Omit<ReminderActivity, "recentFailures">>(
    `select count(*) filter (where status = 'sent')::int as sent,
            count(*) filter (where status in ('pending', 'sending'))::int as pending,
            count(*) filter (where status = 'skipped')::int as skipped,
            count(*) filter (where status = 'failed')::int as failed
       from public.appointment_texts where clinic_id = $1 and created_at > now() - interval '7 days'`,
    [clinicId],
  );
  const recentFailures = await tx.query<ReminderActivity["recentFailures"][number]>(
    `select kind, last_error as error, updated_at as at, appointment_starts_at as "startsAt"
       from public.appointment_texts where clinic_id = $1 and status = 'failed'
      order by updated_at desc limit 5`,
    [clinicId],
  );
  return { ...counts, recentFailures };
}
