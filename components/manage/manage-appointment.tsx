"use client";

import {
  BellRing,
  CalendarCheck2,
  CalendarClock,
  CalendarX2,
  Check,
  Clock,
  Loader2,
  Sparkles,
} from "lucide-react";
import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";

import { cancelAppointment, moveAppointment, setWaitlist } from "@/lib/actions/manage-link";
import type { ManageAppointment as Appointment, ManageTime } from "@/lib/appointments/service";
import { formatPhone } from "@/lib/format";
import { cn } from "@/lib/utils";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { ClinicShell } from "@/components/patient/clinic-shell";

import { formatDay, formatTime, groupByDay } from "./times";

interface Props {
  token: string;
  clinic: {
    name: string;
    timezone: string;
    locale: string;
    currency: string;
    phone: string | null;
    cancellationPolicy: string;
  };
  appointment: Appointment;
  changeable: boolean;
  times: ManageTime[];
  /** Earlier times from the waitlist, offered to this link: the first patient to take one has it. */
  earlier: ManageTime[];
  waiting: boolean;
}

type Mode = "view" | "move" | "cancel" | "cancelled";

const STATUS: Record<Appointment["status"], string> = {
  pending: "Awaiting confirmation",
  confirmed: "Confirmed",
  arrived: "Checked in",
  completed: "Completed",
  cancelled: "Cancelled",
  no_show: "Missed",
};

