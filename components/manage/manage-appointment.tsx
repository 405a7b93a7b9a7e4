"use client";

import { BellRing, CalendarClock, CalendarX2, Check, Clock } from "lucide-react";
import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";

import { cancelAppointment, moveAppointment, setWaitlist } from "@/lib/actions/manage-link";
import type { ManageAppointment as Appointment, ManageTime } from "@/lib/appointments/service";
import { formatPhone } from "@/lib/format";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ClinicShell } from "@/components/patient/clinic-shell";

import { CancelCard, CancelledPage } from "./cancel-card";
import { EarlierTimes } from "./earlier-times";
import { MoveCard } from "./move-card";
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

  if (mode === "cancelled") return <CancelledPage clinic={clinic} phone={phone} />;

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
            <EarlierTimes earlier={earlier} tz={tz} pending={pending} move={move} />
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
        <MoveCard
          days={days}
          shownDay={shownDay}
          chosen={chosen}
          tz={tz}
          phone={phone}
          pending={pending}
          setDay={(key: string) => {
            setDay(key);
            setChosen(null);
          }}
          setChosen={setChosen}
          move={() => move()}
          keep={() => {
            setMode("view");
            setChosen(null);
          }}
        />
      ) : null}

      {changeable && mode === "cancel" ? (
        <CancelCard
          clinic={clinic}
          reason={reason}
          setReason={setReason}
          pending={pending}
          cancel={cancel}
          keep={() => setMode("view")}
        />
      ) : null}
    </ClinicShell>
  );
}
