import pg from "pg";

import { SimulatedCall } from "../lib/simulator/client";
import { CLINIC_NUMBER, HARBOUR, inBatches, summarise, type BenchEnvironment } from "./environment";

/**
 * N callers claim one practitioner's time at the same instant. Each caller has an offer of its
 * own (as check_availability makes them: one `slot_offers` row per call), in two shapes:
 *   same range    every offer is the same 30 minutes (exactly one can win)
 *   overlapping   30-minute offers starting every 5 minutes across one hour, so each overlaps
 *                 its neighbours (a few non-overlapping ones can win together)
 * Three ways of claiming, measured in the same run:
 *   http                the assistant's hold_slot tool call through the real webhook endpoint
 *                       (losers are answered with alternatives, as a real caller is)
 *   claim_slot_atomic   our database function, called directly from a pool of 20 connections
 *   for update          baseline: the minimal correct pessimistic implementation as plain SQL:
 *                       lock the practitioner row (SELECT … FOR UPDATE), look for an overlapping
 *                       live reservation, insert the hold, commit
 * A claim is "granted" when the caller was told the time is theirs. Double bookings are read
 * from the data after each run: pairs of live reservations of the practitioner whose occupied
 * ranges overlap (a SQL self-join, not the exclusion constraint).
 *
 * Small N is repeated (ROUND_CLAIMS / N rounds: 20 at N = 10, 2 at N = 100), the three methods
 * taking turns in a rotating order, and throughput is all claims over all their time: ten claims
 * take 20-50 ms, and on a shared machine one such sample says more about the scheduler than
 * about the claim. `granted` and double bookings are the most seen in one round.
 */
type Method = "http" | "claim_slot_atomic" | "for update";
const METHODS: Method[] = ["http", "claim_slot_atomic", "for update"];
type Shape = "same range" | "overlapping";
const SHAPES: Shape[] = ["same range", "overlapping"];
const POOL_SIZE = 20;
/** Claims per (N, shape, method) at least: small N is repeated to reach it. */
const ROUND_CLAIMS = 200;
/** Far in the future, so no other figure offers these times. */
const BASE = Date.parse("2031-01-06T09:00:00Z");
const MINUTE = 60_000;

export interface ContentionRow {
  shape: Shape;
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
    // One practitioner and a type they perform (the offers name both, as real ones do).
    const { rows: target } = await pool.query<{
      practitioner_id: string;
      type_id: string;
      procedure_id: string;
    }>(
      `select a.practitioner_id, t.id as type_id, t.procedure_id
         from public.appointment_type_practitioners a join public.appointment_types t on t.id = a.appointment_type_id
        where t.clinic_id = $1 and t.active and t.resource_id is null
        order by a.practitioner_id, t.id limit 1`,
      [HARBOUR],
    );
    const {
      practitioner_id: practitionerId,
      type_id: typeId,
      procedure_id: procedureId,
    } = target[0]!;
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

    /** The bench's window of the practitioner's time: emptied before each run. */
    const window = [new Date(BASE - 60 * MINUTE), new Date(BASE + 3 * 60 * MINUTE)];
    const reset = () =>
      pool.query(
        `delete from public.reservations where practitioner_id = $1 and occupied && tstzrange($2, $3)`,
        [practitionerId, ...window],
      );
    /** One offer per caller; the same range for all, or overlapping ranges 5 minutes apart. */
    const makeOffers = async (n: number, shape: Shape) => {
      const starts = Array.from(
        { length: n },
        (_, index) => new Date(BASE + (shape === "same range" ? 0 : (index % 12) * 5 * MINUTE)),
      );
      const { rows: offers } = await pool.query<{ id: string }>(
        `insert into public.slot_offers (clinic_id, call_id, appointment_type_id, procedure_id, practitioner_id,
                                         starts_at, ends_at, occupied, expires_at)
         select $1, o.call_id, $2, $3, $4, o.starts_at, o.starts_at + interval '30 minutes',
                tstzrange(o.starts_at, o.starts_at + interval '30 minutes'), now() + interval '1 hour'
           from unnest($5::uuid[], $6::timestamptz[]) with ordinality as o (call_id, starts_at, position)
          order by o.position
         returning id`,
        [HARBOUR, typeId, procedureId, practitionerId, callIds.slice(0, n), starts],
      );
      return offers.map((offer) => offer.id);
    };

    const claim: Record<Method, (index: number, offerId: string) => Promise<boolean>> = {
      http: async (index, offerId) => {
        const hold = await calls[index]!.tool("hold_slot", { slotId: offerId });
        if (hold.status !== 200 || hold.error)
          throw new Error(`HTTP ${hold.status} ${hold.error ?? ""}`);
        return hold.result?.held === true;
      },
      claim_slot_atomic: async (index, offerId) => {
        const result = await pool.query<{ outcome: string }>(
          "select outcome from public.claim_slot_atomic($1, $2)",
          [offerId, callIds[index]],
        );
        return result.rows[0]?.outcome === "held";
      },
      "for update": async (index, offerId) => {
        const client = await pool.connect();
        try {
          await client.query("begin");
          await client.query("select 1 from public.practitioners where id = $1 for update", [
            practitionerId,
          ]);
          const { rows: inserted } = await client.query(
            `insert into public.reservations (clinic_id, kind, practitioner_id, starts_at, ends_at, occupied,
                                              call_id, held_until, offer_id)
             select o.clinic_id, 'hold', o.practitioner_id, o.starts_at, o.ends_at, o.occupied, o.call_id,
                    now() + interval '90 seconds', o.id
               from public.slot_offers o
              where o.id = $1
                and not exists (select 1 from public.reservations r
                                 where r.practitioner_id = o.practitioner_id and r.occupied && o.occupied
                                   and (r.kind <> 'hold' or r.held_until > now()))
             returning id`,
            [offerId],
          );
          await client.query("commit");
          return inserted.length === 1;
        } catch (error) {
          await client.query("rollback").catch(() => undefined);
          throw error;
        } finally {
          client.release();
        }
      },
    };

