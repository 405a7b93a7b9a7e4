"use client";

import { Trash2 } from "lucide-react";
import { useOptimistic, useState, useTransition } from "react";

import { addOverride, deleteOverride } from "@/lib/actions/diary-config";
import type { ConfigOverride } from "@/lib/db/diary-hours";
import type { OverrideKind } from "@/lib/validations/diary-config";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { useClinicFormat } from "@/components/dashboard/clinic-format";
import { FormField } from "@/components/form-field";
import { selectClass } from "@/components/procedures/field-styles";

import { FormMessage } from "./form-message";
import { formatDay } from "./format";
import { useConfigForm } from "./use-config-form";

function OverrideForm({
  practitionerId,
  practitionerName,
  today,
}: {
  practitionerId: string;
  practitionerName: string;
  today: string;
}) {
  const empty = {
    onDate: "",
    kind: "off" as OverrideKind,
    wholeDay: true,
    opens: "",
    closes: "",
    reason: "",
  };
  const [draft, setDraft] = useState(empty);
  const form = useConfigForm();
  const withTimes = draft.kind === "extra" || !draft.wholeDay;

  return (
    <form
      aria-label={`Change the hours of ${practitionerName} on one date`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        form.submit(
          () =>
            addOverride({
              practitionerId,
              onDate: draft.onDate,
              kind: draft.kind,
              opens: withTimes ? draft.opens : "",
              closes: withTimes ? draft.closes : "",
              reason: draft.reason,
            }),
          { onSuccess: () => setDraft(empty), savedMessage: "Added." },
        );
      }}
      className="bg-muted/30 grid gap-3 rounded-lg border p-3 sm:grid-cols-2"
    >
      <FormMessage error={form.error} saved={form.saved} className="sm:col-span-2" />
      <FormField label="Date" error={form.fieldErrors.onDate ?? form.fieldErrors.practitionerId}>
        {(props) => (
          <Input
            {...props}
            type="date"
            min={today}
            value={draft.onDate}
            onChange={(event) => setDraft({ ...draft, onDate: event.target.value })}
          />
        )}
      </FormField>
      <FormField label="Change" error={form.fieldErrors.kind}>
        {(props) => (
          <select
            {...props}
            className={selectClass}
            value={draft.kind}
            onChange={(event) => setDraft({ ...draft, kind: event.target.value as OverrideKind })}
          >
            <option value="off">Time off</option>
            <option value="extra">Extra hours</option>
          </select>
        )}
      </FormField>
      {draft.kind === "off" ? (
        <label className="flex items-center gap-2 text-sm sm:col-span-2">
          <input
            type="checkbox"
            className="accent-primary size-4"
            checked={draft.wholeDay}
            onChange={(event) => setDraft({ ...draft, wholeDay: event.target.checked })}
          />
          The whole day
        </label>
      ) : null}
      {withTimes ? (
        <>
          <FormField label="From" error={form.fieldErrors.opens}>
            {(props) => (
              <Input
                {...props}
                type="time"
                step={300}
                value={draft.opens}
                onChange={(event) => setDraft({ ...draft, opens: event.target.value })}
              />
            )}
          </FormField>
          <FormField label="Until" error={form.fieldErrors.closes}>
            {(props) => (
              <Input
                {...props}
                type="time"
                step={300}
                value={draft.closes}
                onChange={(event) => setDraft({ ...draft, closes: event.target.value })}
              />
            )}
          </FormField>
        </>
      ) : null}
      <div className="sm:col-span-2">
        <FormField label="Reason (optional)" error={form.fieldErrors.reason}>
          {(props) => (
            <Input
              {...props}
              value={draft.reason}
              maxLength={200}
              placeholder={draft.kind === "off" ? "Annual leave" : "Saturday clinic"}
              onChange={(event) => setDraft({ ...draft, reason: event.target.value })}
            />
          )}
        </FormField>
      </div>
      <div className="sm:col-span-2">
        <Button type="submit" size="sm" disabled={form.pending}>
          {draft.kind === "off" ? "Add time off" : "Add extra hours"}
        </Button>
      </div>
    </form>
  );
}

/** One practitioner's upcoming time off and extra hours; admins add and delete them. */
export function OverridesPanel({
  practitionerId,
  practitionerName,
  overrides,
  today,
  canEdit,
}: {
  practitionerId: string;
  practitionerName: string;
  overrides: ConfigOverride[];
  today: string;
  canEdit: boolean;
}) {
  const { clinic } = useClinicFormat();
  const [rows, hide] = useOptimistic(overrides, (current, id: string) =>
    current.filter((row) => row.id !== id),
  );
  const [error, setError] = useState<string>();
  const [, startTransition] = useTransition();

  const remove = (id: string) =>
    startTransition(async () => {
      hide(id);
      setError(undefined);
      const result = await deleteOverride({ id });
      if (result.error) setError(result.error);
    });

  return (
    <div className="grid gap-3">
      {error ? (
        <Alert variant="destructive">
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : null}
      {rows.length === 0 ? (
        <p className="text-muted-foreground text-sm">No upcoming changes to the usual hours.</p>
      ) : (
        <ul className="divide-y rounded-lg border">
          {rows.map((override) => {
            const when = override.opens ? `${override.opens}–${override.closes}` : "whole day";
            const what = override.kind === "off" ? "Time off" : "Extra hours";
            return (
              <li
                key={override.id}
                data-testid="override-row"
                className="flex flex-wrap items-center justify-between gap-2 px-3 py-2"
              >
                <div className="grid text-sm">
                  <span className="flex flex-wrap items-center gap-2 font-medium">
                    {formatDay(override.onDate, clinic)}
                    <Badge variant={override.kind === "off" ? "outline" : "success"}>{what}</Badge>
                    <span className="text-muted-foreground font-normal">{when}</span>
                  </span>
                  {override.reason ? (
                    <span className="text-muted-foreground">{override.reason}</span>
                  ) : null}
                </div>
                {canEdit ? (
                  <Button
                    size="icon-sm"
                    variant="ghost"
                    aria-label={`Delete ${what.toLowerCase()} on ${formatDay(override.onDate, clinic)}`}
                    onClick={() => remove(override.id)}
                  >
                    <Trash2 aria-hidden />
                  </Button>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {canEdit ? (
        <OverrideForm
          practitionerId={practitionerId}
          practitionerName={practitionerName}
          today={today}
        />
      ) : null}
    </div>
  );
}
