"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState, useTransition } from "react";

import type { DiaryView } from "@/types/diary";
import { blockTime } from "@/lib/actions/diary";
import { diaryKey } from "@/hooks/use-diary-live";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FormField } from "@/components/form-field";
import { selectClass } from "@/components/procedures/field-styles";

import type { BookPrefill } from "./book-dialog";
import { localDateTime, localTime } from "./calendar-model";
import { Dialog, DialogContent } from "./dialog";

export interface BlockPrefill extends BookPrefill {
  resourceId?: string;
  end?: Date;
}

/** Takes time out of a practitioner's or a room's diary (a meeting, a laser service), with why. */
export function BlockDialog({
  clinicId,
  view,
  prefill,
  onClose,
}: {
  clinicId: string;
  view: DiaryView;
  prefill: BlockPrefill | null;
  onClose(): void;
}) {
  return (
    <Dialog open={prefill !== null} onOpenChange={(open) => !open && onClose()}>
      {prefill ? (
        <DialogContent
          title="Block time"
          description="Nothing can be booked in a blocked time, by staff or by Voxanne."
        >
          <BlockForm clinicId={clinicId} view={view} prefill={prefill} onDone={onClose} />
        </DialogContent>
      ) : null}
    </Dialog>
  );
}

function BlockForm({
  clinicId,
  view,
  prefill,
  onDone,
}: {
  clinicId: string;
  view: DiaryView;
  prefill: BlockPrefill;
  onDone(): void;
}) {
  const tz = view.timeZone;
  const queryClient = useQueryClient();
  const [pending, startTransition] = useTransition();
  const [target, setTarget] = useState(
    prefill.practitionerId
      ? `p:${prefill.practitionerId}`
      : prefill.resourceId
        ? `r:${prefill.resourceId}`
        : "",
  );
  const [date, setDate] = useState(prefill.date);
  const [from, setFrom] = useState(prefill.start ? localTime(prefill.start, tz) : "");
  const [to, setTo] = useState(prefill.end ? localTime(prefill.end, tz) : "");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setError(undefined);
    const start = localDateTime(date, from, tz);
    const end = localDateTime(date, to, tz);
    const problems: Record<string, string> = {};
    if (!target) problems.practitionerId = "Choose a practitioner or a room";
    if (!start) problems.start = "Enter a start time";
    if (!end) problems.end = "Enter an end time";
    if (Object.keys(problems).length) return setFieldErrors(problems);
    startTransition(async () => {
      const result = await blockTime({
        practitionerId: target.startsWith("p:") ? target.slice(2) : null,
        resourceId: target.startsWith("r:") ? target.slice(2) : null,
        start: start!.toISOString(),
        end: end!.toISOString(),
        reason,
      });
      setFieldErrors(result.fieldErrors ?? {});
      if (result.error) setError(result.error);
      if (result.error || result.fieldErrors) return;
      await queryClient.invalidateQueries({ queryKey: diaryKey(clinicId) });
      onDone();
    });
  };

  return (
    <form className="grid gap-4" onSubmit={submit} noValidate data-testid="block-form">
      {error ? (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : null}
      <FormField label="Whose time" error={fieldErrors.practitionerId ?? fieldErrors.resourceId}>
        {(props) => (
          <select
            {...props}
            className={selectClass}
            value={target}
            onChange={(e) => setTarget(e.target.value)}
          >
            <option value="">Choose…</option>
            <optgroup label="Practitioners">
              {view.practitioners.map((p) => (
                <option key={p.id} value={`p:${p.id}`}>
                  {p.name}
                </option>
              ))}
            </optgroup>
            {view.resources.length ? (
              <optgroup label="Rooms and devices">
                {view.resources.map((r) => (
                  <option key={r.id} value={`r:${r.id}`}>
                    {r.name}
                  </option>
                ))}
              </optgroup>
            ) : null}
          </select>
        )}
      </FormField>
      <div className="grid gap-4 sm:grid-cols-3">
        <FormField label="Day">
          {(props) => (
            <Input {...props} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          )}
        </FormField>
        <FormField label="From" error={fieldErrors.start}>
          {(props) => (
            <Input
              {...props}
              type="time"
              step={300}
              value={from}
              onChange={(e) => setFrom(e.target.value)}
            />
          )}
        </FormField>
        <FormField label="To" error={fieldErrors.end}>
          {(props) => (
            <Input
              {...props}
              type="time"
              step={300}
              value={to}
              onChange={(e) => setTo(e.target.value)}
            />
          )}
        </FormField>
      </div>
      <FormField label="Reason" error={fieldErrors.reason}>
        {(props) => (
          <Input
            {...props}
            value={reason}
            placeholder="Team meeting"
            onChange={(e) => setReason(e.target.value)}
          />
        )}
      </FormField>
      <div className="flex justify-end gap-2">
        <Button type="button" variant="outline" onClick={onDone}>
          Close
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? "Blocking…" : "Block time"}
        </Button>
      </div>
    </form>
  );
}
