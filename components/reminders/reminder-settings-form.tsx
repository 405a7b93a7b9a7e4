"use client";

import { useState, useTransition } from "react";

import { saveReminderSettings } from "@/lib/actions/reminders";
import type { ReminderActivity, ReminderSettings } from "@/lib/db/reminder-settings";
import { formatDateTime } from "@/lib/format";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { useClinicFormat } from "@/components/dashboard/clinic-format";
import { FormField } from "@/components/form-field";

const KIND_WORDS: Record<ReminderActivity["recentFailures"][number]["kind"], string> = {
  confirmation: "Confirmation",
  reminder_24h: "24-hour reminder",
  reminder_2h: "2-hour reminder",
  reply_confirmed: "Reply to a confirmation",
  reply_manage_link: "Manage link (reply)",
  call_manage_link: "Manage link (asked on a call)",
  waitlist_offer: "Earlier time (waitlist)",
  cancellation: "Cancellation by the clinic",
};

function Toggle({
  id,
  label,
  hint,
  checked,
  disabled,
  onChange,
}: {
  id: string;
  label: string;
  hint: string;
  checked: boolean;
  disabled: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div className="flex items-start gap-3">
      <input
        id={id}
        type="checkbox"
        className="accent-primary mt-0.5 size-4"
        checked={checked}
        disabled={disabled}
        onChange={(event) => onChange(event.target.checked)}
      />
      <div className="grid gap-0.5">
        <label htmlFor={id} className="text-sm font-medium">
          {label}
        </label>
        <p className="text-muted-foreground text-xs">{hint}</p>
      </div>
    </div>
  );
}

/**
 * Which appointment reminders Sarah texts and the clinic's quiet hours, with what the texts did
 * this week. Admins edit; receptionists see it read-only.
 */
export function ReminderSettingsForm({
  settings,
  activity,
  timezone,
  canEdit,
}: {
  settings: ReminderSettings;
  activity: ReminderActivity;
  timezone: string;
  canEdit: boolean;
}) {
  const { clinic, viewerZone } = useClinicFormat();
  const [draft, setDraft] = useState({
    remind24h: settings.remind24h,
    remind2h: settings.remind2h,
    quietHours: settings.quietStart !== null,
    quietStart: settings.quietStart ?? "21:00",
    quietEnd: settings.quietEnd ?? "08:00",
  });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const [pending, startTransition] = useTransition();
  const disabled = !canEdit || pending;

  const submit = () =>
    startTransition(async () => {
      setSaved(false);
      const result = await saveReminderSettings(draft);
      setFieldErrors(result.fieldErrors ?? {});
      setError(result.error);
      setSaved(!result.error && !result.fieldErrors);
    });

  return (
    <div className="grid max-w-2xl gap-6">
      <Card>
        <CardHeader>
          <CardTitle>Reminders</CardTitle>
          <CardDescription>
            Sarah texts each patient a confirmation when an appointment is made or moved (with an
            add-to-calendar link), and reminders before it. Patients reply 1 to confirm or 2 for a
            link to change or cancel. Numbers that replied STOP, and patients who have not agreed to
            texts, are never texted.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <form
            aria-label="Reminder settings"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              submit();
            }}
            className="grid gap-5"
          >
            {error ? (
              <Alert variant="destructive">
                <AlertDescription>{error}</AlertDescription>
              </Alert>
            ) : null}
            <p role="status" className={saved ? "text-success text-sm" : "sr-only"}>
              {saved ? "Reminder settings saved." : null}
            </p>
            <fieldset className="grid gap-3">
              <legend className="mb-2 text-sm font-semibold">Which reminders</legend>
              <Toggle
                id="remind24h"
                label="24 hours before"
                hint="The day before, at the appointment's time."
                checked={draft.remind24h}
                disabled={disabled}
                onChange={(remind24h) => setDraft({ ...draft, remind24h })}
              />
              <Toggle
                id="remind2h"
                label="2 hours before"
                hint="On the day, two hours ahead."
                checked={draft.remind2h}
                disabled={disabled}
                onChange={(remind2h) => setDraft({ ...draft, remind2h })}
              />
            </fieldset>
            <fieldset className="grid gap-3">
              <legend className="mb-2 text-sm font-semibold">Quiet hours</legend>
              <Toggle
                id="quietHours"
                label="No reminders during quiet hours"
                hint={`In the clinic's time (${timezone}). A reminder due then goes when they end, or just before they begin if the end would be less than 30 minutes before the appointment.`}
                checked={draft.quietHours}
                disabled={disabled}
                onChange={(quietHours) => setDraft({ ...draft, quietHours })}
              />
              {draft.quietHours ? (
                <div className="grid gap-4 sm:grid-cols-2">
                  <FormField label="From" error={fieldErrors.quietStart}>
                    {(props) => (
                      <Input
                        {...props}
                        type="time"
                        disabled={disabled}
                        value={draft.quietStart}
                        onChange={(event) => setDraft({ ...draft, quietStart: event.target.value })}
                      />
                    )}
                  </FormField>
                  <FormField label="Until" error={fieldErrors.quietEnd}>
                    {(props) => (
                      <Input
                        {...props}
                        type="time"
                        disabled={disabled}
                        value={draft.quietEnd}
                        onChange={(event) => setDraft({ ...draft, quietEnd: event.target.value })}
                      />
                    )}
                  </FormField>
                </div>
              ) : null}
            </fieldset>
            {canEdit ? (
              <div>
                <Button type="submit" disabled={pending}>
                  Save reminder settings
                </Button>
              </div>
            ) : null}
          </form>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>This week&apos;s appointment texts</CardTitle>
          <CardDescription>
            Confirmations, reminders and answers to replies planned in the last 7 days.
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            {(
              [
                ["Sent", activity.sent],
                ["Waiting", activity.pending],
                ["Not sent", activity.skipped],
                ["Failed", activity.failed],
              ] as const
            ).map(([label, value]) => (
              <div key={label} className="rounded-md border p-3">
                <dt className="text-muted-foreground text-xs">{label}</dt>
                <dd className="text-2xl font-semibold tabular-nums">{value}</dd>
              </div>
            ))}
          </dl>
          {activity.recentFailures.length > 0 ? (
            <div className="grid gap-2">
              <h3 className="text-sm font-semibold">Latest failures</h3>
              <ul className="grid gap-1 text-sm">
                {activity.recentFailures.map((failure, index) => (
                  <li key={index} className="flex flex-wrap justify-between gap-2">
                    <span>
                      {KIND_WORDS[failure.kind]} for the appointment on{" "}
                      {formatDateTime(failure.startsAt, { ...clinic, timezone }, { viewerZone })}
                    </span>
                    <span className="text-muted-foreground">
                      {failure.error ?? "Unknown error"}
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </CardContent>
      </Card>
    </div>
  );
}
