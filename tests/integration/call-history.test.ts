import type { Client } from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import type { Claims } from "@/lib/auth/claims";
import { closeLostCalls, LOST_AFTER_SECONDS } from "@/lib/call-flow/lost-calls";
import { LOST_ENDED_REASON } from "@/lib/calls/plain-language";
import { loadCallHistory } from "@/lib/calls/service";
import { closePool } from "@/lib/db/pool";
import type { CallHistoryQuery } from "@/lib/validations/call-history";

import {
  addSlots,
  addStaff,
  callTo,
  createClinic,
  localDate,
  type TestClinic,
} from "../helpers/clinic";
import { claimsFor, ownerClient } from "../helpers/db";
import { AUTH_JWT_SECRET } from "./global-setup";

// Calls over time (issue 20): calls that stopped sending messages are closed as lost by the
// server, and the history finds calls by date, caller, outcome, procedure and practitioner.
// Each test owns its clinic; the server's own sweeper (every 15 s) may close a lost call before
// the test's pass does, so the tests check where the call ends up, not who moved it.
let db: Client;

beforeAll(async () => {
  process.env.DATABASE_URL = inject("databaseUrl");
  process.env.AUTH_JWT_SECRET = AUTH_JWT_SECRET;
  process.env.DATA_DIR = inject("dataDir");
  db = await ownerClient();
});
afterAll(async () => {
  await db.end();
  await closePool();
});

/** Moves a call and its story back in time, as if its last message came `minutes` ago. */
async function age(vapiCallId: string, minutes: number) {
  await db.query("begin");
  try {
    // The append-only and touch triggers would refuse or undo this: a superuser's test-only
    // shortcut, in this transaction only.
    await db.query("set local session_replication_role = replica");
    const shift = `interval '${minutes} minutes'`;
    await db.query(
      `update public.calls set started_at = started_at - ${shift}, created_at = created_at - ${shift},
              answered_at = answered_at - ${shift}, updated_at = updated_at - ${shift}
        where vapi_call_id = $1`,
      [vapiCallId],
    );
    await db.query(
      `update public.call_events set occurred_at = occurred_at - ${shift}
        where call_id = (select id from public.calls where vapi_call_id = $1)`,
      [vapiCallId],
    );
    await db.query("commit");
  } catch (error) {
    await db.query("rollback");
    throw error;
  }
}

const callRow = async (vapiCallId: string) =>
  (
    await db.query(
      `select c.id, c.state, c.outcome, c.ended_reason, c.ended_at, c.updated_at,
              (select count(*)::int from public.reservations r where r.call_id = c.id and r.kind = 'hold') as holds,
              (select count(*)::int from public.handoffs h where h.call_id = c.id) as handoffs,
              (select reason from public.callback_tasks t where t.call_id = c.id and t.done_at is null) as callback,
              (select count(*)::int from public.call_events e where e.call_id = c.id and e.event = 'call.lost') as lost_notes
         from public.calls c where c.vapi_call_id = $1`,
      [vapiCallId],
    )
  ).rows[0];

describe("lost calls", () => {
  it("closes a call silent past the assistant's maximum duration: hold released, hand-off written, a call-back owed", async () => {
    const clinic = await createClinic(db, { name: "Lost Call Clinic" });
    await addSlots(db, clinic, { day: 3, times: ["10:00"] });
    const lost = callTo(clinic);
    await lost.status("in-progress");
    const slot = (await lost.tool("check_availability", { procedure: clinic.procedure })).result!
      .slots[0]!.slotId;
    expect((await lost.tool("hold_slot", { slotId: slot })).result!.held).toBe(true);
    // A call in its fifth minute is not lost, whatever the sweep.
    const talking = callTo(clinic);
    await talking.status("in-progress");

    const minutes = Math.ceil(LOST_AFTER_SECONDS / 60) + 2;
    await age(lost.id, minutes);
    await age(talking.id, 5);
    await closeLostCalls({ clinicId: clinic.id });

    const row = await callRow(lost.id);
    expect(row).toMatchObject({
      state: "abandoned",
      outcome: "lost",
      ended_reason: LOST_ENDED_REASON,
      holds: 0,
      handoffs: 1,
      callback: "The call was lost partway through",
      lost_notes: 1,
    });
    // It ended at its last sign of life, not when the sweep found it: no hours-long call.
    expect(Date.now() - new Date(row.ended_at).getTime()).toBeGreaterThan((minutes - 1) * 60_000);
    expect((await callRow(talking.id)).state).toBe("connected");

    // Once only, and a late end-of-call report only fills in details.
    expect(await closeLostCalls({ clinicId: clinic.id })).toEqual({ closed: 0 });
    await lost.end("customer-ended-call");
    expect(await callRow(lost.id)).toMatchObject({
      state: "abandoned",
      outcome: "lost",
      lost_notes: 1,
    });
  });

  it("keeps a lost call that had booked as booked", async () => {
    const clinic = await createClinic(db, { name: "Lost After Booking Clinic" });
    await addSlots(db, clinic, { day: 3, times: ["11:00"] });
    const call = callTo(clinic);
    await call.status("in-progress");
    const slot = (await call.tool("check_availability", { procedure: clinic.procedure })).result!
      .slots[0]!.slotId;
    await call.tool("hold_slot", { slotId: slot });
    expect(
      (await call.tool("confirm_booking", { slotId: slot, patientName: "Ann Lee" })).result,
    ).toMatchObject({ booked: true });
    await age(call.id, Math.ceil(LOST_AFTER_SECONDS / 60) + 1);
    await closeLostCalls({ clinicId: clinic.id });
    expect(await callRow(call.id)).toMatchObject({
      state: "completed",
      outcome: "booked",
      ended_reason: LOST_ENDED_REASON,
      callback: null,
    });
  });
});

