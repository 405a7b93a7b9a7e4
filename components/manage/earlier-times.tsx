"use client";

import { CalendarCheck2, Loader2, Sparkles } from "lucide-react";

import type { ManageTime } from "@/lib/appointments/service";
import type { ClinicFormat } from "@/lib/format";
import { Button } from "@/components/ui/button";

import { formatDay, formatTime } from "./times";

/** Earlier times from the waitlist, offered to this link: the first patient to take one has it. */
export function EarlierTimes({
  earlier,
  tz,
  pending,
  move,
}: {
  earlier: ManageTime[];
  tz: ClinicFormat;
  pending: boolean;
  move(time: ManageTime): void;
}) {
  return (
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
          Take {formatDay(time.start, tz)} at {formatTime(time.start, tz)} with {time.practitioner}
        </Button>
      ))}
    </div>
  );
}
