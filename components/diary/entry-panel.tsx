"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useContext, useState, useTransition } from "react";

import type { DiaryAppointment, DiaryBlock, DiaryEntry, DiaryHold, DiaryView } from "@/types/diary";
import {
  cancelAppointment,
  moveAppointment,
  removeBlock,
  setAppointmentStatus,
} from "@/lib/actions/diary";
import { formatDate, formatPhone, type ClinicFormat } from "@/lib/format";
import { diaryKey } from "@/hooks/use-diary-live";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Separator } from "@/components/ui/separator";
import {
  Sheet,
  SheetContent,
  SheetDescription,
  SheetHeader,
  SheetTitle,
} from "@/components/ui/sheet";
import { useClinicFormat } from "@/components/dashboard/clinic-format";
import { FormField } from "@/components/form-field";
import { selectClass, textareaClass } from "@/components/procedures/field-styles";

import {
  ACTION_LABEL,
  canCancel,
  canMove,
  holdSecondsLeft,
  localDate,
  localDateTime,
  localTime,
  nextStatuses,
  STATUS_LABEL,
} from "./calendar-model";
import { DiaryClock } from "./event-content";

/** Everything about one diary entry, and what the front desk can do with it. */
export function EntryPanel({
  clinicId,
  view,
  entry,
  onClose,
}: {
  clinicId: string;
  view: DiaryView;
  entry: DiaryEntry | null;
  onClose(): void;
}) {
  return (
    <Sheet open={entry !== null} onOpenChange={(open) => !open && onClose()}>
      <SheetContent className="w-full overflow-y-auto sm:max-w-md" data-testid="entry-panel">
        {entry?.kind === "appointment" ? (
          <AppointmentDetails
            key={entry.id}
            clinicId={clinicId}
            view={view}
            appointment={entry}
            onClose={onClose}
          />
        ) : entry?.kind === "block" ? (
          <BlockDetails
            key={entry.id}
            clinicId={clinicId}
            view={view}
            block={entry}
            onClose={onClose}
          />
        ) : entry?.kind === "hold" ? (
          <HoldDetails view={view} hold={entry} />
        ) : null}
      </SheetContent>
    </Sheet>
  );
}

/**
 * "Tuesday 1 December 2026, 14:30–15:00": the day in the clinic's words (lib/format), the times
 * on the diary grid's 24-hour clock, in the clinic's zone.
 */
function when(entry: DiaryEntry, clinic: ClinicFormat) {
  const tz = clinic.timezone;
  return `${formatDate(entry.start, clinic, "long")}, ${localTime(entry.start, tz)}–${localTime(entry.end, tz)}`;
}

function Detail({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[7rem_1fr] gap-2 text-sm">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

function useRefresh(clinicId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: diaryKey(clinicId) });
}

const STATUS_VARIANT = {
  pending: "warning",
  confirmed: "success",
  arrived: "secondary",
  completed: "outline",
  cancelled: "outline",
  no_show: "destructive",
} as const;

