"use client";

import { ChevronDown, ChevronRight, Pencil, Plus, UserRound } from "lucide-react";
import { useOptimistic, useState, useTransition } from "react";

import { savePractitioner, setPractitionerActive } from "@/lib/actions/diary-config";
import type { ConfigPractitioner } from "@/lib/db/diary-config";
import type { ConfigInterval, ConfigOverride } from "@/lib/db/diary-hours";
import { WEEKDAYS } from "@/lib/validations/diary-config";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { EmptyState } from "@/components/dashboard/empty-state";
import { FormField } from "@/components/form-field";

import { FormMessage } from "./form-message";
import { OverridesPanel } from "./overrides-panel";
import { useConfigForm } from "./use-config-form";
import { WeeklyHoursEditor } from "./weekly-hours-editor";

function PractitionerForm({
  practitioner,
  onDone,
}: {
  practitioner?: ConfigPractitioner;
  onDone: () => void;
}) {
  const [draft, setDraft] = useState({
    name: practitioner?.name ?? "",
    title: practitioner?.title ?? "",
  });
  const form = useConfigForm();
  return (
    <form
      aria-label={practitioner ? `Edit ${practitioner.name}` : "New practitioner"}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        form.submit(() => savePractitioner({ ...draft, id: practitioner?.id }), {
          onSuccess: onDone,
        });
      }}
      className="bg-muted/30 grid gap-4 rounded-lg border p-4 sm:grid-cols-2"
    >
      <FormMessage error={form.error} className="sm:col-span-2" />
      <FormField label="Name" error={form.fieldErrors.name}>
        {(props) => (
          <Input
            {...props}
            value={draft.name}
            maxLength={120}
            placeholder="Dr Amara Okafor"
            onChange={(event) => setDraft({ ...draft, name: event.target.value })}
            autoFocus
          />
        )}
      </FormField>
      <FormField label="Title" error={form.fieldErrors.title}>
        {(props) => (
          <Input
            {...props}
            value={draft.title}
            maxLength={120}
            placeholder="Consultant plastic surgeon"
            onChange={(event) => setDraft({ ...draft, title: event.target.value })}
          />
        )}
      </FormField>
      <div className="flex gap-2 sm:col-span-2">
        <Button type="submit" disabled={form.pending}>
          {practitioner ? "Save practitioner" : "Add practitioner"}
        </Button>
        <Button type="button" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/** "Mon 09:00–13:00, 14:00–18:00 · Tue …": the week at a glance. */
function weekSummary(intervals: ConfigInterval[]) {
  const days = WEEKDAYS.map(({ weekday, short }) => {
    const own = intervals.filter((row) => row.weekday === weekday);
    return own.length
      ? `${short} ${own.map((row) => `${row.opens}–${row.closes}`).join(", ")}`
      : null;
  }).filter(Boolean);
  return days.length ? days.join(" · ") : "No weekly hours: never offered";
}

/**
 * The clinic's practitioners: who they are, their weekly hours and their one-off changes (time
 * off, extra hours). Deactivated practitioners are offered nothing new.
 */
