"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useMemo, useState, useTransition } from "react";

import type { DiaryView } from "@/types/diary";
import { bookAppointment } from "@/lib/actions/diary";
import { cn } from "@/lib/utils";
import { useAvailability } from "@/hooks/use-diary";
import { diaryKey } from "@/hooks/use-diary-live";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FormField } from "@/components/form-field";
import { selectClass, textareaClass } from "@/components/procedures/field-styles";

import { fromLocalDate, localDate, localDateTime, localTime, visibleRange } from "./calendar-model";
import { Dialog, DialogContent } from "./dialog";

export interface BookPrefill {
  practitionerId?: string;
  /** A start chosen in the calendar (selecting an empty range). */
  start?: Date;
  /** The clinic-local date to look for times on. */
  date: string;
}

/**
 * Booking by hand (a phone call or a walk-in): patient, type, practitioner (only those who
 * perform it), then a time from the diary's availability for the chosen day, or one typed in.
 * A refused booking (taken meanwhile, outside hours) shows the diary's reason here and books
 * nothing.
 */
export function BookDialog({
  clinicId,
  view,
  prefill,
  onClose,
  onBlockInstead,
}: {
  clinicId: string;
  view: DiaryView;
  prefill: BookPrefill | null;
  onClose(): void;
  onBlockInstead(prefill: BookPrefill): void;
}) {
  return (
    <Dialog open={prefill !== null} onOpenChange={(open) => !open && onClose()}>
      {prefill ? (
        <DialogContent
          title="New appointment"
          description="Book a patient who calls or walks in. Only free times are offered."
          className="max-w-xl"
        >
          <BookForm
            key={`${prefill.practitionerId}-${prefill.start?.toISOString()}-${prefill.date}`}
            clinicId={clinicId}
            view={view}
            prefill={prefill}
            onDone={onClose}
            onBlockInstead={onBlockInstead}
          />
        </DialogContent>
      ) : null}
    </Dialog>
  );
}