function AppointmentDetails({
  clinicId,
  view,
  appointment,
  onClose,
}: {
  clinicId: string;
  view: DiaryView;
  appointment: DiaryAppointment;
  onClose(): void;
}) {
  const tz = view.timeZone;
  const { clinic } = useClinicFormat();
  const refresh = useRefresh(clinicId);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string>();
  const practitioner = view.practitioners.find((p) => p.id === appointment.practitionerId);
  const resource = view.resources.find((r) => r.id === appointment.resourceId);

  const run = (write: () => Promise<{ error?: string; fieldErrors?: Record<string, string> }>) =>
    startTransition(async () => {
      setError(undefined);
      const result = await write();
      if (result.error || result.fieldErrors) {
        setError(result.error ?? Object.values(result.fieldErrors ?? {})[0]);
        return;
      }
      await refresh();
    });

  return (
    <>
      <SheetHeader>
        <SheetTitle data-testid="panel-title">{appointment.patientName}</SheetTitle>
        <SheetDescription>{when(appointment, { ...clinic, timezone: tz })}</SheetDescription>
        <Badge
          variant={STATUS_VARIANT[appointment.status]}
          data-testid="panel-status"
          className="mt-1"
        >
          {STATUS_LABEL[appointment.status]}
        </Badge>
      </SheetHeader>
      <div className="grid gap-4 px-4 pb-6">
        {error ? (
          <Alert variant="destructive" role="alert" data-testid="panel-error">
            <AlertDescription>{error}</AlertDescription>
          </Alert>
        ) : null}
        <dl className="grid gap-2">
          <Detail label="Type">
            {appointment.typeName ?? "Appointment"}
            {appointment.procedureName ? ` · ${appointment.procedureName}` : ""}
          </Detail>
          <Detail label="With">{practitioner?.name ?? "—"}</Detail>
          {resource ? <Detail label="Room">{resource.name}</Detail> : null}
          <Detail label="Phone">
            {appointment.patientPhone ? (
              <a className="hover:underline" href={`tel:${appointment.patientPhone}`}>
                {formatPhone(appointment.patientPhone, clinic)}
              </a>
            ) : (
              "—"
            )}
          </Detail>
          <Detail label="Booked by">
            {appointment.source === "assistant" ? "Voxanne, on a call" : "Staff"}
            {appointment.callId ? (
              <>
                {" · "}
                <Link
                  className="text-primary hover:underline"
                  href={`/calls/${appointment.callId}`}
                >
                  the call
                </Link>
              </>
            ) : null}
          </Detail>
          {appointment.notes ? <Detail label="Notes">{appointment.notes}</Detail> : null}
        </dl>

        {nextStatuses(appointment.status).length || canCancel(appointment.status) ? (
          <div className="flex flex-wrap gap-2">
            {nextStatuses(appointment.status).map((status) => (
              <Button
                key={status}
                size="sm"
                variant={status === "no_show" ? "outline" : "default"}
                disabled={pending}
                onClick={() =>
                  run(() => setAppointmentStatus({ bookingId: appointment.bookingId, status }))
                }
              >
                {ACTION_LABEL[status]}
              </Button>
            ))}
            {canCancel(appointment.status) && !cancelling ? (
              <Button
                size="sm"
                variant="outline"
                disabled={pending}
                onClick={() => setCancelling(true)}
              >
                Cancel appointment
              </Button>
            ) : null}
          </div>
        ) : null}

        {cancelling ? (
          <form
            className="grid gap-3 rounded-md border p-3"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              if (reason.trim().length < 3) {
                setReasonError("Say why the appointment is cancelled");
                return;
              }
              setReasonError(undefined);
              run(async () => {
                const result = await cancelAppointment({
                  bookingId: appointment.bookingId,
                  reason,
                });
                if (!result.error && !result.fieldErrors) onClose();
                return result;
              });
            }}
          >
            <FormField label="Reason for cancelling" error={reasonError}>
              {(props) => (
                <textarea
                  {...props}
                  rows={2}
                  className={textareaClass}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                  autoFocus
                />
              )}
            </FormField>
            <div className="flex justify-end gap-2">
              <Button type="button" size="sm" variant="ghost" onClick={() => setCancelling(false)}>
                Keep it
              </Button>
              <Button type="submit" size="sm" variant="destructive" disabled={pending}>
                Cancel appointment
              </Button>
            </div>
          </form>
        ) : null}

        {canMove(appointment.status) ? (
          <>
            <Separator />
            <MoveForm
              view={view}
              appointment={appointment}
              pending={pending}
              onMove={(input) => run(() => moveAppointment(input))}
            />
          </>
        ) : null}
      </div>
    </>
  );
}

