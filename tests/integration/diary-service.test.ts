import { DateTime } from "luxon";
import type { Client } from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { AppError } from "@/lib/api/errors";
import type { Claims } from "@/lib/auth/claims";
import { closePool } from "@/lib/db/pool";
import { blockTime, removeBlock } from "@/lib/diary/blocks";
import {
  bookAppointment,
  cancelAppointment,
  getAvailability,
  getDiary,
  moveAppointment,
  setAppointmentStatus,
} from "@/lib/diary/service";

import { addStaff, createClinic, localDate, type TestClinic } from "../helpers/clinic";
import { claimsFor, ownerClient } from "../helpers/db";
import { AUTH_JWT_SECRET } from "./global-setup";

const member = (sub: string): Claims => ({ ...claimsFor(sub), role: "authenticated" });

// The diary's staff service against the real database, in a clinic of this file's own: two
// practitioners working 09:00–17:00 every day, a laser room, "Laser resurfacing" (60 min + 15 min
// clean-up, in the room) done by the first only, and "Peel" (30 min, in the same room) by the
// second. Every refused write must leave nothing behind.
let db: Client;
let clinic: TestClinic;
let receptionist: Claims;
let stranger: Claims;
let laser: string;
let peel: string;
let room: string;
let [first, second] = ["", ""];
let day2 = "";

/** An ISO instant for clinic-local `time` on `date`. */
const at = (date: string, time: string) =>
  DateTime.fromISO(`${date}T${time}`, { zone: clinic.timezone }).toUTC().toISO()!;

async function counts() {
  const { rows } = await db.query(
    `select (select count(*)::int from public.bookings where clinic_id = $1) as bookings,
            (select count(*)::int from public.reservations where clinic_id = $1) as reservations`,
    [clinic.id],
  );
  return rows[0] as { bookings: number; reservations: number };
}

/** The AppError `write` is refused with; and that nothing was stored. */
async function refused(write: () => Promise<unknown>) {
  const before = await counts();
  const error = await write().then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect(await counts()).toEqual(before);
  return error as AppError;
}

beforeAll(async () => {
  // lib/db reads its configuration through lib/env: point it at the integration database.
  process.env.DATABASE_URL = inject("databaseUrl");
  process.env.AUTH_JWT_SECRET = AUTH_JWT_SECRET;
  db = await ownerClient();
  clinic = await createClinic(db, { name: "Diary Service Clinic", practitioners: 2 });
  [first, second] = clinic.practitionerIds as [string, string];
  receptionist = member(await addStaff(db, [{ clinic, role: "receptionist" }]));
  stranger = member(await addStaff(db, [{ clinic: await createClinic(db), role: "admin" }]));
  await db.query(
    `insert into public.working_hours (clinic_id, practitioner_id, weekday, opens, closes)
     select $1, p, d, '09:00', '17:00' from unnest($2::uuid[]) p, generate_series(1, 7) d`,
    [clinic.id, clinic.practitionerIds],
  );
  const ids = await db.query(
    `with room as (insert into public.resources (clinic_id, name, kind) values ($1, 'Laser room', 'room') returning id),
          laser as (insert into public.appointment_types (clinic_id, procedure_id, kind, name, duration_minutes, buffer_after_minutes, resource_id)
                    select $1, $2, 'treatment', 'Laser resurfacing', 60, 15, room.id from room returning id),
          peel as (insert into public.appointment_types (clinic_id, procedure_id, kind, name, duration_minutes, resource_id)
                   select $1, $2, 'review', 'Peel', 30, room.id from room returning id),
          who as (insert into public.appointment_type_practitioners (clinic_id, appointment_type_id, practitioner_id)
                  select $1, laser.id, $3::uuid from laser union all select $1, peel.id, $4::uuid from peel returning 1)
     select room.id as room, laser.id as laser, peel.id as peel from room, laser, peel, (select count(*) from who) w`,
    [clinic.id, clinic.procedureId, first, second],
  );
  ({ room, laser, peel } = ids.rows[0]);
  day2 = await localDate(db, clinic, 2);
});
afterAll(async () => {
  await db.end();
  await closePool();
});