function BookForm({
  clinicId,
  view,
  prefill,
  onDone,
  onBlockInstead,
}: {
  clinicId: string;
  view: DiaryView;
  prefill: BookPrefill;
  onDone(): void;
  onBlockInstead(prefill: BookPrefill): void;
}) {
  const tz = view.timeZone;
  const queryClient = useQueryClient();
  const [pending, startTransition] = useTransition();
  const [patientName, setPatientName] = useState("");
  const [patientPhone, setPatientPhone] = useState("");
  const [notes, setNotes] = useState("");
  const [typeId, setTypeId] = useState(() => {
    const performed = view.appointmentTypes.filter(
      (type) => !prefill.practitionerId || type.practitionerIds.includes(prefill.practitionerId),
    );
    return performed.length === 1 ? performed[0]!.id : "";
  });
  const [practitionerId, setPractitionerId] = useState(prefill.practitionerId ?? "");
  const [date, setDate] = useState(prefill.date);
  const [start, setStart] = useState<string>(prefill.start?.toISOString() ?? "");
  const [otherTime, setOtherTime] = useState("");
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  const type = view.appointmentTypes.find((candidate) => candidate.id === typeId);
  const eligible = useMemo(
    () => view.practitioners.filter((p) => type?.practitionerIds.includes(p.id)),
    [view.practitioners, type],
  );
  const day = fromLocalDate(date, tz);
  const range = day ? visibleRange(day, "day", tz) : null;
  const availability = useAvailability(
    clinicId,
    type && range
      ? { typeId: type.id, practitionerId: practitionerId || undefined, ...range }
      : null,
  );
  const nameOf = (id: string) => view.practitioners.find((p) => p.id === id)?.name ?? "";

  // The start chosen in the calendar stays a choice even when it is not on the offered grid.
  const prefilledStart = prefill.start?.toISOString();
  const offered = availability.data ?? [];
  const chosenIsOffered = offered.some(
    (s) => s.start === start && (!practitionerId || s.practitionerId === practitionerId),
  );

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setError(undefined);
    let when = start;
    if (otherTime) {
      const typed = localDateTime(date, otherTime, tz);
      if (!typed) return setFieldErrors({ start: "Enter a time like 10:30" });
      when = typed.toISOString();
    }
    if (!when) return setFieldErrors({ start: "Choose a time" });
    startTransition(async () => {
      const result = await bookAppointment({
        typeId,
        practitionerId,
        start: when,
        patientName,
        patientPhone,
        notes,
      });
      setFieldErrors(result.fieldErrors ?? {});
      if (result.error) setError(result.error);
      if (result.error || result.fieldErrors) return;
      await queryClient.invalidateQueries({ queryKey: diaryKey(clinicId) });
      onDone();
    });
  };

  return (
    <form className="grid gap-4" onSubmit={submit} noValidate data-testid="book-form">
      {error ? (
        <Alert variant="destructive" role="alert" data-testid="book-error">
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label="Patient name" error={fieldErrors.patientName}>
          {(props) => (
            <Input
              {...props}
              value={patientName}
              onChange={(e) => setPatientName(e.target.value)}
              autoComplete="off"
              autoFocus
            />
          )}
        </FormField>
        <FormField label="Phone" error={fieldErrors.patientPhone}>
          {(props) => (
            <Input
              {...props}
              type="tel"
              inputMode="tel"
              placeholder="+1 212 555 0100"
              value={patientPhone}
              onChange={(e) => setPatientPhone(e.target.value)}
              autoComplete="off"
            />
          )}
        </FormField>
      </div>
      <FormField label="Appointment type" error={fieldErrors.typeId}>
        {(props) => (
          <select
            {...props}
            className={selectClass}
            value={typeId}
            onChange={(e) => {
              const next = view.appointmentTypes.find((t) => t.id === e.target.value);
              setTypeId(e.target.value);
              setStart(prefilledStart ?? "");
              // A practitioner who does not perform the chosen type is not a choice.
              if (next && practitionerId && !next.practitionerIds.includes(practitionerId))
                setPractitionerId("");
            }}
          >
            <option value="">Choose a type…</option>
            {view.appointmentTypes.map((t) => (
              <option key={t.id} value={t.id}>
                {t.procedureName} — {t.name} ({t.durationMinutes} min)
              </option>
            ))}
          </select>
        )}
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label="Practitioner" error={fieldErrors.practitionerId}>
          {(props) => (
            <select
              {...props}
              className={selectClass}
              value={practitionerId}
              disabled={!type}
              onChange={(e) => {
                setPractitionerId(e.target.value);
                setStart(prefilledStart ?? "");
              }}
            >
              <option value="">{type ? "Any who performs it" : "Choose a type first"}</option>
              {eligible.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label="Day">
          {(props) => (
            <Input
              {...props}
              type="date"
              value={date}
              min={localDate(new Date(), tz)}
              onChange={(e) => {
                setDate(e.target.value);
                setStart("");
              }}
            />
          )}
        </FormField>
      </div>

      <fieldset className="grid gap-2" aria-describedby="times-hint">
        <legend className="mb-2 text-sm font-medium">Time</legend>
        <p id="times-hint" className="text-muted-foreground text-xs">
          {!type
            ? "Choose a type to see free times."
            : availability.isLoading
              ? "Looking for free times…"
              : availability.error
                ? availability.error.message
                : offered.length === 0
                  ? "No free times that day. Try another day or practitioner, or type a time."
                  : `${offered.length} free time${offered.length === 1 ? "" : "s"}, clinic time (${tz}).`}
        </p>
        <div
          className="grid max-h-48 grid-cols-3 gap-2 overflow-y-auto p-0.5 sm:grid-cols-4"
          role="radiogroup"
          aria-label="Free times"
          data-testid="free-times"
        >
          {prefilledStart && !chosenIsOffered && start === prefilledStart && practitionerId ? (
            <TimeChoice
              checked
              label={`${localTime(prefilledStart, tz)} (selected)`}
              onSelect={() => undefined}
            />
          ) : null}
          {offered.map((s) => (
            <TimeChoice
              key={`${s.practitionerId}-${s.start}`}
              checked={!otherTime && start === s.start && practitionerId === s.practitionerId}
              label={
                practitionerId
                  ? localTime(s.start, tz)
                  : `${localTime(s.start, tz)} · ${nameOf(s.practitionerId)}`
              }
              onSelect={() => {
                setOtherTime("");
                setStart(s.start);
                setPractitionerId(s.practitionerId);
              }}
            />
          ))}
        </div>
        <div className="flex flex-wrap items-end gap-3">
          <FormField label="Or another time" error={fieldErrors.start}>
            {(props) => (
              <Input
                {...props}
                type="time"
                step={300}
                className="w-36"
                value={otherTime}
                onChange={(e) => setOtherTime(e.target.value)}
              />
            )}
          </FormField>
        </div>
      </fieldset>

      <FormField label="Notes (optional)" error={fieldErrors.notes}>
        {(props) => (
          <textarea
            {...props}
            rows={2}
            className={textareaClass}
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
          />
        )}
      </FormField>

      <div className="flex flex-wrap items-center justify-between gap-2">
        <Button
          type="button"
          variant="ghost"
          onClick={() =>
            onBlockInstead({
              practitionerId: practitionerId || prefill.practitionerId,
              start: prefill.start,
              date,
            })
          }
        >
          Block this time instead
        </Button>
        <div className="flex gap-2">
          <Button type="button" variant="outline" onClick={onDone}>
            Close
          </Button>
          <Button type="submit" disabled={pending}>
            {pending ? "Booking…" : "Book appointment"}
          </Button>
        </div>
      </div>
    </form>
  );
}

function TimeChoice({
  checked,
  label,
  onSelect,
}: {
  checked: boolean;
  label: string;
  onSelect(): void;
}) {
  return (
    <button
      type="button"
      role="radio"
      aria-checked={checked}
      onClick={onSelect}
      className={cn(
        "focus-visible:ring-ring/50 rounded-md border px-2 py-1.5 text-sm tabular-nums outline-none focus-visible:ring-[3px]",
        checked
          ? "bg-primary text-primary-foreground border-primary"
          : "bg-background hover:bg-accent",
      )}
    >
      {label}
    </button>
  );
}
