import type { Metadata } from "next";
import { CalendarCheck } from "lucide-react";

import { getClinicContext } from "@/lib/auth/clinic";
import { listUpcomingBookings } from "@/lib/db/bookings";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatInClinicZone } from "@/components/dashboard/format";
import { EmptyState } from "@/components/dashboard/empty-state";
import { PageHeader } from "@/components/dashboard/page-header";

export const metadata: Metadata = { title: "Bookings" };

const statusVariant = { pending: "warning", confirmed: "success", cancelled: "outline" } as const;

export default async function BookingsPage() {
  const { claims, current } = await getClinicContext();
  if (!current) return null;
  const bookings = await listUpcomingBookings(claims, current.id);

  return (
    <>
      <PageHeader title="Bookings" description="Appointments made by the assistant, waiting for your confirmation." />
      {bookings.length === 0 ? (
        <EmptyState icon={CalendarCheck} title="No upcoming bookings">
          When a caller books a consultation with Voxanne, it appears here as pending. Confirm it to send the patient
          their confirmation, or cancel it to free the slot.
        </EmptyState>
      ) : (
        <div className="rounded-lg border">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>When</TableHead>
                <TableHead>Patient</TableHead>
                <TableHead className="hidden sm:table-cell">Procedure</TableHead>
                <TableHead className="hidden md:table-cell">With</TableHead>
                <TableHead>Status</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {bookings.map((booking) => (
                <TableRow key={booking.id}>
                  <TableCell className="whitespace-nowrap">{formatInClinicZone(booking.startsAt, current.timezone)}</TableCell>
                  <TableCell>{booking.patientName}</TableCell>
                  <TableCell className="hidden sm:table-cell">{booking.procedure ?? "Consultation"}</TableCell>
                  <TableCell className="hidden md:table-cell">{booking.practitioner}</TableCell>
                  <TableCell>
                    <Badge variant={statusVariant[booking.status]} className="capitalize">
                      {booking.status}
                    </Badge>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  );
}
