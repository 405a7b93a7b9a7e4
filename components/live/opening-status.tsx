"use client";

import { Clock } from "lucide-react";

import { openingState, type OpeningSchedule } from "@/lib/hours/opening";
import { cn } from "@/lib/utils";

/**
 * The front desk's state at `now` ("Open until 17:00", "Closed until Monday 09:00"), computed
 * from the clinic's opening hours and closures in its time zone. `now` is the server-corrected
 * clock on the live board, so a front-desk PC whose clock is off still shows the truth.
 */
export function OpeningStatus({
  schedule,
  now,
  locale,
  className,
}: {
  schedule: OpeningSchedule;
  now: number;
  /** The clinic's locale ("Open until 5:00 PM" in en-US); without it, 24-hour British words. */
  locale?: string;
  className?: string;
}) {
  let label: string;
  let open = false;
  try {
    const state = openingState(schedule, now, locale);
    label = state.label;
    open = state.open;
  } catch {
    label = "Opening hours could not be read";
  }
  return (
    <p
      data-testid="opening-status"
      data-open={open}
      className={cn(
        "inline-flex items-center gap-2 rounded-md border px-2.5 py-1 text-sm font-medium",
        open
          ? "border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100"
          : "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100",
        className,
      )}
    >
      <Clock aria-hidden className="size-4" />
      <span>
        <span className="sr-only">Front desk: </span>
        {label}
      </span>
    </p>
  );
}
