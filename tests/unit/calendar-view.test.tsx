import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";

import type { DiaryView } from "@/types/diary";
import { toCalendarEvents } from "@/components/diary/calendar-model";
import { clinicLocalizer, DiaryCalendar } from "@/components/diary/diary-calendar";

// The browser's zone is not the clinic's: the calendar must draw in the clinic's.
beforeAll(() => {
  process.env.TZ = "Asia/Tokyo";
});
afterEach(cleanup);

const DR = "11111111-1111-4111-8111-111111111111";
const NURSE = "22222222-2222-4222-8222-222222222222";
const view: DiaryView = {
  timeZone: "America/New_York",
  practitioners: [
    { id: DR, name: "Dr Okafor", title: "Surgeon" },
    { id: NURSE, name: "Sam Reid", title: "Nurse injector" },
  ],
  resources: [],
  appointmentTypes: [],
  // 09:00–13:00 New York (UTC-5 in December).
  workingIntervals: [
    { practitionerId: DR, start: "2026-12-07T14:00:00.000Z", end: "2026-12-07T18:00:00.000Z" },
  ],
  closures: [],
  entries: [
    {
      kind: "appointment",
      id: "r1",
      bookingId: "b1",
      practitionerId: DR,
      resourceId: null,
      start: "2026-12-07T15:00:00.000Z",
      end: "2026-12-07T16:00:00.000Z",
      occupiedStart: "2026-12-07T15:00:00.000Z",
      occupiedEnd: "2026-12-07T16:00:00.000Z",
      status: "pending",
      typeId: null,
      typeName: "Consultation",
      procedureName: "Facelift",
      patientName: "Ada Lovelace",
      patientPhone: null,
      source: "assistant",
      callId: null,
      notes: "",
    },
  ],
};

describe("the diary calendar", () => {
  it("does its date math in the clinic's zone, not the browser's", () => {
    const localizer = clinicLocalizer("America/New_York");
    // 03:00Z on the 8th is Tokyo's noon on the 8th but still the 7th in New York.
    const at = new Date("2026-12-08T03:00:00.000Z");
    expect(localizer.startOf(at, "day").toISOString()).toBe("2026-12-07T05:00:00.000Z");
    expect(localizer.format(at, "HH:mm")).toBe("22:00");
    expect(localizer.getTimezoneOffset(at)).toBe(300);
  });

  it("draws columns per practitioner, events at clinic time, and greys non-working time", () => {
    const onOpen = vi.fn();
    const { container } = render(
      <DiaryCalendar
        view={view}
        events={toCalendarEvents(view, { mode: "practitioner", now: 0 })}
        calendarView="day"
        mode="practitioner"
        columns={[
          { id: DR, title: "Dr Okafor" },
          { id: NURSE, title: "Sam Reid" },
        ]}
        date={new Date("2026-12-07T17:00:00.000Z")}
        onOpen={onOpen}
        onSelectRange={() => undefined}
        onDrop={() => undefined}
      />,
    );
    expect(screen.getAllByTestId("diary-column").map((c) => c.textContent)).toEqual([
      "Dr Okafor",
      "Sam Reid",
    ]);
    const event = screen.getByRole("button", { name: /Ada Lovelace/ });
    expect(event.textContent).toMatch(/^10:00–11:00/);
    expect(within(event).getByTestId("diary-appointment").dataset.status).toBe("pending");
    expect(event.className).toContain("diary-status--pending");
    expect(event.tabIndex).toBe(0);

    // The grid starts at 08:00 clinic time; the doctor works 09:00–13:00, the nurse not at all.
    expect(container.querySelector(".rbc-time-gutter .rbc-label")?.textContent).toBe("08:00");
    const columns = container.querySelectorAll(".rbc-day-slot");
    const greyed = (column: Element) =>
      [...column.querySelectorAll(".rbc-time-slot")].map((slot) =>
        slot.classList.contains("diary-off"),
      );
    const doctor = greyed(columns[0]!);
    // 15-minute slots from 08:00: 08:00–09:00 off, 09:00–13:00 on, after 13:00 off.
    expect(doctor.slice(0, 4)).toEqual([true, true, true, true]);
    expect(doctor.slice(4, 20).every((off) => !off)).toBe(true);
    expect(doctor[20]).toBe(true);
    expect(greyed(columns[1]!).every(Boolean)).toBe(true);
  });

  it("greys one practitioner's week by their own hours (no columns: a null resource)", () => {
    const { container } = render(
      <DiaryCalendar
        view={view}
        events={toCalendarEvents(view, { mode: "practitioner", focusId: DR, now: 0 })}
        calendarView="week"
        mode="practitioner"
        focusId={DR}
        date={new Date("2026-12-07T17:00:00.000Z")}
        onOpen={() => undefined}
        onSelectRange={() => undefined}
        onDrop={() => undefined}
      />,
    );
    expect(container.querySelectorAll(".rbc-header")[0]?.textContent).toBe("Mon 7");
    const days = container.querySelectorAll(".rbc-day-slot");
    expect(days).toHaveLength(7);
    const working = (day: Element) =>
      [...day.querySelectorAll(".rbc-time-slot")].filter((s) => !s.classList.contains("diary-off"))
        .length;
    // Monday 09:00–13:00 is 16 quarter hours; the rest of the week has no hours in this view.
    expect(working(days[0]!)).toBe(16);
    expect(working(days[1]!)).toBe(0);
    expect(screen.getByRole("button", { name: /Ada Lovelace/ }).textContent).toMatch(/^10:00/);
  });

  it("hatches a closure day in every column", () => {
    const closed = {
      ...view,
      closures: [{ startsOn: "2026-12-07", endsOn: "2026-12-07", reason: "Training" }],
    };
    const { container } = render(
      <DiaryCalendar
        view={closed}
        events={[]}
        calendarView="day"
        mode="practitioner"
        columns={[{ id: DR, title: "Dr Okafor" }]}
        date={new Date("2026-12-07T17:00:00.000Z")}
        onOpen={() => undefined}
        onSelectRange={() => undefined}
        onDrop={() => undefined}
      />,
    );
    const slots = [...container.querySelectorAll(".rbc-day-slot .rbc-time-slot")];
    expect(slots.length).toBeGreaterThan(0);
    expect(slots.every((slot) => slot.classList.contains("diary-closed"))).toBe(true);
  });
});
