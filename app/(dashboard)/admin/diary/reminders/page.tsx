import type { Metadata } from "next";

import { getClinicContext } from "@/lib/auth/clinic";
import { loadReminderSettings } from "@/lib/reminders/service";
import { ReminderSettingsForm } from "@/components/reminders/reminder-settings-form";

export const metadata: Metadata = { title: "Reminders" };

export default async function RemindersPage() {
  const { claims, current } = await getClinicContext();
  if (!current) return null;
  const { settings, activity, timezone } = await loadReminderSettings(claims, current.id);
  return (
    <ReminderSettingsForm
      settings={settings}
      activity={activity}
      timezone={timezone}
      canEdit={current.role === "admin"}
    />
  );
}
