import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { runSmoke } from "@/lib/simulator/smoke";
import { ownerClient } from "../helpers/db";
import { newCall, simulator } from "../helpers/vapi";

let db: Client;
beforeAll(async () => {
  db = await ownerClient();
});
afterAll(async () => {
  await db.end();
});

describe("holds under contention", () => {
  it("gives one slot to exactly one of 100 concurrent callers, through HTTP", async () => {
    const calls = Array.from({ length: 100 }, () => newCall());
    await Promise.all(calls.map((call) => call.status("in-progress")));
    const slot = (await calls[0]!.tool("check_availability", { partOfDay: "afternoon" })).result!.slots[2]!.slotId;
    const results = await Promise.all(calls.map((call) => call.tool("hold_slot", { slotId: slot })));
    expect(results.every((result) => result.status === 200 && !result.error)).toBe(true);
    expect(results.filter((result) => result.result?.held === true)).toHaveLength(1);

    const confirmations = await Promise.all(calls.map((call) => call.tool("confirm_booking", { slotId: slot, patientName: "Race" })));
    expect(confirmations.filter((result) => result.result?.booked === true)).toHaveLength(1);
    const bookings = await db.query("select count(*)::int as n from public.bookings where slot_id = $1", [slot]);
    expect(bookings.rows[0].n).toBe(1);
  });

  it("never double-holds when 100 database sessions call claim_slot_atomic at once", async () => {
    const setup = await db.query(
      `with call as (insert into public.calls (clinic_id, vapi_call_id, state)
                     select 'c1a1c000-0000-4000-8000-000000000001', 'sql-race-' || g, 'in_conversation' from generate_series(1, 100) g
                     returning id)
       select array_agg(id) as ids, (select id from public.slots where status = 'open' and starts_at > now() + interval '2 days' order by starts_at limit 1) as slot
         from call`,
    );
    const { ids, slot } = setup.rows[0] as { ids: string[]; slot: string };
    const clients = await Promise.all(ids.map(async () => {
      const client = new Client({ connectionString: inject("databaseUrl") });
      await client.connect();
      return client;
    }));
    try {
      const outcomes = await Promise.all(
        clients.map((client, index) => client.query("select outcome from public.claim_slot_atomic($1, $2)", [slot, ids[index]]).then((r) => r.rows[0].outcome)),
      );
      expect(outcomes.filter((outcome) => outcome === "held")).toHaveLength(1);
      expect(outcomes.filter((outcome) => outcome === "taken")).toHaveLength(99);
    } finally {
      await Promise.all(clients.map((client) => client.end()));
    }
  });

  it("lets the sweeper expire holds that outlived their 90 seconds", async () => {
    const call = newCall();
    await call.status("in-progress");
    const slot = (await call.tool("check_availability", {})).result!.slots[0]!.slotId;
    await call.tool("hold_slot", { slotId: slot });
    await db.query("update public.slots set held_until = now() - interval '1 second' where id = $1", [slot]);
    const swept = await db.query("select public.expire_slot_holds() as n");
    expect(swept.rows[0].n).toBeGreaterThanOrEqual(1);
    expect((await db.query("select status, held_by_call from public.slots where id = $1", [slot])).rows[0]).toEqual({ status: "open", held_by_call: null });
  });
});

describe("smoke test", () => {
  it("passes with 10 calls racing for one slot", async () => {
    const report = await runSmoke({ ...simulator(), databaseUrl: inject("databaseUrl"), calls: 10 });
    expect(report).toMatchObject({ calls: 10, winners: 1, losersOfferedAlternatives: 9, booked: true, doubleBookings: 0, danglingHolds: 0, errors: [], ok: true });
    expect(report.dropReleaseMs).toBeLessThan(1000);
  });
});