    // Warm up every method untimed (each pooled connection compiles claim_slot_atomic, the
    // server loads its routes), so N = 10 measures claims and not first calls.
    for (const method of METHODS) {
      await reset();
      const offers = await makeOffers(Math.min(POOL_SIZE * 2, max), "overlapping");
      await Promise.all(offers.map((offerId, index) => claim[method](index, offerId)));
    }

    const rowsOut: ContentionRow[] = [];
    for (const n of sizes) {
      for (const shape of SHAPES) {
        const rounds = Math.max(1, Math.round(ROUND_CLAIMS / n));
        const runs = Object.fromEntries(
          METHODS.map((method) => [
            method,
            { seconds: 0, latencies: [] as number[], granted: 0, doubleBookings: 0, errors: 0 },
          ]),
        ) as Record<
          Method,
          {
            seconds: number;
            latencies: number[];
            granted: number;
            doubleBookings: number;
            errors: number;
          }
        >;
        for (let round = 0; round < rounds; round++) {
          // Each method first, second and last in turn.
          const order = METHODS.map((_, i) => METHODS[(i + round) % METHODS.length]!);
          for (const method of order) {
            const run = runs[method];
            await reset();
            const offers = await makeOffers(n, shape);
            const started = performance.now();
            const granted = await Promise.all(
              offers.map(async (offerId, index) => {
                const begun = performance.now();
                try {
                  return await claim[method](index, offerId);
                } catch {
                  run.errors++;
                  return false;
                } finally {
                  run.latencies.push(performance.now() - begun);
                }
              }),
            );
            run.seconds += (performance.now() - started) / 1000;
            run.granted = Math.max(run.granted, granted.filter(Boolean).length);
            run.doubleBookings = Math.max(
              run.doubleBookings,
              await doubleBookings(pool, practitionerId, window),
            );
          }
        }
        for (const method of METHODS) {
          const run = runs[method];
          rowsOut.push({
            shape,
            n,
            method,
            claimsPerSecond: Math.round((n * rounds) / run.seconds),
            latencyMs: summarise(run.latencies),
            granted: run.granted,
            doubleBookings: run.doubleBookings,
            errors: run.errors,
          });
        }
      }
    }
    await reset();
    await inBatches(calls, 50, (call) => call.end("customer-ended-call"));
    return {
      name: "Hold contention: N callers claim one practitioner's time at once",
      poolSize: POOL_SIZE,
      rows: rowsOut,
    };
  } finally {
    await pool.end();
  }
}

/** Pairs of live reservations of the practitioner in the window whose occupied ranges overlap. */
async function doubleBookings(pool: pg.Pool, practitionerId: string, window: Date[]) {
  const { rows } = await pool.query<{ n: number }>(
    `select count(*)::int as n
       from public.reservations a join public.reservations b
         on a.id < b.id and a.practitioner_id = b.practitioner_id and a.occupied && b.occupied
      where a.practitioner_id = $1 and a.occupied && tstzrange($2, $3)
        and (a.kind <> 'hold' or a.held_until > now()) and (b.kind <> 'hold' or b.held_until > now())`,
    [practitionerId, ...window],
  );
  return rows[0]!.n;
}

export function printHoldContention(result: Awaited<ReturnType<typeof benchHoldContention>>) {
  console.log(`\n${result.name} (pool of ${result.poolSize} connections for the direct methods)`);
  console.log(
    "  shape          N     method              claims/s   p50 ms   p99 ms  granted  double bookings",
  );
  for (const row of result.rows) {
    console.log(
      `  ${row.shape.padEnd(12)} ${String(row.n).padStart(5)}  ${row.method.padEnd(18)} ${String(row.claimsPerSecond).padStart(9)} ${String(row.latencyMs.p50).padStart(8)} ${String(row.latencyMs.p99).padStart(8)} ${String(row.granted).padStart(8)} ${String(row.doubleBookings).padStart(16)}${row.errors ? `  (${row.errors} errors)` : ""}`,
    );
  }
  const ratio = (a: number, b: number) => (b === 0 ? "n/a" : (a / b).toFixed(2));
  for (const shape of SHAPES) {
    for (const n of new Set(result.rows.map((row) => row.n))) {
      const of = (method: Method) =>
        result.rows.find((row) => row.n === n && row.shape === shape && row.method === method)!;
      console.log(
        `  N=${n} ${shape}: claim_slot_atomic ${ratio(of("claim_slot_atomic").claimsPerSecond, of("for update").claimsPerSecond)}x the throughput of FOR UPDATE (goal >= 1x); HTTP p99 ${of("http").latencyMs.p99} ms`,
      );
    }
  }
}
