"use client";

import { Check, PhoneOutgoing, X } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { changeBooking, completeCallback } from "@/lib/actions/bookings";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

export interface ActionableBooking {
  id: string;
  status: string;
  /** "Facelift consultation, Tue 2 Dec 10:00 with Dr Patel": which one a button acts on. */
  label: string;
}

/**
 * What staff can do from a call's page: confirm or cancel its booking and mark its call-back
 * done, through the same actions as the Bookings page. The page reloads its data after each.
 */
export function CallActions({
  bookings,
  callbackId,
}: {
  bookings: ActionableBooking[];
  /** The open call-back for this call, if any. */
  callbackId: string | null;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const [cancelling, setCancelling] = useState<string | null>(null);
  const [reason, setReason] = useState("");

  const run = (action: () => Promise<{ error?: string }>, success: string) =>
    startTransition(async () => {
      setError(undefined);
      setDone(undefined);
      const result = await action();
      if (result.error) setError(result.error);
      else {
        setDone(success);
        setCancelling(null);
        router.refresh();
      }
    });

  const open = bookings.filter((b) => b.status === "pending" || b.status === "confirmed");
  if (open.length === 0 && !callbackId) return null;

  return (
    <div className="grid gap-3" data-testid="call-actions">
      {error ? (
        <Alert variant="destructive">
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : null}
      {done ? (
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          {done}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {callbackId ? (
          <Button
            size="sm"
            disabled={pending}
            onClick={() =>
              run(() => completeCallback({ taskId: callbackId }), "The call-back is marked done.")
            }
          >
            <PhoneOutgoing aria-hidden /> Mark call-back done
          </Button>
        ) : null}
        {open.map((booking) =>
          cancelling === booking.id ? null : (
            <div key={booking.id} className="flex flex-wrap gap-2">
              {booking.status === "pending" ? (
                <Button
                  size="sm"
                  disabled={pending}
                  aria-label={open.length > 1 ? `Confirm ${booking.label}` : undefined}
                  onClick={() =>
                    run(
                      () => changeBooking({ action: "confirm", bookingId: booking.id }),
                      "The booking is confirmed; the patient is sent their confirmation.",
                    )
                  }
                >
                  <Check aria-hidden /> Confirm booking
                </Button>
              ) : null}
              <Button
                size="sm"
                variant="outline"
                disabled={pending}
                aria-label={open.length > 1 ? `Cancel ${booking.label}` : undefined}
                onClick={() => {
                  setReason("");
                  setCancelling(booking.id);
                }}
              >
                <X aria-hidden /> Cancel booking
              </Button>
            </div>
          ),
        )}
      </div>
      {cancelling ? (
        <form
          className="flex flex-wrap items-center gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            const bookingId = cancelling;
            run(
              () => changeBooking({ action: "cancel", bookingId, reason }),
              "The booking is cancelled and its time is free again.",
            );
          }}
        >
          <Input
            aria-label="Reason for cancelling"
            placeholder="Why is it cancelled?"
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            className="h-8 w-64 max-w-full"
            autoFocus
          />
          <Button type="submit" size="sm" variant="destructive" disabled={pending}>
            Cancel booking
          </Button>
          <Button type="button" size="sm" variant="ghost" onClick={() => setCancelling(null)}>
            Keep it
          </Button>
        </form>
      ) : null}
    </div>
  );
}
