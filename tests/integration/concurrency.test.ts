import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { runSmoke } from "@/lib/simulator/smoke";

import { addOffers, addSlots, callTo, createClinic, simulatorFor } from "../helpers/clinic";
import { ownerClient } from "../helpers/db";

// Each race runs in a clinic of its own with bookable times it made, days ahead at fixed clinic-local
// times: what is raced for never depends on the time of day (the seeded diaries follow opening
// hours in two time zones) or on what other files booked or held.

let db: Client;
beforeAll(async () => {
  db = await ownerClient();
});
afterAll(async () => {
  await db.end();
});

describe("holds under contention", () => {
  it("gives one time to exactly one of 100 concurrent callers, through HTTP", async () => {
    const clinic = await createClinic(db);
    await addSlots(db, clinic, {
      day: 3,
      times: ["09:00", "10:00", "12:00", "13:00", "14:00", "15:00", "16:00"],
    });
    const calls = Array.from({ length: 100 }, () => callTo(clinic));
    await Promise.all(calls.map((call) => call.status("in-progress")));
    // Each caller is offered the afternoon by its own check_availability: its own slotIds.
    const offered = await Promise.all(
      calls.map(
        async (call) =>
          (
            await call.tool("check_availability", {
              procedure: clinic.procedure,
              partOfDay: "afternoon",
            })
          ).result!.slots,
      ),
    );
    expect(offered[0]!.map((slot) => slot.start.slice(11, 16))).toEqual([
      "12:00",
      "13:00",
      "14:00",
      "15:00",
      "16:00",
    ]);
    const targets = offered.map((slots) => slots[2]!);
    expect(new Set(targets.map((slot) => slot.start)).size).toBe(1);
    expect(new Set(targets.map((slot) => slot.slotId)).size).toBe(100);
    const results = await Promise.all(
      calls.map((call, index) => call.tool("hold_slot", { slotId: targets[index]!.slotId })),
    );
    expect(results.every((result) => result.status === 200 && !result.error)).toBe(true);
    expect(results.filter((result) => result.result?.held === true)).toHaveLength(1);

    const confirmations = await Promise.all(
      calls.map((call, index) =>
        call.tool("confirm_booking", { slotId: targets[index]!.slotId, patientName: "Race" }),
      ),
    );
    expect(confirmations.filter((result) => result.result?.booked === true)).toHaveLength(1);
    const bookings = await db.query(
      "select count(*)::int as n from public.bookings where offer_id = any($1)",
      [targets.map((slot) => slot.slotId)],
    );
    expect(bookings.rows[0].n).toBe(1);
  });

  it("never double-holds when 100 database sessions call claim_slot_atomic at once on overlapping times", async () => {
    const clinic = await createClinic(db);
    const [own] = await addSlots(db, clinic, { day: 3, times: ["11:00"], minutes: 120 });
    const setup = await db.query<{ ids: string[] }>(
      `with call as (insert into public.calls (clinic_id, vapi_call_id, state)
                     select $1::uuid, 'sql-race-' || $1::text || '-' || g, 'in_conversation' from generate_series(1, 100) g
                     returning id)
       select array_agg(id) as ids from call`,
      [clinic.id],
    );
    const ids = setup.rows[0]!.ids;
    // Every call's own offer: 30 minutes starting at 11:00, 11:05, ... 11:45: all overlap 11:30-11:35 or a neighbour.
    const slots: string[] = [];
    for (let index = 0; index < ids.length; index++) {
      const [offer] = await addOffers(db, clinic, [ids[index]!], {
        startsAt: new Date(own!.startsAt.getTime() + (index % 10) * 5 * 60_000),
      });
      slots.push(offer!);
    }
    const clients = await Promise.all(
      ids.map(async () => {
        const client = new Client({ connectionString: inject("databaseUrl") });
        await client.connect();
        return client;
      }),
    );
    try {
      const outcomes = await Promise.all(
        clients.map((client, index) =>
          client
            .query("select outcome from public.claim_slot_atomic($1, $2)", [
              slots[index],
              ids[index],
            ])
            .then((r) => r.rows[0].outcome),
        ),
      );
      const held = outcomes.filter((outcome) => outcome === "held").length;
      // Starts 0..45 minutes apart with 30-minute appointments: at most two fit (e.g. 11:00 and 11:30+).
      expect(held).toBeGreaterThanOrEqual(1);
      expect(held).toBeLessThanOrEqual(2);
      expect(outcomes.filter((outcome) => outcome === "taken")).toHaveLength(100 - held);
      const overlaps = await db.query(
        `select count(*)::int as n from public.reservations a join public.reservations b
           on a.id < b.id and a.practitioner_id = b.practitioner_id and a.occupied && b.occupied
          where a.clinic_id = $1`,
        [clinic.id],
      );
      expect(overlaps.rows[0].n).toBe(0);
    } finally {
      await Promise.all(clients.map((client) => client.end()));
    }
  });

  it("lets the sweeper expire holds that outlived their 90 seconds", async () => {
    const clinic = await createClinic(db);
    await addSlots(db, clinic, { day: 3, times: ["10:00"] });
    const call = callTo(clinic);
    await call.status("in-progress");
    const slot = (await call.tool("check_availability", { procedure: clinic.procedure })).result!
      .slots[0]!.slotId;
    expect((await call.tool("hold_slot", { slotId: slot })).result!.held).toBe(true);
    // Expired and swept in one transaction: the server's own sweeper (every 15 s) cannot take
    // this hold in between and leave the sweep below with nothing to count.
    await db.query("begin");
    try {
      await db.query(
        "update public.reservations set held_until = now() - interval '1 second' where offer_id = $1",
        [slot],
      );
      const swept = await db.query("select public.expire_slot_holds() as n");
      expect(swept.rows[0].n).toBeGreaterThanOrEqual(1);
    } finally {
      await db.query("commit");
    }
    expect(
      (
        await db.query("select count(*)::int as n from public.reservations where offer_id = $1", [
          slot,
        ])
      ).rows[0].n,
    ).toBe(0);
  });
});

describe("smoke test", () => {
  it("passes with 10 calls racing for one slot", async () => {
    const clinic = await createClinic(db);
    // The race's slot, and one more for the call that drops during its hold.
    await addSlots(db, clinic, { day: 3, times: ["09:00", "09:30"] });
    const report = await runSmoke({
      ...simulatorFor(clinic),
      databaseUrl: inject("databaseUrl"),
      calls: 10,
      procedure: clinic.procedure,
    });
    expect(report).toMatchObject({
      calls: 10,
      winners: 1,
      losersOfferedAlternatives: 9,
      booked: true,
      doubleBookings: 0,
      danglingHolds: 0,
      errors: [],
      ok: true,
    });
    expect(report.dropReleaseMs).toBeLessThan(1000);
  });
});
