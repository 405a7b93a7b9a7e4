"use client";

import { useQueryClient } from "@tanstack/react-query";
import { CalendarOff, ChevronLeft, ChevronRight, Lock, Plus } from "lucide-react";
import { useEffect, useMemo, useState, useTransition } from "react";

import { moveAppointment } from "@/lib/actions/diary";
import { formatDate } from "@/lib/format";
import { cn } from "@/lib/utils";
import { useDiary } from "@/hooks/use-diary";
import { diaryKey, useDiaryLive } from "@/hooks/use-diary-live";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { useClinicFormat } from "@/components/dashboard/clinic-format";
import { ConnectionIndicator } from "@/components/live/connection-indicator";
import { selectClass } from "@/components/procedures/field-styles";

import { BlockDialog, type BlockPrefill } from "./block-dialog";
import { BookDialog, type BookPrefill } from "./book-dialog";
import {
  columnsOf,
  dropTarget,
  fromLocalDate,
  localDate,
  nextHoldExpiry,
  stepDate,
  toCalendarEvents,
  visibleRange,
  type DiaryCalendarView,
  type DiaryEvent,
  type DiaryMode,
} from "./calendar-model";
import { DiaryCalendar } from "./diary-calendar";
import { EntryPanel } from "./entry-panel";
import { DiaryClockProvider } from "./event-content";

/**
 * The clinic's diary: a day with a column per practitioner (or per room), or a week of one
 * practitioner or room; live holds, appointments and blocks; booking, moving, cancelling and
 * blocking from here. Everything is in the clinic's time zone.
 */
