"use client";

import "react-big-calendar/lib/css/react-big-calendar.css";
import "react-big-calendar/lib/addons/dragAndDrop/styles.css";
import "./diary.css";

import { DateTime } from "luxon";
import { useCallback, useMemo } from "react";
import {
  Calendar,
  luxonLocalizer,
  Views,
  type Components,
  type SlotInfo,
  type View,
} from "react-big-calendar";
import withDragAndDrop, {
  type EventInteractionArgs,
} from "react-big-calendar/lib/addons/dragAndDrop";

import type { DiaryView } from "@/types/diary";
import { cn } from "@/lib/utils";

import {
  canMove,
  closureOn,
  gridHours,
  isWorkingTime,
  localTime,
  type DiaryCalendarView,
  type DiaryColumn,
  type DiaryEvent,
  type DiaryMode,
} from "./calendar-model";
import { DiaryEventContent } from "./event-content";

const DnDCalendar = withDragAndDrop<DiaryEvent, DiaryColumn>(Calendar);
const STEP_MINUTES = 15;

/**
 * react-big-calendar's luxon localizer does all its date math through `DateTime.fromJSDate`
 * (plus `local`, `min`, `max`), in luxon's default zone, i.e. the browser's. Handing it a
 * DateTime whose constructors place every instant in the clinic's zone makes the grid, the
 * headers, "today" and drag-and-drop work in clinic time whatever the browser's zone is, without
 * touching luxon's global Settings (which would leak into other pages, and between requests on
 * the server).
 */
export function clinicLocalizer(timeZone: string) {
  const zoned = {
    fromJSDate: (date: Date) => DateTime.fromJSDate(date, { zone: timeZone }),
    local: () => DateTime.local({ zone: timeZone }),
    min: DateTime.min.bind(DateTime),
    max: DateTime.max.bind(DateTime),
  };
  const localizer = luxonLocalizer(zoned as unknown as typeof DateTime, { firstDayOfWeek: 1 });
  // Three methods the luxon localizer leaves to native Date (the browser's zone): the UTC offset
  // (TimeGutter's and TimeSlots' DST corrections) and "is this a date without a time".
  const offset = (date: Date) => -DateTime.fromJSDate(date, { zone: timeZone }).offset;
  const midnight = (date: Date) => {
    const local = DateTime.fromJSDate(date, { zone: timeZone });
    return +local === +local.startOf("day");
  };
  return Object.assign(localizer, {
    getTimezoneOffset: offset,
    getDstOffset: (start: Date, end: Date) => offset(start) - offset(end),
    startAndEndAreDateOnly: (start: Date, end: Date) => midnight(start) && midnight(end),
  });
}

export interface DiaryCalendarProps {
  view: DiaryView;
  events: DiaryEvent[];
  calendarView: DiaryCalendarView;
  mode: DiaryMode;
  /** Day view: the columns. Week view: absent (one practitioner or room). */
  columns?: DiaryColumn[];
  /** Week view: the practitioner (mode "practitioner") or room shown. */
  focusId?: string;
  date: Date;
  onOpen(event: DiaryEvent): void;
  onSelectRange(range: { start: Date; end: Date; columnId?: string }): void;
  onDrop(event: DiaryEvent, drop: { start: Date; resourceId?: string | number | null }): void;
}

