import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { runSmoke } from "@/lib/simulator/smoke";

import { addSlots, callTo, createClinic, simulatorFor } from "../helpers/clinic";
import { ownerClient } from "../helpers/db";

// Each race runs in a clinic of its own with slots it made, days ahead at fixed clinic-local
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
  it("gives one slot to exactly one of 100 concurrent callers, through HTTP", async () => {
    const clinic = await createClinic(db);
    await addSlots(db, clinic, {
      day: 3,
      times: ["09:00", "10:00", "12:00", "13:00", "14:00", "15:00", "16:00"],
    });
    const calls = Array.from({ length: 100 }, () => callTo(clinic));
    await Promise.all(calls.map((call) => call.status("in-progress")));
    const afternoon = (await calls[0]!.tool("check_availability", { partOfDay: "afternoon" }))
      .result!.slots;
    expect(afternoon.map((slot) => slot.start.slice(11, 16))).toEqual([
      "12:00",
      "13:00",
      "14:00",
      "15:00",
      "16:00",
    ]);
    const slot = afternoon[2]!.slotId;
    const results = await Promise.all(
      calls.map((call) => call.tool("hold_slot", { slotId: slot })),
    );
    expect(results.every((result) => result.status === 200 && !result.error)).toBe(true);
    expect(results.filter((result) => result.result?.held === true)).toHaveLength(1);

    const confirmations = await Promise.all(
      calls.map((call) => call.tool("confirm_booking", { slotId: slot, patientName: "Race" })),
    );
    expect(confirmations.filter((result) => result.result?.booked === true)).toHaveLength(1);
    const bookings = await db.query(
      "select count(*)::int as n from public.bookings where slot_id = $1",
      [slot],
    );
    expect(bookings.rows[0].n).toBe(1);
  });

  it("never double-holds when 100 database sessions call claim_slot_atomic at once", async () => {
    const clinic = await createClinic(db);
    const [own] = await addSlots(db, clinic, { day: 3, times: ["11:00"] });
    const setup = await db.query<{ ids: string[] }>(
      `with call as (insert into public.calls (clinic_id, vapi_call_id, state)
                     select $1::uuid, 'sql-race-' || $1::text || '-' || g, 'in_conversation' from generate_series(1, 100) g
                     returning id)
       select array_agg(id) as ids from call`,
      [clinic.id],
    );
    const ids = setup.rows[0]!.ids;
    const slot = own!.slotId;
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
            .query("select outcome from public.claim_slot_atomic($1, $2)", [slot, ids[index]])
            .then((r) => r.rows[0].outcome),
        ),
      );
      expect(outcomes.filter((outcome) => outcome === "held")).toHaveLength(1);
      expect(outcomes.filter((outcome) => outcome === "taken")).toHaveLength(99);
    } finally {
      await Promise.all(clients.map((client) => client.end()));
    }
  });

  it("lets the sweeper expire holds that outlived their 90 seconds", async () => {
    const clinic = await createClinic(db);
    await addSlots(db, clinic, { day: 3, times: ["10:00"] });
    const call = callTo(clinic);
    await call.status("in-progress");
    const slot = (await call.tool("check_availability", {})).result!.slots[0]!.slotId;
    expect((await call.tool("hold_slot", { slotId: slot })).result!.held).toBe(true);
    // Expired and swept in one transaction: the server's own sweeper (every 15 s) cannot take
    // this hold in between and leave the sweep below with nothing to count.
    await db.query("begin");
    try {
      await db.query(
        "update public.slots set held_until = now() - interval '1 second' where id = $1",
        [slot],
      );
      const swept = await db.query("select public.expire_slot_holds() as n");
      expect(swept.rows[0].n).toBeGreaterThanOrEqual(1);
    } finally {
      await db.query("commit");
    }
    expect(
      (await db.query("select status, held_by_call from public.slots where id = $1", [slot]))
        .rows[0],
    ).toEqual({ status: "open", held_by_call: null });
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
