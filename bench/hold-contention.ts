import pg from "pg";

import { SimulatedCall } from "../lib/simulator/client";
import { CLINIC_NUMBER, HARBOUR, inBatches, summarise, type BenchEnvironment } from "./environment";

/**
 * N callers claim appointment slots at the same instant: all on one slot (the contended case)
 * and each on its own slot (spread). Four ways of claiming, measured in the same run:
 *   http          the assistant's hold_slot tool call through the real webhook endpoint
 *   claim_slot_atomic   our database function, called directly from a pool of 20 connections
 *   for update    baseline: the same transaction shape as plain SQL (SELECT ... FOR UPDATE; UPDATE)
 *   naive         what the lock prevents: read the slot, then write it if it looked free
 * A claim is "granted" when the caller was told the slot is theirs; more than one grant for a
 * slot is a double booking.
 */
type Method = "http" | "claim_slot_atomic" | "for update" | "naive";
const METHODS: Method[] = ["http", "claim_slot_atomic", "for update", "naive"];
const POOL_SIZE = 20;

export interface ContentionRow {
  shape: "one slot" | "spread";
  n: number;
  method: Method;
  claimsPerSecond: number;
  latencyMs: ReturnType<typeof summarise>;
  granted: number;
  doubleBookings: number;
  errors: number;
}

export async function benchHoldContention(env: BenchEnvironment, sizes = [10, 100, 1000]) {
  const max = Math.max(...sizes);
  const pool = new pg.Pool({ connectionString: env.databaseUrl, max: POOL_SIZE });
  const options = {
    url: env.appUrl,
    secret: env.webhookSecret,
    clinicNumber: CLINIC_NUMBER,
    speed: 0,
  };
  try {
    const slotIds = await createBenchSlots(pool, max);
    // Live calls to claim for: started through the webhook, so the HTTP path has them too.
    const calls = Array.from(
      { length: max },
      (_, index) => new SimulatedCall(options, `+1555300${String(index).padStart(4, "0")}`),
    );
    await inBatches(calls, 50, (call) => call.status("in-progress"));
    const { rows } = await pool.query<{ id: string; vapi_call_id: string }>(
      "select id, vapi_call_id from public.calls where vapi_call_id = any($1)",
      [calls.map((call) => call.id)],
    );
    const dbId = new Map(rows.map((row) => [row.vapi_call_id, row.id]));
    const callIds = calls.map((call) => dbId.get(call.id)!);
    // Every pooled connection open before the clock starts.
    await Promise.all(Array.from({ length: POOL_SIZE }, () => pool.query("select pg_sleep(0.01)")));

    const claim: Record<Method, (index: number, slotId: string) => Promise<boolean>> = {
      http: async (index, slotId) => {
        const hold = await calls[index]!.tool("hold_slot", { slotId });
        if (hold.status !== 200 || hold.error)
          throw new Error(`HTTP ${hold.status} ${hold.error ?? ""}`);
        return hold.result?.held === true;
      },
      claim_slot_atomic: async (index, slotId) => {
        const result = await pool.query<{ outcome: string }>(
          "select outcome from public.claim_slot_atomic($1, $2)",
          [slotId, callIds[index]],
        );
        return result.rows[0]?.outcome === "held";
      },
      "for update": async (index, slotId) => {
        const client = await pool.connect();
        try {
          await client.query("begin");
          const slot = await client.query<{ free: boolean }>(
            "select status = 'open' or (status = 'held' and held_until <= now()) as free from public.slots where id = $1 for update",
            [slotId],
          );
          const free = slot.rows[0]?.free === true;
          if (free) {
            await client.query(
              "update public.slots set status = 'held', held_by_call = $2, held_until = now() + interval '90 seconds' where id = $1",
              [slotId, callIds[index]],
            );
          }
          await client.query("commit");
          return free;
        } catch (error) {
          await client.query("rollback").catch(() => undefined);
          throw error;
        } finally {
          client.release();
        }
      },
      naive: async (index, slotId) => {
        const slot = await pool.query<{ status: string }>(
          "select status from public.slots where id = $1",
          [slotId],
        );
        if (slot.rows[0]?.status !== "open") return false;
        await pool.query(
          "update public.slots set status = 'held', held_by_call = $2, held_until = now() + interval '90 seconds' where id = $1",
          [slotId, callIds[index]],
        );
        return true;
      },
    };

    const rowsOut: ContentionRow[] = [];
    for (const n of sizes) {
      for (const shape of ["one slot", "spread"] as const) {
        for (const method of METHODS) {
          await pool.query(
            "update public.slots set status = 'open', held_by_call = null, held_until = null where id = any($1)",
            [slotIds],
          );
          const targets = Array.from({ length: n }, (_, index) =>
            shape === "one slot" ? slotIds[0]! : slotIds[index]!,
          );
          const latencies: number[] = [];
          let errors = 0;
          const started = performance.now();
          const granted = await Promise.all(
            targets.map(async (slotId, index) => {
              const begun = performance.now();
              try {
                return (await claim[method](index, slotId)) ? slotId : null;
              } catch {
                errors++;
                return null;
              } finally {
                latencies.push(performance.now() - begun);
              }
            }),
          );
          const seconds = (performance.now() - started) / 1000;
          const grantsPerSlot = new Map<string, number>();
          for (const slotId of granted)
            if (slotId) grantsPerSlot.set(slotId, (grantsPerSlot.get(slotId) ?? 0) + 1);
          const doubleBookings = [...grantsPerSlot.values()].reduce(
            (sum, count) => sum + count - 1,
            0,
          );
          rowsOut.push({
            shape,
            n,
            method,
            claimsPerSecond: Math.round(n / seconds),
            latencyMs: summarise(latencies),
            granted: granted.filter(Boolean).length,
            doubleBookings,
            errors,
          });
        }
      }
    }
    await pool.query(
      "update public.slots set status = 'open', held_by_call = null, held_until = null where id = any($1)",
      [slotIds],
    );
    await inBatches(calls, 50, (call) => call.end("customer-ended-call"));
    return {
      name: "Hold contention: concurrent claims on appointment slots",
      poolSize: POOL_SIZE,
      rows: rowsOut,
    };
  } finally {
    await pool.end();
  }
}

