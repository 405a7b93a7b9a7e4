import type { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { addSlots, callTo, createClinic, localDate, type TestClinic } from "../helpers/clinic";
import { ownerClient } from "../helpers/db";

// The server keeps each clinic's schedule (weekly hours, practitioners, rooms, appointment types
// and who performs them) under a stamp the database replaces with every change to it
// (lib/diary/load.ts, private.diary_load). An admin's change must be what the very next
// check_availability sees: each change below is committed and asked about at once, no waiting.
let db: Client;
let clinic: TestClinic;
let day: string;
beforeAll(async () => {
  db = await ownerClient();
  clinic = await createClinic(db, { practitioners: 2 });
  day = await localDate(db, clinic, 2);
  await addSlots(db, clinic, { day: 2, times: ["09:00", "10:00"], practitioner: 0 });
  await addSlots(db, clinic, { day: 2, times: ["14:00", "15:00"], practitioner: 1 });
});
afterAll(async () => {
  await db.end();
});

/** What check_availability offers on the test's day, as "HH:MM practitioner". */
async function offered() {
  const call = callTo(clinic);
  await call.status("in-progress");
  const { result } = await call.tool("check_availability", {
    procedure: clinic.procedure,
    date: day,
  });
  await call.end("customer-ended-call");
  return result!.slots
    .filter((slot) => slot.start.startsWith(day))
    .map((slot) => `${slot.start.slice(11, 16)} ${slot.practitioner}`);
}

describe("the schedule the server keeps between calls", () => {
  it("is never older than the database: every change shows in the next answer", async () => {
    // Twice: the second answer comes from the kept schedule.
    const both = ["09:00 Dr Test 1", "10:00 Dr Test 1", "14:00 Dr Test 2", "15:00 Dr Test 2"];
    expect(await offered()).toEqual(both);
    expect(await offered()).toEqual(both);

    // A practitioner renamed (practitioners).
    await db.query("update public.practitioners set name = 'Dr Ada Moss' where id = $1", [
      clinic.practitionerIds[1],
    ]);
    expect(await offered()).toEqual([
      "09:00 Dr Test 1",
      "10:00 Dr Test 1",
      "14:00 Dr Ada Moss",
      "15:00 Dr Ada Moss",
    ]);

    // No longer performs the consultation (appointment_type_practitioners).
    await db.query(
      "delete from public.appointment_type_practitioners where appointment_type_id = $1 and practitioner_id = $2",
      [clinic.typeId, clinic.practitionerIds[0]],
    );
    expect(await offered()).toEqual(["14:00 Dr Ada Moss", "15:00 Dr Ada Moss"]);

    // The consultation made longer than the times there are (appointment_types).
    await db.query("update public.appointment_types set duration_minutes = 45 where id = $1", [
      clinic.typeId,
    ]);
    expect(await offered()).toEqual([]);
    await db.query("update public.appointment_types set duration_minutes = 30 where id = $1", [
      clinic.typeId,
    ]);
    expect(await offered()).toEqual(["14:00 Dr Ada Moss", "15:00 Dr Ada Moss"]);

    // The practitioner deactivated (practitioners), then back, and weekly hours added (working_hours).
    await db.query("update public.practitioners set active = false where id = $1", [
      clinic.practitionerIds[1],
    ]);
    expect(await offered()).toEqual([]);
    await db.query("update public.practitioners set active = true where id = $1", [
      clinic.practitionerIds[1],
    ]);
    const { rows } = await db.query<{ weekday: number }>(
      "select extract(isodow from (now() at time zone $1)::date + 2)::int as weekday",
      [clinic.timezone],
    );
    await db.query(
      `insert into public.working_hours (clinic_id, practitioner_id, weekday, opens, closes)
       values ($1, $2, $3, '16:00', '16:30')`,
      [clinic.id, clinic.practitionerIds[1], rows[0]!.weekday],
    );
    expect(await offered()).toEqual([
      "14:00 Dr Ada Moss",
      "15:00 Dr Ada Moss",
      "16:00 Dr Ada Moss",
    ]);
  });

  it("is replaced only by a committed change: one rolled back leaves what is offered as it was", async () => {
    const before = await offered();
    expect(before.length).toBeGreaterThan(0);
    await db.query("begin");
    try {
      await db.query("update public.practitioners set active = false where clinic_id = $1", [
        clinic.id,
      ]);
      // Uncommitted: nobody else sees it, cached or not.
      expect(await offered()).toEqual(before);
    } finally {
      await db.query("rollback");
    }
    expect(await offered()).toEqual(before);
  });
});
