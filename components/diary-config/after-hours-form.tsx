"use client";

import { useState } from "react";

import { saveRoutingSettings } from "@/lib/actions/diary-config";
import type { RoutingSettings } from "@/lib/db/routing";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { FormField } from "@/components/form-field";

import { FormMessage } from "./form-message";
import { useConfigForm } from "./use-config-form";

const MODES = [
  { value: "both", label: "Take a message or book" },
  { value: "message", label: "Take a message only" },
  { value: "book", label: "Book appointments only" },
] as const;

/** Where callers go: the front desk's number, what Voxanne does when closed, the emergency number. */
export function AfterHoursForm({
  settings,
  canEdit,
}: {
  settings: RoutingSettings;
  canEdit: boolean;
}) {
  const [draft, setDraft] = useState({
    frontDeskNumber: settings.frontDeskNumber ?? "",
    afterHoursMode: settings.afterHoursMode,
    emergencyNumber: settings.emergencyNumber,
  });
  const form = useConfigForm();
  return (
    <Card className="max-w-3xl">
      <CardHeader>
        <CardTitle>Transfers and after hours</CardTitle>
        <CardDescription>
          While you are open, callers who ask for a person are put through to the front desk (the
          receptionist hears a summary first; if nobody answers, Voxanne takes a message). When you
          are closed, Voxanne does what you choose here, and urgent post-operative calls go to the
          clinician on call.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form
          aria-label="Transfers and after hours"
          noValidate
          className="grid gap-4 sm:grid-cols-2"
          onSubmit={(event) => {
            event.preventDefault();
            form.submit(() => saveRoutingSettings(draft), { savedMessage: "Settings saved." });
          }}
        >
          <FormMessage error={form.error} saved={form.saved} className="sm:col-span-2" />
          <FormField label="Front desk number" error={form.fieldErrors.frontDeskNumber}>
            {(props) => (
              <Input
                {...props}
                type="tel"
                inputMode="tel"
                placeholder="+15555550100"
                disabled={!canEdit}
                value={draft.frontDeskNumber}
                onChange={(event) => setDraft({ ...draft, frontDeskNumber: event.target.value })}
              />
            )}
          </FormField>
          <FormField label="Local emergency number" error={form.fieldErrors.emergencyNumber}>
            {(props) => (
              <Input
                {...props}
                inputMode="numeric"
                className="w-28"
                disabled={!canEdit}
                value={draft.emergencyNumber}
                onChange={(event) => setDraft({ ...draft, emergencyNumber: event.target.value })}
              />
            )}
          </FormField>
          <fieldset className="grid gap-2 sm:col-span-2" disabled={!canEdit}>
            <legend className="mb-2 text-sm font-medium">When the front desk is closed</legend>
            {MODES.map((mode) => (
              <label key={mode.value} className="flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  name="afterHoursMode"
                  value={mode.value}
                  checked={draft.afterHoursMode === mode.value}
                  onChange={() => setDraft({ ...draft, afterHoursMode: mode.value })}
                />
                {mode.label}
              </label>
            ))}
            {form.fieldErrors.afterHoursMode ? (
              <p className="text-destructive text-sm">{form.fieldErrors.afterHoursMode}</p>
            ) : null}
          </fieldset>
          {canEdit ? (
            <div className="sm:col-span-2">
              <Button type="submit" disabled={form.pending}>
                Save transfers and after hours
              </Button>
            </div>
          ) : null}
        </form>
      </CardContent>
    </Card>
  );
}
