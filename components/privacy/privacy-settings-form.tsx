"use client";

import { useState } from "react";

import { savePrivacySettings } from "@/lib/actions/privacy";
import {
  CLINIC_PLACEHOLDER,
  fillGreeting,
  firstMessageFor,
  GREETING_MAX,
  RETENTION,
  RETENTION_KINDS,
  standardGreeting,
  type PrivacySettings,
  type RetentionKind,
} from "@/lib/privacy/settings";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { FormMessage } from "@/components/diary-config/form-message";
import { useConfigForm } from "@/components/diary-config/use-config-form";
import { FormField } from "@/components/form-field";

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
 * The clinic's privacy settings: what its Vapi assistant keeps (HIPAA mode, recording), the
 * first words callers hear (worded by the clinic within the required disclosure) and how long
 * each kind of data is kept. Admins only (the page refuses others; RLS refuses in the database).
 */
export function PrivacySettingsForm({
  settings,
  clinicName,
}: {
  settings: PrivacySettings;
  clinicName: string;
}) {
  const [draft, setDraft] = useState({
    hipaaEnabled: settings.hipaaEnabled,
    recordingEnabled: settings.recordingEnabled,
    greeting: settings.greeting ?? "",
    ...Object.fromEntries(RETENTION_KINDS.map((kind) => [kind, String(settings.retention[kind])])),
  } as {
    hipaaEnabled: boolean;
    recordingEnabled: boolean;
    greeting: string;
  } & Record<RetentionKind, string>);
  const form = useConfigForm();
  const spoken = firstMessageFor(clinicName, {
    ...settings,
    hipaaEnabled: draft.hipaaEnabled,
    recordingEnabled: draft.recordingEnabled,
    greeting: draft.greeting.trim() || null,
  });
  const usesStandard =
    draft.greeting.trim() !== "" && spoken !== fillGreeting(draft.greeting.trim(), clinicName);

  return (
    <form
      aria-label="Privacy settings"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        form.submit(() => savePrivacySettings(draft), {
          savedMessage: "Privacy settings saved.",
        });
      }}
      className="grid max-w-3xl gap-6"
    >
      <FormMessage error={form.error} saved={form.saved} />
      <Card>
        <CardHeader>
          <CardTitle>What the assistant keeps</CardTitle>
          <CardDescription>
            Sent to Vapi with the assistant: on the next call, or at once when the app can push to
            Vapi. Live listening and live control of calls in Vapi are always off.
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          <Toggle
            id="hipaaEnabled"
            label="HIPAA mode"
            hint="Vapi keeps logs, recordings and transcripts only in HIPAA-compliant storage and lets the assistant use only HIPAA-compliant speech, model and voice providers. Honoured only when your Vapi organization has HIPAA mode with a signed BAA (below)."
            checked={draft.hipaaEnabled}
            disabled={form.pending}
            onChange={(hipaaEnabled) => setDraft({ ...draft, hipaaEnabled })}
          />
          <Toggle
            id="recordingEnabled"
            label="Record calls"
            hint="Vapi records each call's audio. Off by default. When on, Voxanne tells every caller the call is recorded (some US states require every party's consent). With HIPAA mode, recordings need your own S3 or GCP bucket in Vapi."
            checked={draft.recordingEnabled}
            disabled={form.pending}
            onChange={(recordingEnabled) => setDraft({ ...draft, recordingEnabled })}
          />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>First message</CardTitle>
          <CardDescription>
            What Voxanne says as she answers, before the caller can interrupt. Your wording must
            name Voxanne, say she is an AI assistant, name the clinic (or write{" "}
            <code>{CLINIC_PLACEHOLDER}</code>) and, while calls are recorded, say the call is
            recorded. Leave it empty for the standard wording.
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-3">
          <FormField label="Your wording" error={form.fieldErrors.greeting}>
            {(props) => (
              <textarea
                {...props}
                rows={3}
                maxLength={GREETING_MAX}
                disabled={form.pending}
                value={draft.greeting}
                placeholder={standardGreeting(CLINIC_PLACEHOLDER, draft.recordingEnabled)}
                onChange={(event) => setDraft({ ...draft, greeting: event.target.value })}
                className="border-input focus-visible:ring-ring/50 w-full rounded-md border bg-transparent px-3 py-2 text-sm outline-none focus-visible:ring-[3px] disabled:opacity-50"
              />
            )}
          </FormField>
          <p className="text-muted-foreground text-xs">
            {draft.greeting.trim().length} / {GREETING_MAX} characters
          </p>
          <div className="rounded-md border p-3 text-sm" data-testid="greeting-preview">
            <p className="text-muted-foreground text-xs font-medium">Callers hear</p>
            <p>{spoken}</p>
            {usesStandard ? (
              <p className="text-muted-foreground mt-1 text-xs">
                Your wording lacks part of the disclosure, so the standard wording is shown; saving
                it is refused.
              </p>
            ) : null}
          </div>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>How long we keep data</CardTitle>
          <CardDescription>
            A daily job deletes what is older than these windows, in small batches. Appointments,
            patients, the audit trail and the STOP list are never deleted by it: they are the
            clinic&apos;s records, governed by medical-record laws (which vary by state and country)
            and HIPAA&apos;s 6 years for compliance documentation. The floors below are what the app
            needs to work; check the windows with your compliance lead.
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4 sm:grid-cols-2">
          {RETENTION_KINDS.map((kind) => (
            <div key={kind} className="grid content-start gap-1">
              <FormField label={`${RETENTION[kind].label} (days)`} error={form.fieldErrors[kind]}>
                {(props) => (
                  <Input
                    {...props}
                    type="number"
                    inputMode="numeric"
                    min={RETENTION[kind].min}
                    max={RETENTION[kind].max}
                    step={1}
                    disabled={form.pending}
                    value={draft[kind]}
                    onChange={(event) => setDraft({ ...draft, [kind]: event.target.value })}
                  />
                )}
              </FormField>
              <p className="text-muted-foreground text-xs">
                {RETENTION[kind].what} Default {RETENTION[kind].defaultDays}; {RETENTION[kind].min}{" "}
                to {RETENTION[kind].max}. {RETENTION[kind].floor}
              </p>
            </div>
          ))}
        </CardContent>
      </Card>

      <div>
        <Button type="submit" disabled={form.pending}>
          Save privacy settings
        </Button>
      </div>
    </form>
  );
}
