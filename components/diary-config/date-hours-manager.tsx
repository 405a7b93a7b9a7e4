"use client";

import { CalendarClock, Trash2 } from "lucide-react";
import { useOptimistic, useState, useTransition } from "react";

import { addDateHours, deleteDateHours } from "@/lib/actions/diary-config";
import type { DateHoursRow } from "@/lib/db/opening-hours";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { useClinicFormat } from "@/components/dashboard/clinic-format";
import { EmptyState } from "@/components/dashboard/empty-state";
import { FormField } from "@/components/form-field";

import { FormMessage } from "./form-message";
import { formatDay } from "./format";
import { useConfigForm } from "./use-config-form";

function DateHoursForm({ today }: { today: string }) {
  const empty = { onDate: "", opens: "", closes: "", reason: "" };
  const [draft, setDraft] = useState(empty);
  const form = useConfigForm();
  const set = (key: keyof typeof draft) => (event: React.ChangeEvent<HTMLInputElement>) =>
    setDraft((current) => ({ ...current, [key]: event.target.value }));
  return (
    <form
      aria-label="Add special hours"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        form.submit(() => addDateHours(draft), {
          // Keep the date and reason: a second interval on the same day is common.
          onSuccess: () => setDraft((current) => ({ ...current, opens: "", closes: "" })),
          savedMessage: "Special hours added.",
        });
      }}
      className="bg-muted/30 grid gap-4 rounded-lg border p-4 sm:grid-cols-[10rem_7rem_7rem_1fr]"
    >
      <FormMessage error={form.error} saved={form.saved} className="sm:col-span-4" />
      <FormField label="Date" error={form.fieldErrors.onDate}>
        {(props) => (
          <Input {...props} type="date" min={today} value={draft.onDate} onChange={set("onDate")} />
        )}
      </FormField>
      <FormField label="Opens" error={form.fieldErrors.opens}>
        {(props) => (
          <Input {...props} placeholder="09:00" value={draft.opens} onChange={set("opens")} />
        )}
      </FormField>
      <FormField label="Closes" error={form.fieldErrors.closes}>
        {(props) => (
          <Input {...props} placeholder="13:00" value={draft.closes} onChange={set("closes")} />
        )}
      </FormField>
      <FormField label="Reason" error={form.fieldErrors.reason}>
        {(props) => (
          <Input
            {...props}
            value={draft.reason}
            maxLength={200}
            placeholder="Christmas Eve"
            onChange={set("reason")}
          />
        )}
      </FormField>
      <div className="sm:col-span-4">
        <Button type="submit" disabled={form.pending}>
          Add special hours
        </Button>
      </div>
    </form>
  );
}

/**
 * Special opening hours on given dates: a date listed here is open only at its hours, whatever
 * its weekday's hours say (a closure still closes it all day).
 */
export function DateHoursManager({
  rows: initial,
  today,
  canEdit,
}: {
  rows: DateHoursRow[];
  today: string;
  canEdit: boolean;
}) {
  const { clinic } = useClinicFormat();
  const [rows, hide] = useOptimistic(initial, (current, id: string) =>
    current.filter((row) => row.id !== id),
  );
  const [error, setError] = useState<string>();
  const [, startTransition] = useTransition();
  const remove = (id: string) =>
    startTransition(async () => {
      hide(id);
      setError(undefined);
      const result = await deleteDateHours({ id });
      if (result.error) setError(result.error);
    });
  return (
    <section className="grid gap-4" aria-labelledby="date-hours-heading">
      <div className="grid gap-1">
        <h3 id="date-hours-heading" className="font-medium">
          Special hours on a date
        </h3>
        <p className="text-muted-foreground text-sm">
          Christmas Eve 09:00–13:00, a late opening: on a date listed here the front desk is open
          only at these hours, whatever the weekly hours say. Voxanne tells callers, and transfers
          follow them. A day closed all day is a closure.
        </p>
      </div>
      {canEdit ? <DateHoursForm today={today} /> : null}
      {error ? (
        <Alert variant="destructive">
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : null}
      {rows.length === 0 ? (
        <EmptyState icon={CalendarClock} title="No special hours coming up">
          {canEdit ? "Add a date whose hours differ from the usual week." : "None are planned."}
        </EmptyState>
      ) : (
        <ul className="divide-y rounded-lg border">
          {rows.map((row) => {
            const label = `${formatDay(row.onDate, clinic)}, ${row.opens}–${row.closes}`;
            return (
              <li
                key={row.id}
                data-testid="date-hours-row"
                className="flex flex-wrap items-center justify-between gap-2 px-4 py-3"
              >
                <div className="grid">
                  <span className="font-medium">{label}</span>
                  <span className="text-muted-foreground text-sm">
                    {row.reason || "Special hours"}
                  </span>
                </div>
                {canEdit ? (
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-label={`Delete special hours ${label}`}
                    onClick={() => remove(row.id)}
                  >
                    <Trash2 aria-hidden /> Delete
                  </Button>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
