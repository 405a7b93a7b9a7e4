import { randomUUID } from "node:crypto";
import type { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ownerClient } from "../helpers/db";
import { upgradeDatabase, type UpgradeDatabase } from "../helpers/upgrade";

/**
 * The bookings migration's data step on an upgraded database: a clinic as it was on the fixed
 * grid (`slots` open, held, booked and blocked; `bookings` pending, confirmed and cancelled)
 * moves onto reservations. Runs in a throw-away database on the same server, as the config
 * migration's upgrade test does (tests/integration/diary-config.test.ts): the shim, the
 * migrations up to the diary's configuration, old-style rows, then the bookings migration.
 */
const BOOKINGS_MIGRATION = "20261130000200";
let db: Client;
let scratch: UpgradeDatabase;
let upgrade: Client;

beforeAll(async () => {
  db = await ownerClient();
  scratch = await upgradeDatabase(db, "bookings");
  upgrade = scratch.client;
});
afterAll(async () => {
  await scratch?.drop();
  await db?.end();
});

describe("upgrading to the diary's bookings", () => {
  it("turns booked and blocked slots into reservations and gives bookings their practitioner, time and type", async () => {
    const bookingsFile = await scratch.migrateBefore(BOOKINGS_MIGRATION);

    // A clinic on the grid, with a procedure that has a consultation type (made by the config
    // migration's data step, so inserted here as the config tables now stand) and one without.
    const clinicId = randomUUID();
    await upgrade.query(
      `insert into public.clinics (id, slug, name, timezone, phone_number)
       values ($1, 'grid-clinic', 'Grid Clinic', 'Europe/London', '+15550000010')`,
      [clinicId],
    );
    const people = await upgrade.query<{ id: string; name: string }>(
      `insert into public.practitioners (clinic_id, name) values ($1, 'Dr Grey'), ($1, 'Dr Lane') returning id, name`,
      [clinicId],
    );
    const pid = Object.fromEntries(people.rows.map((row) => [row.name, row.id])) as Record<
      string,
      string
    >;
    const procs = await upgrade.query<{ id: string; name: string }>(
      `insert into public.procedures (clinic_id, name) values ($1, 'Facelift'), ($1, 'Peel') returning id, name`,
      [clinicId],
    );
    const proc = Object.fromEntries(procs.rows.map((row) => [row.name, row.id])) as Record<
      string,
      string
    >;
    const type = await upgrade.query<{ id: string }>(
      `insert into public.appointment_types (clinic_id, procedure_id, kind, name, duration_minutes)
       values ($1, $2, 'consultation', 'Facelift consultation', 30) returning id`,
      [clinicId, proc.Facelift],
    );
    const consultationId = type.rows[0]!.id;
    const call = await upgrade.query<{ id: string }>(
      `insert into public.calls (clinic_id, vapi_call_id, state) values ($1, 'old-call-1', 'idle') returning id`,
      [clinicId],
    );
    const callId = call.rows[0]!.id;

    // One slot of each status, a booked slot whose only booking was cancelled (its time stays
    // taken, as a block), and a slot whose booking was cancelled and the slot reopened.
    const slot = async (practitioner: string, startsAt: string, status: string) =>
      (
        await upgrade.query<{ id: string }>(
          `insert into public.slots (clinic_id, practitioner_id, starts_at, ends_at, status, held_by_call, held_until)
           values ($1, $2, $3::timestamptz, $3::timestamptz + interval '30 minutes', $4,
                   case when $4 = 'held' then $5::uuid end,
                   case when $4 = 'held' then now() + interval '90 seconds' end)
           returning id`,
          [clinicId, practitioner, startsAt, status, callId],
        )
      ).rows[0]!.id;
    await slot(pid["Dr Grey"]!, "2027-01-04T09:00:00Z", "open");
    await slot(pid["Dr Grey"]!, "2027-01-04T09:30:00Z", "held");
    const bookedPending = await slot(pid["Dr Grey"]!, "2027-01-04T10:00:00Z", "booked");
    const bookedConfirmed = await slot(pid["Dr Lane"]!, "2027-01-04T10:00:00Z", "booked");
    await slot(pid["Dr Lane"]!, "2027-01-04T11:00:00Z", "blocked");
    const bookedOrphan = await slot(pid["Dr Lane"]!, "2027-01-04T12:00:00Z", "booked");
    const reopened = await slot(pid["Dr Grey"]!, "2027-01-04T13:00:00Z", "open");
    // A slot booked again after its first booking was cancelled: one live booking, one cancelled.
    const rebooked = await slot(pid["Dr Grey"]!, "2027-01-04T14:00:00Z", "booked");

    const booking = async (slotId: string, status: string, procedureId: string | null) =>
      (
        await upgrade.query<{ id: string }>(
          `insert into public.bookings (clinic_id, slot_id, call_id, procedure_id, patient_name, patient_phone, status,
                                        confirmed_at, cancelled_at, cancel_reason)
           values ($1, $2, $3, $4, 'Old Patient', '+447700900000', $5,
                   case when $5 = 'confirmed' then now() end,
                   case when $5 = 'cancelled' then now() end,
                   case when $5 = 'cancelled' then 'Changed their mind' end)
           returning id`,
          [clinicId, slotId, callId, procedureId, status],
        )
      ).rows[0]!.id;
    const pending = await booking(bookedPending, "pending", proc.Facelift!);
    const confirmed = await booking(bookedConfirmed, "confirmed", proc.Peel!);
    const cancelledOrphan = await booking(bookedOrphan, "cancelled", proc.Facelift!);
    const cancelledReopened = await booking(reopened, "cancelled", null);
    const cancelledFirst = await booking(rebooked, "cancelled", proc.Facelift!);
    const rebookedLive = await booking(rebooked, "confirmed", proc.Facelift!);

    await scratch.apply(bookingsFile);

    // Every booking, cancelled ones too, carries its slot's practitioner and time, and the
    // procedure's consultation type where there is one.
    const bookings = await upgrade.query(
      `select id, status, practitioner_id, starts_at, ends_at, appointment_type_id, source
         from public.bookings order by starts_at, status`,
    );
    const iso = (value: string) => new Date(value);
    const half = (value: string) => new Date(Date.parse(value) + 30 * 60_000);
    expect(bookings.rows).toEqual([
      {
        id: confirmed,
        status: "confirmed",
        practitioner_id: pid["Dr Lane"],
        starts_at: iso("2027-01-04T10:00:00Z"),
        ends_at: half("2027-01-04T10:00:00Z"),
        appointment_type_id: null, // Peel has no consultation type
        source: "assistant",
      },
      {
        id: pending,
        status: "pending",
        practitioner_id: pid["Dr Grey"],
        starts_at: iso("2027-01-04T10:00:00Z"),
        ends_at: half("2027-01-04T10:00:00Z"),
        appointment_type_id: consultationId,
        source: "assistant",
      },
      {
        id: cancelledOrphan,
        status: "cancelled",
        practitioner_id: pid["Dr Lane"],
        starts_at: iso("2027-01-04T12:00:00Z"),
        ends_at: half("2027-01-04T12:00:00Z"),
        appointment_type_id: consultationId,
        source: "assistant",
      },
      {
        id: cancelledReopened,
        status: "cancelled",
        practitioner_id: pid["Dr Grey"],
        starts_at: iso("2027-01-04T13:00:00Z"),
        ends_at: half("2027-01-04T13:00:00Z"),
        appointment_type_id: null,
        source: "assistant",
      },
      {
        id: cancelledFirst,
        status: "cancelled",
        practitioner_id: pid["Dr Grey"],
        starts_at: iso("2027-01-04T14:00:00Z"),
        ends_at: half("2027-01-04T14:00:00Z"),
        appointment_type_id: consultationId,
        source: "assistant",
      },
      {
        id: rebookedLive,
        status: "confirmed",
        practitioner_id: pid["Dr Grey"],
        starts_at: iso("2027-01-04T14:00:00Z"),
        ends_at: half("2027-01-04T14:00:00Z"),
        appointment_type_id: consultationId,
        source: "assistant",
      },
    ]);

    // Booked slots with a live booking became appointments of that booking; a blocked slot and
    // a booked slot without a live booking became blocks; open and held slots left nothing.
    const reservations = await upgrade.query(
      `select kind, practitioner_id, resource_id, starts_at, ends_at, lower(occupied) as occupied_start,
              upper(occupied) as occupied_end, booking_id, call_id, held_until, reason
         from public.reservations order by starts_at, practitioner_id`,
    );
    const reservation = (
      kind: string,
      practitioner: string,
      startsAt: string,
      extra: { booking_id?: string; call_id?: string; reason?: string },
    ) => ({
      kind,
      practitioner_id: pid[practitioner],
      resource_id: null,
      starts_at: iso(startsAt),
      ends_at: half(startsAt),
      occupied_start: iso(startsAt),
      occupied_end: half(startsAt),
      booking_id: extra.booking_id ?? null,
      call_id: extra.call_id ?? null,
      held_until: null,
      reason: extra.reason ?? null,
    });
    const expected = [
      reservation("appointment", "Dr Grey", "2027-01-04T10:00:00Z", {
        booking_id: pending,
        call_id: callId,
      }),
      reservation("appointment", "Dr Lane", "2027-01-04T10:00:00Z", {
        booking_id: confirmed,
        call_id: callId,
      }),
      reservation("block", "Dr Lane", "2027-01-04T11:00:00Z", { reason: "Blocked" }),
      reservation("block", "Dr Lane", "2027-01-04T12:00:00Z", {
        reason: "Booked (no appointment record)",
      }),
      reservation("appointment", "Dr Grey", "2027-01-04T14:00:00Z", {
        booking_id: rebookedLive,
        call_id: callId,
      }),
    ].sort(
      (a, b) =>
        a.starts_at.getTime() - b.starts_at.getTime() ||
        (String(a.practitioner_id) < String(b.practitioner_id) ? -1 : 1),
    );
    expect(reservations.rows).toEqual(expected);

    // Cancelled bookings hold no time.
    const cancelledHolding = await upgrade.query(
      `select count(*)::int as n from public.reservations r join public.bookings b on b.id = r.booking_id
        where b.status = 'cancelled'`,
    );
    expect(cancelledHolding.rows[0].n).toBe(0);

    // Nothing double-booked: no two reservations of a practitioner overlap, and no offer or
    // slot booked twice (read from the data, not the constraints).
    const overlapping = await upgrade.query(
      `select count(*)::int as n from public.reservations a join public.reservations b
         on a.id < b.id and a.occupied && b.occupied
        and (a.practitioner_id = b.practitioner_id or a.resource_id = b.resource_id)`,
    );
    expect(overlapping.rows[0].n).toBe(0);

    // The grid is gone, and the new model works on the migrated data: the exclusion
    // constraint refuses a block over the migrated appointment.
    const slotsTable = await upgrade.query("select to_regclass('public.slots') as t");
    expect(slotsTable.rows[0].t).toBeNull();
    await expect(
      upgrade.query(
        `insert into public.reservations (clinic_id, kind, practitioner_id, starts_at, ends_at, occupied, reason)
         values ($1, 'block', $2, '2027-01-04T10:15:00Z', '2027-01-04T10:45:00Z',
                 tstzrange('2027-01-04T10:15:00Z', '2027-01-04T10:45:00Z'), 'Meeting')`,
        [clinicId, pid["Dr Grey"]],
      ),
    ).rejects.toMatchObject({ code: "23P01" });
  });
});