describe("booking by hand", () => {
  it("books a free time, confirmed, holding the practitioner and the room with the clean-up", async () => {
    const { bookingId } = await bookAppointment(receptionist, clinic.id, {
      typeId: laser,
      practitionerId: first,
      start: at(day2, "09:00"),
      patientName: "  Ada Lovelace ",
      patientPhone: "+44 7700 900123",
      notes: "Walk-in",
    });
    const { rows } = await db.query(
      `select b.status, b.source, b.patient_name, b.patient_phone, b.resource_id, r.kind,
              lower(r.occupied) = b.starts_at as from_start, upper(r.occupied) - b.ends_at as clean_up
         from public.bookings b join public.reservations r on r.booking_id = b.id where b.id = $1`,
      [bookingId],
    );
    expect(rows[0]).toEqual({
      status: "confirmed",
      source: "staff",
      patient_name: "Ada Lovelace",
      patient_phone: "+447700900123",
      resource_id: room,
      kind: "appointment",
      from_start: true,
      clean_up: { minutes: 15 },
    });
    // The diary shows it, and availability no longer offers anything overlapping it.
    const diary = await getDiary(receptionist, clinic.id, {
      from: at(day2, "00:00"),
      to: at(day2, "23:59"),
    });
    expect(diary.entries).toEqual([
      expect.objectContaining({ kind: "appointment", bookingId, patientName: "Ada Lovelace" }),
    ]);
    expect(diary.workingIntervals.filter((i) => i.practitionerId === first)).toHaveLength(1);
    const free = await getAvailability(receptionist, clinic.id, {
      typeId: laser,
      from: at(day2, "00:00"),
      to: at(day2, "23:59"),
    });
    expect(free[0]!.start).toBe(new Date(at(day2, "10:15")).toISOString());
  });

  it("refuses, with a sentence and nothing stored, every time the diary does not allow", async () => {
    const book = (input: Partial<Parameters<typeof bookAppointment>[2]>) => () =>
      bookAppointment(receptionist, clinic.id, {
        typeId: laser,
        practitionerId: first,
        start: at(day2, "13:00"),
        patientName: "Grace Hopper",
        patientPhone: null,
        ...input,
      });
    const overlap = await refused(book({ start: at(day2, "09:30") }));
    expect(overlap.code).toBe("conflict");
    expect(overlap.message).toMatch(/^Dr Test 1 already has an appointment at 09:00 on /);
    // The room is taken by the laser until 10:15 (clean-up included).
    const roomTaken = await refused(
      book({ typeId: peel, practitionerId: second, start: at(day2, "10:00") }),
    );
    expect(roomTaken).toMatchObject({ code: "conflict" });
    expect(roomTaken.message).toMatch(/^Laser room is already in use at 09:00/);
    expect(await refused(book({ start: at(day2, "16:30") }))).toMatchObject({
      code: "invalid",
      message: expect.stringMatching(/outside Dr Test 1's working hours/),
    });
    expect(await refused(book({ practitionerId: second }))).toMatchObject({
      code: "invalid",
      message: "Dr Test 2 does not perform Laser resurfacing.",
    });
    expect(
      await refused(book({ start: new Date(Date.now() - 3_600_000).toISOString() })),
    ).toMatchObject({ code: "invalid", message: "That time has already passed." });
    expect(
      await refused(book({ start: at(await localDate(db, clinic, 120), "10:00") })),
    ).toMatchObject({
      code: "invalid",
      message: expect.stringMatching(/too far ahead: .* up to 60 days/),
    });
    expect(await refused(book({ patientName: " " }))).toMatchObject({ code: "invalid" });
    expect(await refused(book({ patientPhone: "call me" }))).toMatchObject({ code: "invalid" });
    expect(await refused(book({ start: "tomorrow at ten" }))).toMatchObject({ code: "invalid" });
    const day5 = await localDate(db, clinic, 5);
    await db.query(
      "insert into public.clinic_closures (clinic_id, starts_on, ends_on, reason) values ($1, $2, $2, 'Staff training')",
      [clinic.id, day5],
    );
    expect(await refused(book({ start: at(day5, "10:00") }))).toMatchObject({
      code: "invalid",
      message: expect.stringMatching(/^The clinic is closed on /),
    });
    // Not a member of this clinic: nothing to see, nothing booked.
    expect(
      await refused(() =>
        bookAppointment(stranger, clinic.id, {
          typeId: laser,
          practitionerId: first,
          start: at(day2, "13:00"),
          patientName: "Eve",
          patientPhone: null,
        }),
      ),
    ).toMatchObject({ code: "not_found" });
  });
});

describe("moving, cancelling and the lifecycle", () => {
  it("moves within its own time, refuses a taken one, and walks pending-free statuses with a reason to cancel", async () => {
    const day3 = await localDate(db, clinic, 3);
    const { bookingId } = await bookAppointment(receptionist, clinic.id, {
      typeId: laser,
      practitionerId: first,
      start: at(day3, "11:00"),
      patientName: "Alan Turing",
      patientPhone: null,
    });
    const other = await bookAppointment(receptionist, clinic.id, {
      typeId: laser,
      practitionerId: first,
      start: at(day3, "14:00"),
      patientName: "Katherine Johnson",
      patientPhone: null,
    });
    // 15 minutes later overlaps only itself: allowed.
    await moveAppointment(receptionist, clinic.id, {
      bookingId,
      practitionerId: first,
      start: at(day3, "11:15"),
    });
    const moved = await db.query(
      "select b.starts_at, lower(r.occupied) as occupied_start from public.bookings b join public.reservations r on r.booking_id = b.id where b.id = $1",
      [bookingId],
    );
    expect(moved.rows[0].starts_at.toISOString()).toBe(new Date(at(day3, "11:15")).toISOString());
    expect(moved.rows[0].occupied_start.toISOString()).toBe(
      new Date(at(day3, "11:15")).toISOString(),
    );
    const onto = await refused(() =>
      moveAppointment(receptionist, clinic.id, {
        bookingId,
        practitionerId: first,
        start: at(day3, "13:30"),
      }),
    );
    expect(onto.message).toMatch(/^Dr Test 1 already has an appointment at 14:00/);

    expect(
      await refused(() => cancelAppointment(receptionist, clinic.id, { bookingId, reason: " " })),
    ).toMatchObject({ code: "invalid" });
    await setAppointmentStatus(receptionist, clinic.id, {
      bookingId: other.bookingId,
      status: "arrived",
    });
    await setAppointmentStatus(receptionist, clinic.id, {
      bookingId: other.bookingId,
      status: "completed",
    });
    await expect(
      cancelAppointment(receptionist, clinic.id, {
        bookingId: other.bookingId,
        reason: "Too late",
      }),
    ).rejects.toMatchObject({ code: "invalid", message: expect.stringMatching(/completed/) });
    await cancelAppointment(receptionist, clinic.id, { bookingId, reason: "Patient unwell" });
    const after = await db.query(
      `select b.status, b.cancel_reason, b.cancelled_by, (select count(*)::int from public.reservations r where r.booking_id = b.id) as held
         from public.bookings b where b.id = $1`,
      [bookingId],
    );
    expect(after.rows[0]).toEqual({
      status: "cancelled",
      cancel_reason: "Patient unwell",
      cancelled_by: receptionist.sub,
      held: 0,
    });
    const audit = await db.query(
      "select changes from public.audit_log where row_id = $1 and table_name = 'bookings' order by id",
      [bookingId],
    );
    expect(JSON.stringify(audit.rows)).not.toMatch(/Alan Turing/);
    expect(audit.rows.some((row) => row.changes.status?.new === "cancelled")).toBe(true);
  });

  it("blocks time, refuses a block over an appointment or ending before it starts, and removes it", async () => {
    const day4 = await localDate(db, clinic, 4);
    const { blockId } = await blockTime(receptionist, clinic.id, {
      practitionerId: null,
      resourceId: room,
      start: at(day4, "09:00"),
      end: at(day4, "12:00"),
      reason: "Laser service",
    });
    expect(
      await refused(() =>
        bookAppointment(receptionist, clinic.id, {
          typeId: peel,
          practitionerId: second,
          start: at(day4, "11:00"),
          patientName: "Mary Jackson",
          patientPhone: null,
        }),
      ),
    ).toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/^Laser room is already in use/),
    });
    expect(
      await refused(() =>
        blockTime(receptionist, clinic.id, {
          practitionerId: first,
          resourceId: null,
          start: at(day4, "10:00"),
          end: at(day4, "09:00"),
          reason: "",
        }),
      ),
    ).toMatchObject({ code: "invalid", message: "The end must be after the start." });
    expect(
      await refused(() =>
        blockTime(receptionist, clinic.id, {
          practitionerId: null,
          resourceId: room,
          start: at(day4, "11:30"),
          end: at(day4, "13:00"),
          reason: "Overlapping",
        }),
      ),
    ).toMatchObject({ code: "conflict" });
    await removeBlock(receptionist, clinic.id, { blockId });
    await expect(removeBlock(receptionist, clinic.id, { blockId })).rejects.toMatchObject({
      code: "not_found",
    });
    await bookAppointment(receptionist, clinic.id, {
      typeId: peel,
      practitionerId: second,
      start: at(day4, "11:00"),
      patientName: "Mary Jackson",
      patientPhone: null,
    });
  });
});
