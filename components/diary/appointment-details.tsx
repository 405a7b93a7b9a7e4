"use client";

import Link from "next/link";
import { useState, useTransition } from "react";

import type { DiaryAppointment, DiaryView } from "@/types/diary";
import { cancelAppointment, moveAppointment, setAppointmentStatus } from "@/lib/actions/diary";
import { formatPhone } from "@/lib/format";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Separator } from "@/components/ui/separator";
import { SheetDescription, SheetHeader, SheetTitle } from "@/components/ui/sheet";
import { useClinicFormat } from "@/components/dashboard/clinic-format";
import { FormField } from "@/components/form-field";
import { selectClass, textareaClass } from "@/components/procedures/field-styles";

import {
  ACTION_LABEL,
  canCancel,
  canMove,
  localDate,
  localDateTime,
  localTime,
  nextStatuses,
  STATUS_LABEL,
} from "./calendar-model";
import { Detail, useRefresh, when } from "./entry-details";

// An appointment in the diary panel: its details, its status changes, moving and cancelling it.

const STATUS_VARIANT = {
  pending: "warning",
  confirmed: "success",
  arrived: "secondary",
  completed: "outline",
  cancelled: "outline",
  no_show: "destructive",
} as const;

export function AppointmentDetails({
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