// The patient's page for one appointment, on their phone: see it, move it to a time the clinic
// offered, or cancel it after reading the clinic's policy.
export function ManageAppointment({
  token,
  clinic,
  appointment,
  changeable,
  times,
  earlier,
  waiting,
}: Props) {
  const router = useRouter();
  const [mode, setMode] = useState<Mode>("view");
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [chosen, setChosen] = useState<ManageTime | null>(null);
  const [reason, setReason] = useState("");
  const days = useMemo(() => groupByDay(times, clinic), [times, clinic]);
  const [day, setDay] = useState<string | null>(null);
  const shownDay = days.find((d) => d.key === day) ?? days[0] ?? null;
  const tz = clinic;
  // The number in the clinic's national format (lib/format), as its texts write it.
  const phone = clinic.phone ? formatPhone(clinic.phone, clinic) : null;

  const move = (time: ManageTime | null = chosen) => {
    if (!time) return;
    setError(null);
    startTransition(async () => {
      const result = await moveAppointment({ token, offerId: time.offerId });
      if (result.ok) {
        setNotice(
          `Your appointment is now ${formatDay(result.start ?? time.start, tz)} at ${formatTime(result.start ?? time.start, tz)}.`,
        );
        setChosen(null);
        setMode("view");
      } else {
        setError(result.error);
        setChosen(null);
      }
      // Fresh times either way: the old time is free now, or the diary changed.
      router.refresh();
    });
  };

  const toggleWaitlist = () => {
    setError(null);
    setNotice(null);
    startTransition(async () => {
      const result = await setWaitlist({ token, wait: !waiting });
      if (!result.ok) setError(result.error);
      router.refresh();
    });
  };

  const cancel = () => {
    setError(null);
    startTransition(async () => {
      const result = await cancelAppointment({ token, reason: reason.trim() || undefined });
      if (result.ok) setMode("cancelled");
      else setError(result.error);
    });
  };

  const when = (
    <div className="space-y-1">
      <p className="text-lg leading-snug font-semibold" data-testid="appointment-day">
        {formatDay(appointment.start, tz)}
      </p>
      <p className="text-muted-foreground flex items-center gap-1.5 text-sm">
        <Clock className="size-4" aria-hidden />
        <span data-testid="appointment-time">
          {formatTime(appointment.start, tz)} – {formatTime(appointment.end, tz)}
        </span>
      </p>
      <p className="text-sm">
        {appointment.what} with {appointment.practitioner}
      </p>
    </div>
  );

  if (mode === "cancelled")
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

  return (
    <ClinicShell clinic={{ name: clinic.name, phone: clinic.phone }}>
      <Card>
        <CardHeader>
          <div className="flex items-start justify-between gap-3">
            <CardTitle>
              <h1 className="text-base">
                {appointment.firstName
                  ? `${appointment.firstName}, your appointment`
                  : "Your appointment"}
              </h1>
            </CardTitle>
            <Badge variant={appointment.status === "confirmed" ? "default" : "secondary"}>
              {STATUS[appointment.status]}
            </Badge>
          </div>
        </CardHeader>
        <CardContent className="space-y-4">
          {when}
          {notice ? (
            <Alert role="status">
              <Check aria-hidden />
              <AlertTitle>Moved</AlertTitle>
              <AlertDescription>{notice}</AlertDescription>
            </Alert>
          ) : null}
          {error ? (
            <Alert variant="destructive" role="alert">
              <AlertTitle>Not changed</AlertTitle>
              <AlertDescription>{error}</AlertDescription>
            </Alert>
          ) : null}
          {changeable && earlier.length > 0 && mode === "view" ? (
            <div
              className="border-primary/40 bg-primary/5 space-y-3 rounded-md border p-3"
              data-testid="earlier-times"
            >
              <p className="flex items-center gap-1.5 text-sm font-medium">
                <Sparkles className="size-4" aria-hidden /> An earlier time has come up
              </p>
              <p className="text-muted-foreground text-xs">
                Offered to a few people on the waitlist: the first to take it gets it.
              </p>
              {earlier.map((time) => (
                <Button
                  key={time.offerId}
                  size="lg"
                  className="h-12 w-full"
                  disabled={pending}
                  onClick={() => move(time)}
                >
                  {pending ? (
                    <Loader2 className="animate-spin" aria-hidden />
                  ) : (
                    <CalendarCheck2 aria-hidden />
                  )}
                  Take {formatDay(time.start, tz)} at {formatTime(time.start, tz)} with{" "}
                  {time.practitioner}
                </Button>
              ))}
            </div>
          ) : null}
          {!changeable ? (
            <p className="text-muted-foreground text-sm">
              This appointment can no longer be changed online.
              {phone ? ` Call us on ${phone} if you need help.` : ""}
            </p>
          ) : mode === "view" ? (
            <div className="grid gap-2">
              <Button
                size="lg"
                className="h-12 w-full"
                onClick={() => {
                  setMode("move");
                  setNotice(null);
                  setError(null);
                }}
              >
                <CalendarClock aria-hidden /> Change time
              </Button>
              <Button
                size="lg"
                variant="outline"
                className="h-12 w-full"
                onClick={() => {
                  setMode("cancel");
                  setNotice(null);
                  setError(null);
                }}
              >
                <CalendarX2 aria-hidden /> Cancel appointment
              </Button>
              <Button
                size="lg"
                variant="ghost"
                className="h-12 w-full"
                disabled={pending}
                aria-pressed={waiting}
                onClick={toggleWaitlist}
              >
                <BellRing aria-hidden />
                {waiting
                  ? "On the waitlist · stop telling me"
                  : "Tell me if an earlier time comes up"}
              </Button>
              {waiting ? (
                <p
                  className="text-muted-foreground text-center text-xs"
                  data-testid="waitlist-note"
                >
                  We&apos;ll text you if an earlier time comes up. Your appointment stays as it is
                  until you take one.
                </p>
              ) : null}
            </div>
          ) : null}
        </CardContent>
      </Card>

      {changeable && mode === "move" ? (
        <Card>
          <CardHeader>
            <CardTitle>
              <h2 className="text-base">Pick a new time</h2>
            </CardTitle>
            <CardDescription>Times are the clinic&apos;s local time.</CardDescription>
          </CardHeader>
          <CardContent className="space-y-4">
            {days.length === 0 ? (
              <p className="text-muted-foreground text-sm" data-testid="no-times">
                There are no other times free online in the next three weeks.
                {phone ? ` Call us on ${phone} and we'll find one.` : ""}
              </p>
            ) : (
              <>
                <div
                  className="-mx-1 flex gap-2 overflow-x-auto px-1 pb-1"
                  role="tablist"
                  aria-label="Day"
                >
                  {days.map((d) => (
                    <button
                      key={d.key}
                      type="button"
                      role="tab"
                      aria-selected={shownDay?.key === d.key}
                      onClick={() => {
                        setDay(d.key);
                        setChosen(null);
                      }}
                      className={cn(
                        "focus-visible:ring-ring/50 flex min-w-16 shrink-0 flex-col items-center rounded-md border px-3 py-2 text-sm outline-none focus-visible:ring-[3px]",
                        shownDay?.key === d.key
                          ? "bg-primary text-primary-foreground border-primary"
                          : "bg-background",
                      )}
                    >
                      <span className="text-xs">{d.weekday}</span>
                      <span className="font-semibold">{d.date}</span>
                    </button>
                  ))}
                </div>
                <div className="grid grid-cols-3 gap-2" role="group" aria-label="Times">
                  {shownDay?.times.map((time) => (
                    <button
                      key={time.offerId}
                      type="button"
                      aria-pressed={chosen?.offerId === time.offerId}
                      onClick={() => setChosen(time)}
                      className={cn(
                        "focus-visible:ring-ring/50 h-11 rounded-md border text-sm font-medium outline-none focus-visible:ring-[3px]",
                        chosen?.offerId === time.offerId
                          ? "bg-primary text-primary-foreground border-primary"
                          : "bg-background hover:bg-accent",
                      )}
                    >
                      {formatTime(time.start, tz)}
                    </button>
                  ))}
                </div>
              </>
            )}
            {chosen ? (
              <p className="text-sm" data-testid="chosen-time">
                New time: {formatDay(chosen.start, tz)} at {formatTime(chosen.start, tz)} with{" "}
                {chosen.practitioner}
              </p>
            ) : null}
            <div className="grid gap-2">
              <Button
                size="lg"
                className="h-12 w-full"
                disabled={!chosen || pending}
                onClick={() => move()}
              >
                {pending ? (
                  <Loader2 className="animate-spin" aria-hidden />
                ) : (
                  <CalendarCheck2 aria-hidden />
                )}
                Move my appointment
              </Button>
              <Button
                size="lg"
                variant="ghost"
                className="h-12 w-full"
                onClick={() => {
                  setMode("view");
                  setChosen(null);
                }}
              >
                Keep my current time
              </Button>
            </div>
          </CardContent>
        </Card>
      ) : null}

      {changeable && mode === "cancel" ? (
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
              <Button
                size="lg"
                variant="ghost"
                className="h-12 w-full"
                onClick={() => setMode("view")}
              >
                Keep my appointment
              </Button>
            </div>
          </CardContent>
        </Card>
      ) : null}
    </ClinicShell>
  );
}
