"use client";

import { CalendarCheck2, Loader2 } from "lucide-react";

import type { ManageTime } from "@/lib/appointments/service";
import type { ClinicFormat } from "@/lib/format";
import { cn } from "@/lib/utils";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

import { formatDay, formatTime, type groupByDay } from "./times";

type Day = ReturnType<typeof groupByDay<ManageTime>>[number];

/** The times the clinic offers, day by day, and the move to the one the patient picks. */
export function MoveCard({
  days,
  shownDay,
  chosen,
  tz,
  phone,
  pending,
  setDay,
  setChosen,
  move,
  keep,
}: {
  days: Day[];
  shownDay: Day | null;
  chosen: ManageTime | null;
  tz: ClinicFormat;
  phone: string | null;
  pending: boolean;
  setDay(key: string): void;
  setChosen(time: ManageTime | null): void;
  move(): void;
  keep(): void;
}) {
  return (
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
                  onClick={() => setDay(d.key)}
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
          <Button size="lg" variant="ghost" className="h-12 w-full" onClick={keep}>
            Keep my current time
          </Button>
        </div>
      </CardContent>
    </Card>
  );
}
