import { CalendarCheck, CalendarDays } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";

import { getClinicContext } from "@/lib/auth/clinic";
import { loadBookings } from "@/lib/bookings/service";
import { bookingFilterFields, explainBookingFilter } from "@/lib/validations/booking";
import { readSearchParams } from "@/lib/validations/search-params";
import { Button } from "@/components/ui/button";
import { BookingFilters } from "@/components/bookings/booking-filters";
import { BookingsTable } from "@/components/bookings/bookings-table";
import { CallbackTasks } from "@/components/bookings/callback-tasks";
import { HeldSlots } from "@/components/bookings/held-slots";
import { EmptyState } from "@/components/dashboard/empty-state";
import { IgnoredParams } from "@/components/dashboard/ignored-params";
import { PageHeader } from "@/components/dashboard/page-header";

export const metadata: Metadata = { title: "Bookings" };

export default async function BookingsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { claims, current } = await getClinicContext();
  if (!current) return null;
  const { values: filter, ignored } = readSearchParams(
    await searchParams,
    bookingFilterFields,
    explainBookingFilter,
  );
  const { bookings, callbacks } = await loadBookings(claims, current.id, filter);

  return (
    <div className="grid gap-6">
      <PageHeader
        title="Bookings"
        description="Every appointment, by Voxanne or the front desk, as a list. Confirm or cancel here; book, move and check patients in from the diary."
      >
        <Button asChild variant="outline" size="sm">
          <Link href="/diary">
            <CalendarDays aria-hidden /> Open the diary
          </Link>
        </Button>
      </PageHeader>
      <IgnoredParams notes={ignored} />
      <CallbackTasks tasks={callbacks} />
      <HeldSlots clinicId={current.id} />
      <BookingFilters />
      {bookings.length === 0 ? (
        <EmptyState
          icon={CalendarCheck}
          title={filter.day || filter.status ? "No bookings match" : "No upcoming bookings"}
        >
          When a caller books a consultation with Voxanne, it appears here as pending. Confirm it to
          send the patient their confirmation, or cancel it to free the slot.
        </EmptyState>
      ) : (
        <BookingsTable bookings={bookings} />
      )}
    </div>
  );
}
