import type { Client } from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import {
  callFunnelByDay,
  followUpFunnelByDay,
  latencyOverview,
  outcomesByEndedReason,
} from "@/lib/db/insights";
import { closePool } from "@/lib/db/pool";
import { withClaims, type Tx } from "@/lib/db/transaction";
import { runScenario } from "@/lib/simulator/scenarios";

import {
  addConsultation,
  addFacelift,
  addSlots,
  addStaff,
  callTo,
  createClinic,
  simulatorFor,
  type TestClinic,
} from "../helpers/clinic";
import { claimsFor, ownerClient } from "../helpers/db";
import { eventually, followUpsOf, textsTo } from "../helpers/follow-ups";
import { AUTH_JWT_SECRET } from "./global-setup";

// The figures are counted for clinics of this file's own (its calls go to their number), so
// no other file's calls, bookings or texts, nor their follow-ups still going out, can move them.
let db: Client;
let range: { from: string; to: string };
/** The clinic whose figures are counted, and another clinic its admin also runs. */
let clinic: TestClinic;
let other: TestClinic;
let receptionist: string;
let admin: string;
beforeAll(async () => {
  // lib/db reads its configuration through lib/env: point it at the integration database.
  process.env.DATABASE_URL = inject("databaseUrl");
  process.env.AUTH_JWT_SECRET = AUTH_JWT_SECRET;
  db = await ownerClient();
  clinic = await createClinic(db, { name: "Insights Clinic", practitioners: 2 });
  other = await createClinic(db, { name: "Insights Other Clinic", timezone: "Europe/London" });
  // The "books" scenario asks for a facelift: its consultation is what this diary offers then.
  await addConsultation(db, clinic, await addFacelift(db, clinic), {
    name: "Facelift consultation",
  });
  for (const practitioner of [0, 1])
    await addSlots(db, clinic, {
      day: 2,
      times: ["09:00", "09:30", "10:00", "13:00"],
      practitioner,
    });
  receptionist = await addStaff(db, [{ clinic, role: "receptionist" }]);
  admin = await addStaff(db, [
    { clinic, role: "admin" },
    { clinic: other, role: "admin" },
  ]);
  // Yesterday to tomorrow where the clinic is, so a run across midnight still counts every call.
  const { rows } = await db.query(
    `select to_char((now() at time zone timezone)::date - 1, 'YYYY-MM-DD') as "from", to_char((now() at time zone timezone)::date + 1, 'YYYY-MM-DD') as "to"
       from public.clinics where id = $1`,
    [clinic.id],
  );
  range = rows[0];
});
afterAll(async () => {
  await db.end();
  await closePool();
});

const sum = <T extends object>(days: T[], key: keyof T) =>
  days.reduce((total, day) => total + Number(day[key]), 0);
const asMember = <T>(sub: string, fn: (tx: Tx) => Promise<T>) =>
  withClaims({ ...claimsFor(sub), role: "authenticated" as const }, fn);

async function callFunnel(sub = receptionist, clinicId = clinic.id) {
  const days = await asMember(sub, (tx) => callFunnelByDay(tx, clinicId, range.from, range.to));
  return {
    days: days.length,
    calls: sum(days, "calls"),
    intent: sum(days, "intent"),
    held: sum(days, "held"),
    booked: sum(days, "booked"),
  };
}

/** The caller asks for times and hangs up without holding one. */
async function askOnly(callerNumber?: string) {
  const call = callTo(clinic, callerNumber);
  await call.status("in-progress");
  await call.tool("check_availability", { procedure: clinic.procedure });
  await call.end("customer-ended-call");
  return call;
}

/** The caller books the first offered slot. */
async function book(callerNumber: string) {
  const call = callTo(clinic, callerNumber);
  await call.status("in-progress");
  const availability = await call.tool("check_availability", { procedure: clinic.procedure });
  const [slot] = availability.result!.slots;
  await call.tool("hold_slot", { slotId: slot!.slotId });
  const booked = await call.tool("confirm_booking", {
    slotId: slot!.slotId,
    patientName: "Ada Lovelace",
  });
  expect(booked.result?.booked).toBe(true);
  await call.end("customer-ended-call");
}