export function DiaryCalendar({
  view,
  events,
  calendarView,
  mode,
  columns,
  focusId,
  date,
  onOpen,
  onSelectRange,
  onDrop,
}: DiaryCalendarProps) {
  const tz = view.timeZone;
  const localizer = useMemo(() => clinicLocalizer(tz), [tz]);
  const { startHour, endHour } = gridHours(view);
  const dayStart = DateTime.fromJSDate(date, { zone: tz }).startOf("day");
  const min = dayStart.set({ hour: startHour }).toJSDate();
  const max =
    endHour >= 24
      ? dayStart.set({ hour: 23, minute: 59 }).toJSDate()
      : dayStart.set({ hour: endHour }).toJSDate();

  // Non-working time is greyed per practitioner column (per room: only closures).
  const slotPropGetter = useCallback(
    // Without columns (the week view) react-big-calendar passes a null resource.
    (slot: Date, resourceId?: string | number | null) => {
      const closed = closureOn(view, slot) !== null;
      const practitionerId =
        mode === "practitioner" ? (resourceId != null ? String(resourceId) : focusId) : null;
      const off =
        closed ||
        (practitionerId !== null &&
          practitionerId !== undefined &&
          !isWorkingTime(view, practitionerId, slot, STEP_MINUTES));
      return { className: cn(off && "diary-off", closed && "diary-closed") };
    },
    [view, mode, focusId],
  );

  const eventPropGetter = useCallback((event: DiaryEvent) => {
    const entry = event.entry;
    return {
      className: cn(
        "diary-event",
        `diary-event--${entry.kind}`,
        entry.kind === "appointment" && `diary-status--${entry.status}`,
      ),
    };
  }, []);

  const components = useMemo<Components<DiaryEvent, DiaryColumn>>(
    () => ({
      // Stable: countdowns tick through the DiaryClock context, not by re-rendering the calendar.
      event: ({ event }) => <DiaryEventContent event={event} />,
      resourceHeader: ({ resource }) => (
        <div className="grid py-1 leading-tight" data-testid="diary-column">
          <span className="truncate font-medium">{resource.title}</span>
          {resource.subtitle ? (
            <span className="text-muted-foreground truncate text-xs font-normal">
              {resource.subtitle}
            </span>
          ) : null}
        </div>
      ),
    }),
    [],
  );

  return (
    <div
      className={cn("diary-calendar", calendarView === "day" && "diary-calendar--day")}
      data-testid="diary-calendar"
    >
      <DnDCalendar
        localizer={localizer}
        events={events}
        date={date}
        view={calendarView as View}
        views={[Views.DAY, Views.WEEK]}
        onView={() => undefined}
        onNavigate={() => undefined}
        toolbar={false}
        min={min}
        max={max}
        scrollToTime={min}
        step={STEP_MINUTES}
        timeslots={4}
        resources={calendarView === "day" ? columns : undefined}
        resourceIdAccessor={(column) => column.id}
        resourceTitleAccessor={(column) => column.title}
        resourceAccessor={(event) => event.resourceId}
        tooltipAccessor={(event) => event.title}
        slotPropGetter={slotPropGetter}
        eventPropGetter={eventPropGetter}
        components={components}
        selectable
        onSelectSlot={(slot: SlotInfo) =>
          onSelectRange({
            start: slot.start,
            end: slot.end,
            columnId: slot.resourceId != null ? String(slot.resourceId) : undefined,
          })
        }
        onSelectEvent={(event) => onOpen(event)}
        onKeyPressEvent={(event, keyEvent) => {
          // Events are role="button" with tabIndex 0; their keydown arrives here.
          const { key } = keyEvent as React.KeyboardEvent<HTMLElement>;
          if (key === "Enter" || key === " ") {
            keyEvent.preventDefault();
            onOpen(event);
          }
        }}
        draggableAccessor={(event) =>
          event.entry.kind === "appointment" && canMove(event.entry.status)
        }
        resizable={false}
        onEventDrop={({ event, start, resourceId }: EventInteractionArgs<DiaryEvent>) =>
          onDrop(event, { start: new Date(start), resourceId })
        }
        dayLayoutAlgorithm="no-overlap"
        formats={{
          timeGutterFormat: "HH:mm",
          eventTimeRangeFormat: ({ start, end }) => `${localTime(start, tz)}–${localTime(end, tz)}`,
          selectRangeFormat: ({ start, end }) => `${localTime(start, tz)}–${localTime(end, tz)}`,
          dayFormat: "EEE d",
        }}
      />
    </div>
  );
}