describe("the call history", () => {
  let clinic: TestClinic;
  let claims: Claims;
  let today: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    clinic = await createClinic(db, { name: "History Clinic", practitioners: 2 });
    claims = claimsFor(await addStaff(db, [{ clinic, role: "receptionist" }])) as Claims;
    today = await localDate(db, clinic, 0);
    await addSlots(db, clinic, { day: 4, times: ["09:00"] });
    // A booked call (with whoever the slot belongs to), a caller who only asked, and one from
    // ten days ago.
    const booked = callTo(clinic, "+12125550111");
    await booked.status("in-progress");
    const slot = (await booked.tool("check_availability", { procedure: clinic.procedure })).result!
      .slots[0]!.slotId;
    await booked.tool("hold_slot", { slotId: slot });
    await booked.tool("confirm_booking", { slotId: slot, patientName: "Grace Hopper" });
    await booked.end("customer-ended-call");
    const asked = callTo(clinic, "+12125550222");
    await asked.status("in-progress");
    await asked.end("customer-ended-call");
    const old = callTo(clinic, "+12125550333");
    await old.status("in-progress");
    await old.end("pipeline-error-openai-llm-failed");
    await age(old.id, 10 * 24 * 60);
    for (const [name, call] of Object.entries({ booked, asked, old }))
      ids[name] = (await callRow(call.id)).id;
    await db.query("update public.calls set caller_name = 'Grace Hopper' where id = $1", [
      ids.booked,
    ]);
  });

  const find = async (query: Partial<CallHistoryQuery>) => {
    const { rows, total } = await loadCallHistory(claims, clinic.id, {
      from: today,
      to: today,
      page: 1,
      ...query,
    });
    expect(total).toBe(rows.length);
    return rows.map((row) => row.id).sort();
  };

  it("finds calls between two clinic-local dates, newest first", async () => {
    expect(await find({})).toEqual([ids.booked, ids.asked].sort());
    const tenDaysAgo = await localDate(db, clinic, -10);
    expect(await find({ from: tenDaysAgo, to: tenDaysAgo })).toEqual([ids.old]);
    const all = await loadCallHistory(claims, clinic.id, { from: tenDaysAgo, to: today, page: 1 });
    expect(all.rows.map((row) => row.id)).toEqual([ids.asked, ids.booked, ids.old]);
  });

  it("finds a caller by name or by part of their number", async () => {
    expect(await find({ caller: "grace" })).toEqual([ids.booked]);
    expect(await find({ caller: "555-0222" })).toEqual([ids.asked]);
    expect(await find({ caller: "%" })).toEqual([]);
  });

  it("filters by outcome, procedure and practitioner", async () => {
    expect(await find({ outcome: "booked" })).toEqual([ids.booked]);
    expect(await find({ outcome: "information" })).toEqual([ids.asked]);
    expect(await find({ outcome: "in_progress" })).toEqual([]);
    expect(await find({ procedureId: clinic.procedureId })).toEqual([ids.booked]);
    const [withBooking, other] = clinic.practitionerIds;
    const bookedWith = (
      await db.query("select practitioner_id from public.bookings where call_id = $1", [ids.booked])
    ).rows[0].practitioner_id;
    expect(await find({ practitionerId: bookedWith })).toEqual([ids.booked]);
    expect(
      await find({ practitionerId: bookedWith === withBooking ? other! : withBooking! }),
    ).toEqual([]);
  });

  it("pages, and says how many there are past the last page", async () => {
    const page = await loadCallHistory(claims, clinic.id, { from: today, to: today, page: 2 });
    expect(page).toMatchObject({ rows: [], total: 2 });
  });

  it("shows another clinic's receptionist nothing", async () => {
    const other = await createClinic(db, { name: "Other History Clinic" });
    const stranger = claimsFor(await addStaff(db, [{ clinic: other, role: "receptionist" }]));
    const seen = await loadCallHistory(stranger as Claims, clinic.id, {
      from: today,
      to: today,
      page: 1,
    });
    expect(seen.total).toBe(0);
  });
});
