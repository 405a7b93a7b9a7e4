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
 * N simulated calls race through the real HTTP endpoint to hold the same slot; the winner
 * books it; then a call drops during a hold. Invariants are read from the database itself.
 */
export async function runSmoke(
  options: SimulatorOptions & { databaseUrl: string; calls: number },
): Promise<SmokeReport> {
  const errors: string[] = [];
  const calls = Array.from({ length: options.calls }, () => new SimulatedCall(options));
  await Promise.all(calls.map((call) => call.status("in-progress")));

  const availability = await calls[0]!.tool("check_availability", {});
  const target = availability.result?.slots[0]?.slotId;
  if (!target)
    throw new Error(
      `No open slot to race for (check_availability said: ${JSON.stringify(availability)})`,
    );

  const holds = await Promise.all(calls.map((call) => call.tool("hold_slot", { slotId: target })));
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
      slotId: target,
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
    const dropReleaseMs = await dropDuringHold(options, db, errors);
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

/** A call holds a slot and the line drops: how long until the slot is open again. */
async function dropDuringHold(
  options: SimulatorOptions,
  db: Client,
  errors: string[],
): Promise<number | null> {
  const call = new SimulatedCall(options);
  await call.status("in-progress");
  const slot = (await call.tool("check_availability", {})).result?.slots[0]?.slotId;
  if (!slot) return null;
  const hold = await call.tool("hold_slot", { slotId: slot });
  if (hold.result?.held !== true) {
    errors.push("drop-during-hold: could not hold a slot");
    return null;
  }
  const ended = Date.now();
  await call.end("customer-ended-call");
  for (;;) {
    const { rows } = await db.query<{ status: string }>(
      "select status from public.slots where id = $1",
      [slot],
    );
    if (rows[0]?.status === "open") return Date.now() - ended;
    if (Date.now() - ended > 90_000) {
      errors.push("drop-during-hold: slot still held 90 s after the call ended");
      return null;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const round = (value: number) => Math.round(value * 10) / 10;
