import type { Client } from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { HARBOUR, HARBOUR_RECEPTIONIST, ownerClient } from "../helpers/db";
import { openStream, sessionCookie } from "../helpers/session";
import { newCall } from "../helpers/vapi";
import { createNorthside, NORTHSIDE_ADMIN } from "./fixtures";

// The diary's read routes and live stream, through the real server: who may read and listen,
// what a broadcast carries (ids, never a patient), and what the diary and availability answer.

let db: Client;
beforeAll(async () => {
  db = await ownerClient();
  await createNorthside(db);
});
afterAll(async () => {
  await db.end();
});

const FACELIFT_CONSULTATION = "7e000000-0000-4000-8000-000000000001";
const get = async (path: string, cookie?: string) =>
  fetch(`${inject("appUrl")}${path}`, { headers: cookie ? { cookie } : {} });

/** The next weekday, clinic-local (New York), at least 3 days ahead, as a range of instants. */
async function weekdayRange() {
  const { rows } = await db.query<{ from: Date; to: Date }>(
    `select (d::timestamp at time zone 'America/New_York') as "from",
            ((d + 1)::timestamp at time zone 'America/New_York') as "to"
       from (select ((now() at time zone 'America/New_York')::date + n) as d
               from generate_series(3, 10) n) days
      where extract(isodow from d) between 1 and 5 and to_char(d, 'MM-DD') <> '12-25'
      order by d limit 1`,
  );
  return { from: rows[0]!.from.toISOString(), to: rows[0]!.to.toISOString() };
}

describe("the diary's live stream", () => {
  const path = `/api/clinics/${HARBOUR}/diary/stream`;

  it("refuses anyone signed out or not a member of the clinic", async () => {
    expect((await openStream(path)).status).toBe(401);
    expect((await openStream(path, await sessionCookie(NORTHSIDE_ADMIN))).status).toBe(403);
  });

  it("tells a member of every hold taken and released on a call, by id only", async () => {
    const stream = await openStream(path, await sessionCookie(HARBOUR_RECEPTIONIST));
    expect(stream.status).toBe(200);
    await stream.waitFor((event) => event.event === "ready");

    const call = newCall("+15550108833");
    await call.status("in-progress");
    const slot = (await call.tool("check_availability", { procedure: "facelift" })).result!
      .slots[0]!;
    await call.tool("hold_slot", { slotId: slot.slotId });
    // Other files' calls hold times in this shared clinic too: wait for this call's own hold.
    const { rows } = await db.query<{ id: string }>(
      `select r.id from public.reservations r join public.calls c on c.id = r.call_id
        where c.vapi_call_id = $1 and r.kind = 'hold'`,
      [call.id],
    );
    expect(rows).toHaveLength(1);
    const held = await stream.waitFor(
      (event) =>
        event.event === "diary_change" && JSON.parse(event.data).reservationId === rows[0]!.id,
    );
    const payload = JSON.parse(held.data);
    expect(payload).toMatchObject({ clinicId: HARBOUR, kind: "hold" });
    expect(typeof payload.reservationId).toBe("string");
    expect(held.data).not.toContain("8833");

    const before = stream.events.length;
    await call.end("customer-ended-call");
    await stream.waitFor(
      (event) =>
        stream.events.indexOf(event) >= before &&
        event.event === "diary_change" &&
        JSON.parse(event.data).reservationId === payload.reservationId,
    );
    stream.close();
  });
});

describe("the diary's read routes", () => {
  it("answers members only", async () => {
    const range = new URLSearchParams(await weekdayRange());
    expect((await get(`/api/clinics/${HARBOUR}/diary?${range}`)).status).toBe(401);
    const other = await get(
      `/api/clinics/${HARBOUR}/diary?${range}`,
      await sessionCookie(NORTHSIDE_ADMIN),
    );
    expect(other.status).toBe(403);
  });

  it("shows the range's practitioners, working time and a hold made on a call", async () => {
    const range = await weekdayRange();
    const cookie = await sessionCookie(HARBOUR_RECEPTIONIST);
    const call = newCall("+15550108844");
    await call.status("in-progress");
    const date = new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York" }).format(
      new Date(range.from),
    );
    const slot = (await call.tool("check_availability", { procedure: "facelift", date })).result!
      .slots[0]!;
    await call.tool("hold_slot", { slotId: slot.slotId });

    const response = await get(
      `/api/clinics/${HARBOUR}/diary?${new URLSearchParams(range)}`,
      cookie,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("no-store");
    const view = await response.json();
    expect(view.timeZone).toBe("America/New_York");
    expect(Math.abs(Date.parse(view.serverTime) - Date.now())).toBeLessThan(60_000);
    expect(view.practitioners.map((p: { name: string }) => p.name)).toContain(slot.practitioner);
    expect(view.workingIntervals.length).toBeGreaterThan(0);
    const hold = view.entries.find(
      (entry: { kind: string; start: string }) =>
        entry.kind === "hold" && Date.parse(entry.start) === Date.parse(slot.start),
    );
    expect(hold).toBeDefined();
    await call.end();
    const after = await (
      await get(`/api/clinics/${HARBOUR}/diary?${new URLSearchParams(range)}`, cookie)
    ).json();
    expect(after.entries.filter((e: { id: string }) => e.id === hold.id)).toEqual([]);
  });

  it("refuses a range it cannot read, and says why", async () => {
    const cookie = await sessionCookie(HARBOUR_RECEPTIONIST);
    const backwards = await get(
      `/api/clinics/${HARBOUR}/diary?from=2026-12-08T00:00:00Z&to=2026-12-07T00:00:00Z`,
      cookie,
    );
    expect(backwards.status).toBe(422);
    expect((await backwards.json()).error).toContain("The end must be after the start");
    expect((await get(`/api/clinics/${HARBOUR}/diary?from=soon`, cookie)).status).toBe(422);
  });

  it("offers free times for an appointment type, only with practitioners who perform it", async () => {
    const range = await weekdayRange();
    const cookie = await sessionCookie(HARBOUR_RECEPTIONIST);
    const response = await get(
      `/api/clinics/${HARBOUR}/diary/availability?${new URLSearchParams({ typeId: FACELIFT_CONSULTATION, ...range })}`,
      cookie,
    );
    expect(response.status).toBe(200);
    const { starts } = await response.json();
    expect(starts.length).toBeGreaterThan(0);
    const { rows } = await db.query<{ practitioner_id: string }>(
      "select practitioner_id from public.appointment_type_practitioners where appointment_type_id = $1",
      [FACELIFT_CONSULTATION],
    );
    const performers = new Set(rows.map((row) => row.practitioner_id));
    for (const start of starts) {
      expect(performers.has(start.practitionerId)).toBe(true);
      expect(Date.parse(start.end) - Date.parse(start.start)).toBe(60 * 60_000);
      expect(Date.parse(start.start)).toBeGreaterThanOrEqual(Date.parse(range.from));
    }
    const missing = await get(
      `/api/clinics/${HARBOUR}/diary/availability?${new URLSearchParams(range)}`,
      cookie,
    );
    expect(missing.status).toBe(422);
  });
});
