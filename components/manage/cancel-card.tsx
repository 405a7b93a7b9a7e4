"use client";

import { CalendarX2, Loader2 } from "lucide-react";

import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { ClinicShell } from "@/components/patient/clinic-shell";

/** The clinic's cancellation policy, an optional reason, and the cancellation itself. */
export function CancelCard({
  clinic,
  reason,
  setReason,
  pending,
  cancel,
  keep,
}: {
  clinic: { name: string; cancellationPolicy: string };
  reason: string;
  setReason(reason: string): void;
  pending: boolean;
  cancel(): void;
  keep(): void;
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2 className="text-base">Cancel this appointment?</h2>
        </CardTitle>
      </CardHeader>
      <CardContent className="space-y-4">
        <div className="bg-muted rounded-md p-3 text-sm" data-testid="cancellation-policy">
          <p className="font-medium">Cancellation policy</p>
          <p className="text-muted-foreground mt-1 leading-6">
            {clinic.cancellationPolicy.trim() ||
              `${clinic.name} has no cancellation fee on file; please still let us know as early as you can.`}
          </p>
        </div>
        <div className="space-y-1.5">
          <Label htmlFor="cancel-reason">Reason (optional)</Label>
          <textarea
            id="cancel-reason"
            value={reason}
            maxLength={300}
            rows={3}
            onChange={(event) => setReason(event.target.value)}
            className="border-input focus-visible:ring-ring/50 w-full rounded-md border bg-transparent px-3 py-2 text-base outline-none focus-visible:ring-[3px] md:text-sm"
          />
        </div>
        <div className="grid gap-2">
          <Button
            size="lg"
            variant="destructive"
            className="h-12 w-full"
            disabled={pending}
            onClick={cancel}
          >
            {pending ? <Loader2 className="animate-spin" aria-hidden /> : null}
            Yes, cancel my appointment
          </Button>
          <Button size="lg" variant="ghost" className="h-12 w-full" onClick={keep}>
            Keep my appointment
          </Button>
        </div>
      </CardContent>
    </Card>
  );
}

/** What the patient sees once the appointment is cancelled. */
export function CancelledPage({
  clinic,
  phone,
}: {
  clinic: { name: string; phone: string | null };
  phone: string | null;
}) {
  return (
    <ClinicShell clinic={{ name: clinic.name, phone: clinic.phone }}>
      <Card>
        <CardHeader>
          <CalendarX2 className="text-muted-foreground size-6" aria-hidden />
          <CardTitle>
            <h1>Your appointment is cancelled</h1>
          </CardTitle>
          <CardDescription>
            We&apos;ve let {clinic.name} know. Its time is free for someone else now.
          </CardDescription>
        </CardHeader>
        <CardContent className="text-muted-foreground text-sm">
          {phone ? <>To book again, call us on {phone}.</> : "Call us to book again."}
        </CardContent>
      </Card>
    </ClinicShell>
  );
}
