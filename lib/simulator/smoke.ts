import { Client } from "pg";

import { SimulatedCall, type SimulatorOptions } from "./client";
import { danglingHolds, doubleBookings } from "./invariants";

export interface SmokeReport {
  calls: number;
  winners: number;
  losersOfferedAlternatives: number;
  losersWithoutAlternatives: number;
  booked: boolean;
  doubleBookings: number;
  danglingHolds: number;
  holdLatencyMs: { p50: number; p99: number; max: number };
  dropReleaseMs: number | null;
  errors: string[];
  ok: boolean;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * N simulated calls race through the real HTTP endpoint to hold the same time: each asks
 * check_availability for `procedure` (so each holds an offer of its own, as a real call would),
 * and all hold the soonest time offered. The winner books it; then a call drops during a hold.
 * Invariants are read from the database itself.
 */
export async function runSmoke(
  options: SimulatorOptions & { databaseUrl: string; calls: number; procedure?: string },
): Promise<SmokeReport> {
  const errors: string[] = [];
  const procedure = options.procedure ?? "facelift";
  const calls = Array.from({ length: options.calls }, () => new SimulatedCall(options));
  await Promise.all(calls.map((call) => call.status("in-progress")));

  const first = await calls[0]!.tool("check_availability", { procedure });
  const target = first.result?.slots[0];
  if (!target)
    throw new Error(`No free time to race for (check_availability said: ${JSON.stringify(first)})`);
  // Every other caller's own offer of that same time (offers are per call).
  const offers = [target.slotId];
  for (let index = 1; index < calls.length; index += 50) {
    const batch = calls.slice(index, index + 50);
    const found = await Promise.all(
      batch.map(async (call) => {
        const availability = await call.tool("check_availability", { procedure });
        return availability.result?.slots.find(
          (slot) => slot.start === target.start && slot.practitioner === target.practitioner,
        )?.slotId;
      }),
    );
    for (const slotId of found) {
      if (!slotId) errors.push("check_availability: the raced time was not offered to a caller");
      offers.push(slotId ?? target.slotId);
    }
  }

  const holds = await Promise.all(
    calls.map((call, index) => call.tool("hold_slot", { slotId: offers[index]! })),
  );
  for (const hold of holds)
    if (hold.status !== 200 || hold.error)
      errors.push(`hold_slot: HTTP ${hold.status} ${hold.error ?? ""}`.trim());
  const winnerIndex = holds.findIndex((hold) => hold.result?.held === true);
  const winners = holds.filter((hold) => hold.result?.held === true).length;
  const losers = holds.filter((hold) => hold.result?.held === false);
  const offered = losers.filter((hold) => (hold.result?.alternatives?.length ?? 0) > 0).length;

  let booked = false;
  if (winnerIndex >= 0) {
    const booking = await calls[winnerIndex]!.tool("confirm_booking", {
      slotId: offers[winnerIndex]!,
      patientName: "Smoke Test",
    });
    booked = booking.result?.booked === true;
    if (!booked)
      errors.push(`winner could not book: ${JSON.stringify(booking.result ?? booking.error)}`);
  }
  await Promise.all(calls.map((call) => call.end("customer-ended-call")));

  const db = new Client({ connectionString: options.databaseUrl });
  await db.connect();
  try {
    const dropReleaseMs = await dropDuringHold(options, procedure, db, errors);
    const latencies = holds.map((hold) => hold.ms);
    const report: SmokeReport = {
      calls: options.calls,
      winners,
      losersOfferedAlternatives: offered,
      losersWithoutAlternatives: losers.length - offered,
      booked,
      doubleBookings: await doubleBookings(db),
      danglingHolds: await danglingHolds(db),
      holdLatencyMs: {
        p50: round(percentile(latencies, 50)),
        p99: round(percentile(latencies, 99)),
        max: round(Math.max(...latencies)),
      },
      dropReleaseMs,
      errors,
      ok: false,
    };
    report.ok =
      winners === 1 &&
      booked &&
      report.doubleBookings === 0 &&
      report.danglingHolds === 0 &&
      errors.length === 0 &&
      dropReleaseMs !== null &&
      dropReleaseMs < 1000 &&
      winners + losers.length === options.calls;
    return report;
  } finally {
    await db.end();
  }
}

/** A call holds a time and the line drops: how long until the hold is gone. */
async function dropDuringHold(
  options: SimulatorOptions,
  procedure: string,
  db: Client,
  errors: string[],
): Promise<number | null> {
  const call = new SimulatedCall(options);
  await call.status("in-progress");
  const slot = (await call.tool("check_availability", { procedure })).result?.slots[0]?.slotId;
  if (!slot) return null;
  const hold = await call.tool("hold_slot", { slotId: slot });
  if (hold.result?.held !== true) {
    errors.push("drop-during-hold: could not hold a time");
    return null;
  }
  const ended = Date.now();
  await call.end("customer-ended-call");
  for (;;) {
    const { rows } = await db.query<{ n: number }>(
      "select count(*)::int as n from public.reservations where kind = 'hold' and offer_id = $1",
      [slot],
    );
    if (rows[0]?.n === 0) return Date.now() - ended;
    if (Date.now() - ended > 90_000) {
      errors.push("drop-during-hold: time still held 90 s after the call ended");
      return null;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const round = (value: number) => Math.round(value * 10) / 10;
