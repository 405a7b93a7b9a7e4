"use client";

import { CalendarOff, Trash2 } from "lucide-react";
import { useOptimistic, useState, useTransition } from "react";

import { addClosure, deleteClosure } from "@/lib/actions/diary-config";
import type { ConfigClosure } from "@/lib/db/diary-hours";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { useClinicFormat } from "@/components/dashboard/clinic-format";
import { EmptyState } from "@/components/dashboard/empty-state";
import { FormField } from "@/components/form-field";

import { FormMessage } from "./form-message";
import { formatDay } from "./format";
import { useConfigForm } from "./use-config-form";

function ClosureForm({ today }: { today: string }) {
  const empty = { startsOn: "", endsOn: "", reason: "" };
  const [draft, setDraft] = useState(empty);
  const form = useConfigForm();
  const set = (key: keyof typeof draft) => (event: React.ChangeEvent<HTMLInputElement>) =>
    setDraft((current) => ({ ...current, [key]: event.target.value }));

  return (
    <form
      aria-label="Add a closure"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        form.submit(
          // A one-day closure needs only its first day.
          () => addClosure({ ...draft, endsOn: draft.endsOn || draft.startsOn }),
          { onSuccess: () => setDraft(empty), savedMessage: "Closure added." },
        );
      }}
      className="bg-muted/30 grid gap-4 rounded-lg border p-4 sm:grid-cols-[10rem_10rem_1fr]"
    >
      <FormMessage error={form.error} saved={form.saved} className="sm:col-span-3" />
      <FormField label="First day closed" error={form.fieldErrors.startsOn}>
        {(props) => (
          <Input
            {...props}
            type="date"
            min={today}
            value={draft.startsOn}
            onChange={set("startsOn")}
          />
        )}
      </FormField>
      <FormField label="Last day closed" error={form.fieldErrors.endsOn}>
        {(props) => (
          <Input
            {...props}
            type="date"
            min={draft.startsOn || today}
            value={draft.endsOn}
            onChange={set("endsOn")}
          />
        )}
      </FormField>
      <FormField label="Reason" error={form.fieldErrors.reason}>
        {(props) => (
          <Input
            {...props}
            value={draft.reason}
            maxLength={200}
            placeholder="Christmas"
            onChange={set("reason")}
          />
        )}
      </FormField>
      <div className="sm:col-span-3">
        <Button type="submit" disabled={form.pending}>
          Add closure
        </Button>
      </div>
    </form>
  );
}

/** Whole days the clinic is closed: nothing is offered or booked on them. */
export function ClosuresManager({
  closures,
  today,
  canEdit,
}: {
  closures: ConfigClosure[];
  today: string;
  canEdit: boolean;
}) {
  const { clinic } = useClinicFormat();
  const [rows, hide] = useOptimistic(closures, (current, id: string) =>
    current.filter((row) => row.id !== id),
  );
  const [error, setError] = useState<string>();
  const [, startTransition] = useTransition();

  const remove = (id: string) =>
    startTransition(async () => {
      hide(id);
      setError(undefined);
      const result = await deleteClosure({ id });
      if (result.error) setError(result.error);
    });

  return (
    <section className="grid gap-4" aria-labelledby="closures-heading">
      <div className="grid gap-1">
        <h2 id="closures-heading" className="text-lg font-semibold">
          Closures
        </h2>
        <p className="text-muted-foreground text-sm">
          Bank holidays and other days the whole clinic is closed. Nothing is offered or booked on
          them, whatever anyone&apos;s hours say.
        </p>
      </div>
      {canEdit ? <ClosureForm today={today} /> : null}
      {error ? (
        <Alert variant="destructive">
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : null}
      <h3 className="text-sm font-medium">Upcoming</h3>
      {rows.length === 0 ? (
        <EmptyState icon={CalendarOff} title="No upcoming closures">
          {canEdit
            ? "Add the days the clinic is closed, such as bank holidays."
            : "No closures are planned."}
        </EmptyState>
      ) : (
        <ul className="divide-y rounded-lg border">
          {rows.map((closure) => {
            const span =
              closure.startsOn === closure.endsOn
                ? formatDay(closure.startsOn, clinic)
                : `${formatDay(closure.startsOn, clinic)} – ${formatDay(closure.endsOn, clinic)}`;
            return (
              <li
                key={closure.id}
                data-testid="closure-row"
                className="flex flex-wrap items-center justify-between gap-2 px-4 py-3"
              >
                <div className="grid">
                  <span className="font-medium">{span}</span>
                  <span className="text-muted-foreground text-sm">
                    {closure.reason || "Closed"}
                  </span>
                </div>
                {canEdit ? (
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-label={`Delete closure ${span}`}
                    onClick={() => remove(closure.id)}
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