export function Diary({
  clinicId,
  timeZone,
  initialDate,
  openBookingId,
}: {
  clinicId: string;
  timeZone: string;
  /** Clinic-local "YYYY-MM-DD" to open on (a link from the bookings list); today otherwise. */
  initialDate?: string;
  /** An appointment to open once the diary has loaded. */
  openBookingId?: string;
}) {
  const { clinic } = useClinicFormat();
  const queryClient = useQueryClient();
  const [calendarView, setCalendarView] = useState<DiaryCalendarView>("day");
  const [mode, setMode] = useState<DiaryMode>("practitioner");
  const [focus, setFocus] = useState<string>("");
  const [date, setDate] = useState(
    () => (initialDate && fromLocalDate(initialDate, timeZone)) || new Date(),
  );
  const [openId, setOpenId] = useState<string | null>(null);
  const [linked, setLinked] = useState(openBookingId);
  const [booking, setBooking] = useState<BookPrefill | null>(null);
  const [blocking, setBlocking] = useState<BlockPrefill | null>(null);
  const [selectionEnd, setSelectionEnd] = useState<Date | null>(null);
  const [dropError, setDropError] = useState<string>();
  const [, startTransition] = useTransition();

  const status = useDiaryLive(clinicId);
  const range = visibleRange(date, calendarView, timeZone);
  const { view, clockOffsetMs, isLoading, error } = useDiary(clinicId, range);
  const tz = view?.timeZone ?? timeZone;
  // Holds leave the calendar when their time is up (the server's release broadcast may still be
  // on its way): re-render at the next expiry, not every second.
  const [expiryTick, setExpiryTick] = useState(() => Date.now());
  const nextExpiry = nextHoldExpiry(view, expiryTick + clockOffsetMs);
  useEffect(() => {
    if (nextExpiry === null) return;
    const timer = setTimeout(
      () => setExpiryTick(Date.now()),
      nextExpiry - (Date.now() + clockOffsetMs) + 20,
    );
    return () => clearTimeout(timer);
  }, [nextExpiry, clockOffsetMs]);
  const now = expiryTick + clockOffsetMs;

  const columns = useMemo(() => (view ? columnsOf(view, mode) : []), [view, mode]);
  const focusId = calendarView === "week" ? focus || columns[0]?.id : undefined;
  // Events are rebuilt every second only for the countdown's sake; cheap (one pass).
  const events = useMemo(
    () => (view ? toCalendarEvents(view, { mode, focusId, now }) : []),
    [view, mode, focusId, now],
  );
  // The appointment a link asked for opens once, when it has loaded.
  if (linked && view) {
    const entry = view.entries.find((e) => e.kind === "appointment" && e.bookingId === linked);
    setLinked(undefined);
    if (entry) setOpenId(`${entry.kind}:${entry.id}`);
  }
  const openEntry = view?.entries.find((entry) => `${entry.kind}:${entry.id}` === openId) ?? null;

  // In the clinic's words (lib/format): "Tuesday 1 December 2026" / "Tuesday, December 1, 2026".
  const title =
    calendarView === "day"
      ? formatDate(date, { ...clinic, timezone: tz }, "long")
      : `Week of ${formatDate(range.from, { ...clinic, timezone: tz })}`;
  const closures =
    view?.closures.filter(
      (c) =>
        c.startsOn <= localDate(new Date(Date.parse(range.to) - 1), tz) &&
        c.endsOn >= localDate(new Date(range.from), tz),
    ) ?? [];

  const onDrop = (
    event: DiaryEvent,
    drop: { start: Date; resourceId?: string | number | null },
  ) => {
    if (event.entry.kind !== "appointment") return;
    const target = dropTarget(event.entry, drop, mode);
    if (!target.ok) return setDropError(target.error);
    const bookingId = event.entry.bookingId;
    startTransition(async () => {
      setDropError(undefined);
      const result = await moveAppointment({ bookingId, ...target });
      if (result.error || result.fieldErrors)
        setDropError(result.error ?? Object.values(result.fieldErrors ?? {})[0]);
      await queryClient.invalidateQueries({ queryKey: diaryKey(clinicId) });
    });
  };

  const focusLabel = mode === "practitioner" ? "Practitioner" : "Room";

  return (
    <DiaryClockProvider offsetMs={clockOffsetMs}>
      <div className="grid min-w-0 grid-cols-1 gap-4" data-testid="diary">
        <div className="flex flex-wrap items-end gap-x-4 gap-y-3" role="toolbar" aria-label="Diary">
          <div className="flex items-center gap-1">
            <Button variant="outline" size="sm" onClick={() => setDate(new Date())}>
              Today
            </Button>
            <Button
              variant="ghost"
              size="icon-sm"
              aria-label={calendarView === "day" ? "Previous day" : "Previous week"}
              onClick={() => setDate((d) => stepDate(d, calendarView, -1, tz))}
            >
              <ChevronLeft aria-hidden />
            </Button>
            <Button
              variant="ghost"
              size="icon-sm"
              aria-label={calendarView === "day" ? "Next day" : "Next week"}
              onClick={() => setDate((d) => stepDate(d, calendarView, 1, tz))}
            >
              <ChevronRight aria-hidden />
            </Button>
            <Label htmlFor="diary-date" className="sr-only">
              Date
            </Label>
            <Input
              id="diary-date"
              type="date"
              className="h-8 w-40"
              value={localDate(date, tz)}
              onChange={(e) => {
                const next = fromLocalDate(e.target.value, tz);
                if (next) setDate(next);
              }}
            />
          </div>

          <Segmented
            label="View"
            value={calendarView}
            options={[
              { value: "day", label: "Day" },
              { value: "week", label: "Week" },
            ]}
            onChange={(value) => setCalendarView(value as DiaryCalendarView)}
          />
          <Segmented
            label="Columns"
            value={mode}
            options={[
              { value: "practitioner", label: "Practitioners" },
              { value: "room", label: "Rooms" },
            ]}
            onChange={(value) => {
              setMode(value as DiaryMode);
              setFocus("");
            }}
          />
          {calendarView === "week" ? (
            <div className="grid gap-1">
              <Label htmlFor="diary-focus" className="text-muted-foreground text-xs">
                {focusLabel}
              </Label>
              <select
                id="diary-focus"
                className={cn(selectClass, "h-8 w-48")}
                value={focusId ?? ""}
                onChange={(e) => setFocus(e.target.value)}
              >
                {columns.map((column) => (
                  <option key={column.id} value={column.id}>
                    {column.title}
                  </option>
                ))}
              </select>
            </div>
          ) : null}

          <div className="ml-auto flex flex-wrap items-center justify-end gap-2">
            <ConnectionIndicator status={status} />
            <Button
              variant="outline"
              size="sm"
              disabled={!view}
              onClick={() => setBlocking({ date: localDate(date, tz) })}
            >
              <Lock aria-hidden /> Block time
            </Button>
            <Button
              size="sm"
              disabled={!view}
              onClick={() =>
                setBooking({
                  date: localDate(date, tz),
                  practitionerId: mode === "practitioner" ? focusId : undefined,
                })
              }
            >
              <Plus aria-hidden /> New appointment
            </Button>
          </div>
        </div>

        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 className="text-lg font-medium" data-testid="diary-title" aria-live="polite">
            {title}
          </h2>
          <p className="text-muted-foreground text-xs">Clinic time · {tz}</p>
        </div>

        {closures.map((closure) => (
          <Alert key={`${closure.startsOn}-${closure.endsOn}`} data-testid="diary-closure">
            <CalendarOff aria-hidden />
            <AlertDescription>
              Clinic closed{" "}
              {closure.startsOn === closure.endsOn
                ? closure.startsOn
                : `${closure.startsOn} to ${closure.endsOn}`}
              {closure.reason ? `: ${closure.reason}` : ""}
            </AlertDescription>
          </Alert>
        ))}
        {dropError ? (
          <Alert variant="destructive" role="alert" data-testid="diary-error">
            <AlertDescription>{dropError}</AlertDescription>
          </Alert>
        ) : null}
        {error ? (
          <Alert variant="destructive" role="alert">
            <AlertDescription>{error.message}</AlertDescription>
          </Alert>
        ) : null}

        {view ? (
          columns.length === 0 ? (
            <p className="text-muted-foreground rounded-lg border p-6 text-sm">
              {mode === "practitioner"
                ? "No practitioners yet. An admin adds them under Admin."
                : "No rooms or devices yet. An admin adds them under Admin."}
            </p>
          ) : (
            <DiaryCalendar
              view={view}
              events={events}
              calendarView={calendarView}
              mode={mode}
              columns={calendarView === "day" ? columns : undefined}
              focusId={focusId}
              date={date}
              onOpen={(event) => setOpenId(event.id)}
              onSelectRange={({ start, end, columnId }) => {
                const practitionerId = mode === "practitioner" ? (columnId ?? focusId) : undefined;
                setBooking({ date: localDate(start, tz), start, practitionerId });
                setBlocking(null);
                setSelectionEnd(end);
              }}
              onDrop={onDrop}
            />
          )
        ) : isLoading ? (
          <Skeleton className="h-[32rem] w-full" />
        ) : null}

        {view ? (
          <>
            <EntryPanel
              clinicId={clinicId}
              view={view}
              entry={openEntry}
              onClose={() => setOpenId(null)}
            />
            <BookDialog
              clinicId={clinicId}
              view={view}
              prefill={booking}
              onClose={() => setBooking(null)}
              onBlockInstead={(prefill) => {
                setBooking(null);
                setBlocking({ ...prefill, end: selectionEnd ?? undefined });
              }}
            />
            <BlockDialog
              clinicId={clinicId}
              view={view}
              prefill={blocking}
              onClose={() => setBlocking(null)}
            />
          </>
        ) : null}
      </div>
    </DiaryClockProvider>
  );
}

function Segmented({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange(value: string): void;
}) {
  return (
    <div className="grid gap-1">
      <span className="text-muted-foreground text-xs" id={`seg-${label}`}>
        {label}
      </span>
      <div
        className="bg-muted inline-flex rounded-md p-0.5"
        role="group"
        aria-labelledby={`seg-${label}`}
      >
        {options.map((option) => (
          <button
            key={option.value}
            type="button"
            aria-pressed={value === option.value}
            onClick={() => onChange(option.value)}
            className={cn(
              "focus-visible:ring-ring/50 rounded-[calc(var(--radius)-4px)] px-3 py-1 text-sm font-medium outline-none focus-visible:ring-[3px]",
              value === option.value
                ? "bg-background text-foreground shadow-xs"
                : "text-muted-foreground hover:text-foreground",
            )}
          >
            {option.label}
          </button>
        ))}
      </div>
    </div>
  );
}