/** Slots far in the future for one of the clinic's practitioners, so no other figure offers them. */
async function createBenchSlots(pool: pg.Pool, count: number): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(
    `insert into public.slots (clinic_id, practitioner_id, starts_at, ends_at)
     select $1, (select id from public.practitioners where clinic_id = $1 order by id limit 1),
            timestamptz '2031-01-06 09:00Z' + make_interval(mins => 30 * i), timestamptz '2031-01-06 09:30Z' + make_interval(mins => 30 * i)
       from generate_series(0, $2 - 1) i
     returning id`,
    [HARBOUR, count],
  );
  return rows.map((row) => row.id);
}

export function printHoldContention(result: Awaited<ReturnType<typeof benchHoldContention>>) {
  console.log(`\n${result.name} (pool of ${result.poolSize} connections for the direct methods)`);
  console.log(
    "  shape      N     method              claims/s   p50 ms   p99 ms  granted  double bookings",
  );
  for (const row of result.rows) {
    console.log(
      `  ${row.shape.padEnd(9)} ${String(row.n).padStart(5)}  ${row.method.padEnd(18)} ${String(row.claimsPerSecond).padStart(9)} ${String(row.latencyMs.p50).padStart(8)} ${String(row.latencyMs.p99).padStart(8)} ${String(row.granted).padStart(8)} ${String(row.doubleBookings).padStart(16)}${row.errors ? `  (${row.errors} errors)` : ""}`,
    );
  }
  for (const n of new Set(result.rows.map((row) => row.n))) {
    const of = (method: Method) =>
      result.rows.find((row) => row.n === n && row.shape === "one slot" && row.method === method)!;
    const ratio = (a: number, b: number) => (b === 0 ? "n/a" : (a / b).toFixed(2));
    console.log(
      `  N=${n} one slot: claim_slot_atomic ${ratio(of("claim_slot_atomic").claimsPerSecond, of("for update").claimsPerSecond)}x the throughput of FOR UPDATE; HTTP p99 ${ratio(of("http").latencyMs.p99, of("claim_slot_atomic").latencyMs.p99)}x the direct call's`,
    );
  }
}