function MoveForm({
  view,
  appointment,
  pending,
  onMove,
}: {
  view: DiaryView;
  appointment: DiaryAppointment;
  pending: boolean;
  onMove(input: { bookingId: string; practitionerId: string; start: string }): void;
}) {
  const tz = view.timeZone;
  const type = view.appointmentTypes.find((t) => t.id === appointment.typeId);
  const eligible = view.practitioners.filter(
    (p) => !type || type.practitionerIds.includes(p.id) || p.id === appointment.practitionerId,
  );
  const [practitionerId, setPractitionerId] = useState(appointment.practitionerId ?? "");
  const [date, setDate] = useState(localDate(new Date(appointment.start), tz));
  const [time, setTime] = useState(localTime(appointment.start, tz));
  const [problem, setProblem] = useState<string>();

  return (
    <form
      className="grid gap-3"
      noValidate
      aria-label="Move appointment"
      onSubmit={(event) => {
        event.preventDefault();
        const start = localDateTime(date, time, tz);
        if (!start || !practitionerId) {
          setProblem("Choose a practitioner, a day and a time");
          return;
        }
        setProblem(undefined);
        onMove({ bookingId: appointment.bookingId, practitionerId, start: start.toISOString() });
      }}
    >
      <h3 className="text-sm font-medium">Move to</h3>
      <FormField label="Practitioner">
        {(props) => (
          <select
            {...props}
            className={selectClass}
            value={practitionerId}
            onChange={(e) => setPractitionerId(e.target.value)}
          >
            {eligible.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <div className="grid grid-cols-2 gap-3">
        <FormField label="New day">
          {(props) => (
            <Input {...props} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          )}
        </FormField>
        <FormField label="New time" error={problem}>
          {(props) => (
            <Input
              {...props}
              type="time"
              step={300}
              value={time}
              onChange={(e) => setTime(e.target.value)}
            />
          )}
        </FormField>
      </div>
      <div className="flex justify-end">
        <Button type="submit" size="sm" variant="outline" disabled={pending}>
          Move appointment
        </Button>
      </div>
    </form>
  );
}

function BlockDetails({
  clinicId,
  view,
  block,
  onClose,
}: {
  clinicId: string;
  view: DiaryView;
  block: DiaryBlock;
  onClose(): void;
}) {
  const refresh = useRefresh(clinicId);
  const { clinic } = useClinicFormat();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  const practitioner = view.practitioners.find((p) => p.id === block.practitionerId);
  const resource = view.resources.find((r) => r.id === block.resourceId);
  return (
    <>
      <SheetHeader>
        <SheetTitle>Blocked time</SheetTitle>
        <SheetDescription>{when(block, { ...clinic, timezone: view.timeZone })}</SheetDescription>
      </SheetHeader>
      <div className="grid gap-4 px-4 pb-6">
        {error ? (
          <Alert variant="destructive" role="alert">
            <AlertDescription>{error}</AlertDescription>
          </Alert>
        ) : null}
        <dl className="grid gap-2">
          <Detail label="Reason">{block.reason || "—"}</Detail>
          {practitioner ? <Detail label="Practitioner">{practitioner.name}</Detail> : null}
          {resource ? <Detail label="Room">{resource.name}</Detail> : null}
        </dl>
        <div>
          <Button
            size="sm"
            variant="outline"
            disabled={pending}
            onClick={() =>
              startTransition(async () => {
                setError(undefined);
                const result = await removeBlock({ blockId: block.id });
                if (result.error) return setError(result.error);
                await refresh();
                onClose();
              })
            }
          >
            Remove block
          </Button>
        </div>
      </div>
    </>
  );
}

function HoldDetails({ view, hold }: { view: DiaryView; hold: DiaryHold }) {
  const now = useContext(DiaryClock);
  const { clinic } = useClinicFormat();
  const practitioner = view.practitioners.find((p) => p.id === hold.practitionerId);
  return (
    <>
      <SheetHeader>
        <SheetTitle>Held on a call</SheetTitle>
        <SheetDescription>{when(hold, { ...clinic, timezone: view.timeZone })}</SheetDescription>
      </SheetHeader>
      <div className="grid gap-4 px-4 pb-6 text-sm">
        <p>
          A caller is being offered this time by Voxanne. It is held for{" "}
          <span className="font-medium tabular-nums">{holdSecondsLeft(hold.heldUntil, now)} s</span>{" "}
          more, and released if the call ends without booking.
        </p>
        <dl className="grid gap-2">
          <Detail label="With">{practitioner?.name ?? "—"}</Detail>
        </dl>
        <Link className="text-primary text-sm hover:underline" href={`/calls/${hold.callId}`}>
          Open the call
        </Link>
      </div>
    </>
  );
}