export function PractitionersManager({
  practitioners,
  weeklyHours,
  overrides,
  today,
  timezone,
  canEdit,
}: {
  practitioners: ConfigPractitioner[];
  weeklyHours: ConfigInterval[];
  overrides: ConfigOverride[];
  today: string;
  timezone: string;
  canEdit: boolean;
}) {
  const [rows, setActive] = useOptimistic(
    practitioners,
    (current, change: { id: string; active: boolean }) =>
      current.map((row) => (row.id === change.id ? { ...row, active: change.active } : row)),
  );
  const [editing, setEditing] = useState<string | "new" | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [error, setError] = useState<string>();
  const [, startTransition] = useTransition();

  const toggle = (practitioner: ConfigPractitioner) =>
    startTransition(async () => {
      setActive({ id: practitioner.id, active: !practitioner.active });
      setError(undefined);
      const result = await setPractitionerActive({
        id: practitioner.id,
        active: !practitioner.active,
      });
      if (result.error) setError(result.error);
    });

  return (
    <div className="grid gap-4">
      <p className="text-muted-foreground text-sm">
        Hours are wall-clock times in the clinic&apos;s time zone ({timezone}), so 09:00 stays 09:00
        when the clocks change.
      </p>
      {error ? (
        <Alert variant="destructive">
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : null}
      {canEdit ? (
        editing === "new" ? (
          <PractitionerForm onDone={() => setEditing(null)} />
        ) : (
          <div>
            <Button onClick={() => setEditing("new")}>
              <Plus aria-hidden /> Add a practitioner
            </Button>
          </div>
        )
      ) : null}
      {rows.length === 0 ? (
        <EmptyState icon={UserRound} title="No practitioners yet">
          {canEdit
            ? "Add the people who see patients; then give them weekly hours and the appointment types they perform."
            : "Your clinic admin has not added any practitioners yet."}
        </EmptyState>
      ) : null}
      {rows.map((practitioner) => {
        const own = weeklyHours.filter((row) => row.practitionerId === practitioner.id);
        const changes = overrides.filter((row) => row.practitionerId === practitioner.id);
        const expanded = open === practitioner.id;
        const Chevron = expanded ? ChevronDown : ChevronRight;
        const panelId = `practitioner-${practitioner.id}-schedule`;
        return (
          <Card
            key={practitioner.id}
            data-testid="practitioner-card"
            className={practitioner.active ? "gap-4" : "gap-4 opacity-80"}
          >
            <CardHeader className="flex flex-wrap items-start justify-between gap-3">
              {editing === practitioner.id ? (
                <div className="w-full">
                  <PractitionerForm practitioner={practitioner} onDone={() => setEditing(null)} />
                </div>
              ) : (
                <>
                  <div className="grid gap-1">
                    <h2 className="flex flex-wrap items-center gap-2 text-base font-semibold">
                      {practitioner.name}
                      {!practitioner.active ? <Badge variant="outline">Inactive</Badge> : null}
                    </h2>
                    {practitioner.title ? (
                      <p className="text-muted-foreground text-sm">{practitioner.title}</p>
                    ) : null}
                    <p className="text-muted-foreground text-xs" data-testid="week-summary">
                      {weekSummary(own)}
                    </p>
                  </div>
                  <div className="flex flex-wrap items-center gap-1">
                    <Button
                      size="sm"
                      variant="outline"
                      aria-expanded={expanded}
                      aria-controls={panelId}
                      aria-label={`Hours of ${practitioner.name}`}
                      onClick={() => setOpen(expanded ? null : practitioner.id)}
                    >
                      Hours
                      {changes.length ? (
                        <Badge variant="secondary" className="tabular-nums">
                          {changes.length}
                        </Badge>
                      ) : null}
                      <Chevron aria-hidden />
                    </Button>
                    {canEdit ? (
                      <>
                        <Button
                          size="icon-sm"
                          variant="ghost"
                          aria-label={`Edit ${practitioner.name}`}
                          onClick={() => setEditing(practitioner.id)}
                        >
                          <Pencil aria-hidden />
                        </Button>
                        <Button
                          size="sm"
                          variant="outline"
                          aria-label={`${practitioner.active ? "Deactivate" : "Reactivate"} ${practitioner.name}`}
                          onClick={() => toggle(practitioner)}
                        >
                          {practitioner.active ? "Deactivate" : "Reactivate"}
                        </Button>
                      </>
                    ) : null}
                  </div>
                </>
              )}
            </CardHeader>
            {expanded ? (
              <CardContent id={panelId} className="grid gap-6 xl:grid-cols-2">
                <section className="grid content-start gap-3">
                  <h3 className="text-sm font-medium">Weekly hours</h3>
                  <WeeklyHoursEditor
                    practitionerId={practitioner.id}
                    practitionerName={practitioner.name}
                    intervals={own}
                    canEdit={canEdit}
                  />
                </section>
                <section className="grid content-start gap-3">
                  <h3 className="text-sm font-medium">Time off and extra hours</h3>
                  <OverridesPanel
                    practitionerId={practitioner.id}
                    practitionerName={practitioner.name}
                    overrides={changes}
                    today={today}
                    canEdit={canEdit}
                  />
                </section>
              </CardContent>
            ) : null}
          </Card>
        );
      })}
    </div>
  );
}
