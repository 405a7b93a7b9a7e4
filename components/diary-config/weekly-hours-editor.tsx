"use client";

import { Copy, Plus, X } from "lucide-react";
import { useState } from "react";

import { saveOpeningHours, saveWeeklyHours } from "@/lib/actions/diary-config";
import type { ConfigInterval } from "@/lib/db/diary-hours";
import { WEEKDAYS } from "@/lib/validations/diary-config";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

import { FormMessage } from "./form-message";
import { useConfigForm } from "./use-config-form";

interface Interval {
  key: number;
  opens: string;
  closes: string;
}
type Week = Record<number, Interval[]>;

let nextKey = 0;
const interval = (opens: string, closes: string): Interval => ({ key: nextKey++, opens, closes });

function toWeek(intervals: Pick<ConfigInterval, "weekday" | "opens" | "closes">[]): Week {
  const week: Week = {};
  for (const { weekday } of WEEKDAYS) week[weekday] = [];
  for (const row of intervals) week[row.weekday]!.push(interval(row.opens, row.closes));
  return week;
}

/** The week as sent: days in order, each day's intervals in order (errors come back by index). */
function flatten(week: Week) {
  return WEEKDAYS.flatMap(({ weekday }) =>
    week[weekday]!.map(({ opens, closes }) => ({ weekday, opens, closes })),
  );
}

/**
 * A practitioner's weekly hours, or with no practitioner the clinic's opening hours (when the
 * front desk answers): several intervals a day (09:00–13:00, 14:00–18:00), in the clinic's time
 * zone. Saved as a whole week; an interval's problem shows beside it.
 */
export function WeeklyHoursEditor({
  practitionerId,
  practitionerName,
  intervals,
  canEdit,
}: {
  /** null: the clinic's opening hours. */
  practitionerId: string | null;
  practitionerName: string;
  intervals: Pick<ConfigInterval, "weekday" | "opens" | "closes">[];
  canEdit: boolean;
}) {
  const clinic = practitionerId === null;
  const idPrefix = practitionerId ?? "opening";
  const [week, setWeek] = useState(() => toWeek(intervals));
  const form = useConfigForm();

  const update = (weekday: number, change: (day: Interval[]) => Interval[]) =>
    setWeek((current) => ({ ...current, [weekday]: change(current[weekday]!) }));
  const add = (weekday: number) =>
    update(weekday, (day) => {
      const last = day.at(-1);
      // After the last interval, or a usual day's morning.
      if (!last) return [interval("09:00", "17:00")];
      const [hours] = last.closes.split(":").map(Number);
      const opens = `${String(Math.min(hours! + 1, 22)).padStart(2, "0")}:00`;
      const closes = `${String(Math.min(hours! + 3, 23)).padStart(2, "0")}:00`;
      return [...day, interval(opens, closes)];
    });
  const copyMonday = () =>
    setWeek((current) => {
      const next = { ...current };
      for (const weekday of [2, 3, 4, 5])
        next[weekday] = current[1]!.map((row) => interval(row.opens, row.closes));
      return next;
    });

  // Where each day's intervals start in the list as sent (errors come back by that index).
  const offsets: Record<number, number> = {};
  let count = 0;
  for (const { weekday } of WEEKDAYS) {
    offsets[weekday] = count;
    count += week[weekday]!.length;
  }
  return (
    <form
      aria-label={clinic ? "Opening hours" : `Weekly hours of ${practitionerName}`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        form.submit(
          () =>
            practitionerId === null
              ? saveOpeningHours({ intervals: flatten(week) })
              : saveWeeklyHours({ practitionerId, intervals: flatten(week) }),
          { savedMessage: clinic ? "Opening hours saved." : "Weekly hours saved." },
        );
      }}
      className="grid gap-3"
    >
      <ul className="grid gap-2">
        {WEEKDAYS.map(({ weekday, name }) => {
          const day = week[weekday]!;
          return (
            <li
              key={weekday}
              className="grid gap-2 border-b pb-2 last:border-b-0 sm:grid-cols-[7rem_1fr]"
              data-testid={`hours-${name.toLowerCase()}`}
            >
              <span className="pt-2 text-sm font-medium">{name}</span>
              <div className="grid gap-2">
                {day.length === 0 ? (
                  <span className="text-muted-foreground pt-2 text-sm">
                    {clinic ? "Closed" : "Not working"}
                  </span>
                ) : null}
                {day.map((row, position) => {
                  const index = offsets[weekday]! + position;
                  const problem = form.fieldErrors[`intervals.${index}`];
                  const errorId = `${idPrefix}-interval-${index}-error`;
                  const which = `${name} ${position + 1}`;
                  const edit = (key: "opens" | "closes") => (value: string) =>
                    update(weekday, (current) =>
                      current.map((other) =>
                        other.key === row.key ? { ...other, [key]: value } : other,
                      ),
                    );
                  return (
                    <div key={row.key} className="grid gap-1">
                      <div className="flex flex-wrap items-center gap-2">
                        <Input
                          type="time"
                          step={300}
                          className="w-32"
                          aria-label={`${which} starts`}
                          aria-invalid={Boolean(problem)}
                          aria-describedby={problem ? errorId : undefined}
                          disabled={!canEdit}
                          value={row.opens}
                          onChange={(event) => edit("opens")(event.target.value)}
                        />
                        <span aria-hidden>–</span>
                        <Input
                          type="time"
                          step={300}
                          className="w-32"
                          aria-label={`${which} ends`}
                          aria-invalid={Boolean(problem)}
                          aria-describedby={problem ? errorId : undefined}
                          disabled={!canEdit}
                          value={row.closes}
                          onChange={(event) => edit("closes")(event.target.value)}
                        />
                        {canEdit ? (
                          <Button
                            type="button"
                            size="icon-sm"
                            variant="ghost"
                            aria-label={`Remove ${name} ${row.opens}–${row.closes}`}
                            onClick={() =>
                              update(weekday, (current) =>
                                current.filter((other) => other.key !== row.key),
                              )
                            }
                          >
                            <X aria-hidden />
                          </Button>
                        ) : null}
                      </div>
                      {problem ? (
                        <p id={errorId} className="text-destructive text-sm">
                          {problem}
                        </p>
                      ) : null}
                    </div>
                  );
                })}
                {canEdit ? (
                  <div>
                    <Button
                      type="button"
                      size="sm"
                      variant="ghost"
                      aria-label={`Add hours on ${name}`}
                      onClick={() => add(weekday)}
                    >
                      <Plus aria-hidden /> Add hours
                    </Button>
                  </div>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
      {form.fieldErrors.intervals ? (
        <p className="text-destructive text-sm">{form.fieldErrors.intervals}</p>
      ) : null}
      <FormMessage error={form.error} saved={form.saved} />
      {canEdit ? (
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={form.pending}>
            {clinic ? "Save opening hours" : "Save weekly hours"}
          </Button>
          <Button type="button" variant="outline" onClick={copyMonday}>
            <Copy aria-hidden /> Copy Monday to Tuesday–Friday
          </Button>
        </div>
      ) : null}
    </form>
  );
}