describe("the call funnel", () => {
  it("moves by one booked call and one call that only asked, for members of the clinic only", async () => {
    const before = await callFunnel();
    expect(before.days).toBe(3); // every day of the range, quiet ones as zero

    await runScenario("books", simulatorFor(clinic));
    await askOnly();
    const after = await callFunnel();
    expect({
      calls: after.calls - before.calls,
      intent: after.intent - before.intent,
      held: after.held - before.held,
      booked: after.booked - before.booked,
    }).toEqual({
      calls: 2,
      intent: 2,
      held: 1,
      booked: 1,
    });

    // A booked call at another clinic: its admin (also this clinic's) sees it there; this clinic's figures and its receptionist never do.
    await db.query(
      `insert into public.calls (clinic_id, vapi_call_id, intent, outcome, ended_reason, state) values ($1, $2, 'booking', 'booked', 'customer-ended-call', 'completed')`,
      [other.id, `it-insights-other-${other.id}`],
    );
    expect((await callFunnel(admin, other.id)).calls).toBe(1);
    expect(await callFunnel(receptionist, other.id)).toEqual({
      days: 3,
      calls: 0,
      intent: 0,
      held: 0,
      booked: 0,
    });
    expect(await callFunnel(admin)).toEqual(after);
  });

  it("counts outcomes by ended reason", async () => {
    const rows = await asMember(receptionist, (tx) =>
      outcomesByEndedReason(tx, clinic.id, range.from, range.to),
    );
    expect(rows).toContainEqual({
      endedReason: "customer-ended-call",
      outcome: "booked",
      calls: expect.any(Number),
    });
    expect(rows.every((row) => row.calls > 0)).toBe(true);
    const elsewhere = await asMember(receptionist, (tx) =>
      outcomesByEndedReason(tx, other.id, range.from, range.to),
    );
    expect(elsewhere).toEqual([]);
  });
});

describe("the aftercare follow-up funnel", () => {
  it("counts a text sent, its link opened, and the same caller booking afterwards", async () => {
    const funnel = async (sub = receptionist, clinicId = clinic.id) => {
      const days = await asMember(sub, (tx) =>
        followUpFunnelByDay(tx, clinicId, range.from, range.to),
      );
      return {
        sent: sum(days, "sent"),
        opened: sum(days, "opened"),
        bookedLater: sum(days, "bookedLater"),
      };
    };
    const before = await funnel();
    const number = `+1555${Math.floor(1_000_000 + Math.random() * 8_999_999)}`;
    const call = callTo(clinic, number);
    await call.status("in-progress");
    await call.tool("lookup_procedure", { query: "facelift" });
    await call.end();
    await call.report("customer-ended-call", [
      { role: "user", message: "I'm just asking about a facelift, I'll think about it." },
    ]);
    await eventually(
      () => followUpsOf(db, call.id),
      (rows) => rows[0]?.status === "sent",
    );
    // Its own clinic: no other file's texts are going out here, so the figures move by exactly one.
    expect(await funnel()).toEqual({ ...before, sent: before.sent + 1 });

    const [text] = await textsTo(number);
    expect((await fetch(/http\S+\/a\/\S+/.exec(text!.body)![0])).status).toBe(200);
    expect(await funnel()).toEqual({
      sent: before.sent + 1,
      opened: before.opened + 1,
      bookedLater: before.bookedLater,
    });

    await book(number);
    expect(await funnel()).toEqual({
      sent: before.sent + 1,
      opened: before.opened + 1,
      bookedLater: before.bookedLater + 1,
    });
    expect(await funnel(receptionist, other.id)).toEqual({ sent: 0, opened: 0, bookedLater: 0 });
  });
});

describe("the latency overview", () => {
  it("summarises measured turns over the range and per day", async () => {
    const call = await askOnly();
    const t = Date.now();
    await call.send("speech-update", { role: "user", status: "stopped", turn: 1, timestamp: t });
    await call.send("speech-update", {
      role: "assistant",
      status: "started",
      turn: 2,
      timestamp: t + 1250,
    });
    const overview = await asMember(receptionist, (tx) =>
      latencyOverview(tx, clinic.id, range.from, range.to),
    );
    expect(overview.summary.turns).toBeGreaterThanOrEqual(1);
    expect(overview.summary.over700).toBeGreaterThanOrEqual(1);
    expect(overview.days).toHaveLength(3);
    expect(sum(overview.days, "turns")).toBe(overview.summary.turns);
    const elsewhere = await asMember(receptionist, (tx) =>
      latencyOverview(tx, other.id, range.from, range.to),
    );
    expect(elsewhere.summary).toEqual({ turns: 0, p50: null, p95: null, p99: null, over700: 0 });
  });
});
