"use client";

import { Check, X } from "lucide-react";
import Link from "next/link";
import { useOptimistic, useState, useTransition } from "react";

import { changeBooking } from "@/lib/actions/bookings";
import type { BookingRow } from "@/lib/db/bookings";
import { dayKey, formatDateTime } from "@/lib/format";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { useClinicFormat } from "@/components/dashboard/clinic-format";
import { PatientContact } from "@/components/dashboard/patient-contact";

const STATUS_VARIANT = {
  pending: "warning",
  confirmed: "success",
  arrived: "secondary",
  completed: "outline",
  cancelled: "outline",
  no_show: "destructive",
} as const;
// Lower case (the badge capitalises): "no_show" reads "No-show".
const STATUS_TEXT: Record<BookingRow["status"], string> = {
  pending: "pending",
  confirmed: "confirmed",
  arrived: "arrived",
  completed: "completed",
  cancelled: "cancelled",
  no_show: "no-show",
};
type Change = { bookingId: string; status: BookingRow["status"] };

/**
 * Appointments with confirm and cancel (while pending or confirmed), each linking to its day in
 * the diary; the row changes at once and rolls back if the server says no.
 */
export function BookingsTable({ bookings }: { bookings: BookingRow[] }) {
  const [optimistic, apply] = useOptimistic(bookings, (rows: BookingRow[], change: Change) =>
    rows.map((row) => (row.id === change.bookingId ? { ...row, status: change.status } : row)),
  );
  const [, startTransition] = useTransition();
  const [cancelling, setCancelling] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string>();
  const { clinic, viewerZone } = useClinicFormat();

  const run = (change: Change, input: Record<string, string>) =>
    startTransition(async () => {
      apply(change);
      setError(undefined);
      const result = await changeBooking(input);
      if (result.error) setError(result.error);
    });

  return (
    <div className="grid gap-3">
      {error ? (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : null}
      <div className="rounded-lg border">
        <Table stack="lg">
          <TableHeader>
            <TableRow>
              <TableHead>When</TableHead>
              <TableHead>Patient</TableHead>
              <TableHead className="hidden md:table-cell">Procedure</TableHead>
              <TableHead className="hidden lg:table-cell">With</TableHead>
              <TableHead>Status</TableHead>
              <TableHead className="text-right">Actions</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {optimistic.map((booking) => (
              <TableRow key={booking.id} data-testid="booking-row">
                <TableCell label="When" className="whitespace-nowrap">
                  <Link
                    href={`/diary?date=${dayKey(booking.startsAt, clinic.timezone)}&booking=${booking.id}`}
                    className="hover:underline"
                    title="Open in the diary"
                  >
                    {formatDateTime(booking.startsAt, clinic, { viewerZone, short: true })}
                  </Link>
                </TableCell>
                <TableCell label="Patient">
                  <div className="grid gap-1">
                    {booking.callId ? (
                      <Link href={`/calls/${booking.callId}`} className="hover:underline">
                        {booking.patientName}
                      </Link>
                    ) : (
                      <span>{booking.patientName}</span>
                    )}
                    {booking.status === "pending" || booking.status === "confirmed" ? (
                      <PatientContact
                        phone={booking.phone}
                        last4={booking.phoneLast4}
                        patientId={booking.patientId}
                        name={booking.patientName}
                        className="text-xs"
                      />
                    ) : null}
                    {booking.status === "cancelled" ? <CancellationNote booking={booking} /> : null}
                  </div>
                </TableCell>
                <TableCell label="Procedure" className="hidden md:table-cell">
                  {booking.procedure ?? "Consultation"}
                  {booking.appointmentType ? (
                    <span className="text-muted-foreground"> · {booking.appointmentType}</span>
                  ) : null}
                </TableCell>
                <TableCell label="With" className="hidden lg:table-cell">
                  {booking.practitioner}
                </TableCell>
                <TableCell label="Status">
                  <Badge
                    variant={STATUS_VARIANT[booking.status]}
                    className="capitalize"
                    data-testid="booking-status"
                  >
                    {STATUS_TEXT[booking.status]}
                  </Badge>
                </TableCell>
                <TableCell label="Actions" className="text-right">
                  {cancelling === booking.id ? (
                    <form
                      className="flex items-center justify-end gap-2"
                      onSubmit={(event) => {
                        event.preventDefault();
                        setCancelling(null);
                        run(
                          { bookingId: booking.id, status: "cancelled" },
                          { action: "cancel", bookingId: booking.id, reason },
                        );
                      }}
                    >
                      <Input
                        aria-label="Reason for cancelling"
                        placeholder="Reason"
                        value={reason}
                        onChange={(event) => setReason(event.target.value)}
                        className="h-8 w-40"
                        minLength={3}
                        required
                        autoFocus
                      />
                      <Button type="submit" size="sm" variant="destructive">
                        Cancel booking
                      </Button>
                      <Button
                        type="button"
                        size="sm"
                        variant="ghost"
                        onClick={() => setCancelling(null)}
                      >
                        Keep
                      </Button>
                    </form>
                  ) : (
                    <div className="flex justify-end gap-2">
                      {booking.status === "pending" ? (
                        <Button
                          size="sm"
                          onClick={() =>
                            run(
                              { bookingId: booking.id, status: "confirmed" },
                              { action: "confirm", bookingId: booking.id },
                            )
                          }
                        >
                          <Check aria-hidden /> Confirm
                        </Button>
                      ) : null}
                      {booking.status === "pending" || booking.status === "confirmed" ? (
                        <Button
                          size="sm"
                          variant="outline"
                          onClick={() => {
                            setReason("");
                            setCancelling(booking.id);
                          }}
                        >
                          <X aria-hidden /> Cancel
                        </Button>
                      ) : null}
                    </div>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}

/** Why it was cancelled, and whether the patient was told by text (or why not). */
function CancellationNote({ booking }: { booking: BookingRow }) {
  const text = booking.cancellationText;
  const told = !text
    ? null
    : text.status === "sent"
      ? "The patient was told by text."
      : text.status === "failed"
        ? `The text to the patient failed: ${text.lastError ?? "no reason given"}`
        : text.status === "skipped" || text.status === "withdrawn"
          ? `The patient was not texted: ${text.skipReason ?? "no reason given"}`
          : "Texting the patient…";
  return (
    <div className="text-muted-foreground grid gap-0.5 text-xs" data-testid="cancellation-note">
      {booking.cancelReason ? <span>Reason: {booking.cancelReason}</span> : null}
      {told ? (
        <span
          className={text?.status === "failed" ? "text-destructive" : undefined}
          data-testid="cancellation-text"
          data-status={text?.status}
        >
          {told}
        </span>
      ) : null}
    </div>
  );
}
