import pg from "pg";

import {
  danglingHolds,
  doubleBookings,
  followUpTally,
  unauditedCalls,
  unfinishedCalls,
} from "../lib/simulator/invariants";
import { runScenario, SCENARIO_NAMES, type ScenarioRun } from "../lib/simulator/scenarios";
import { CLINIC_NUMBER, residentMiB, summarise, type BenchEnvironment } from "./environment";

/**
 * 200 whole calls of mixed scenarios (books, asks and does not book, drops during a hold, asks
 * for a person) at once, as fast as the simulator can send them; then every invariant is read
 * from the database. Baseline: the same scenarios one call at a time.
 */
export async function benchWholeCalls(env: BenchEnvironment, options = { calls: 200 }) {
  const simulator = {
    url: env.appUrl,
    secret: env.webhookSecret,
    clinicNumber: CLINIC_NUMBER,
    speed: 0,
  };
  const timed = async (index: number) => {
    const started = performance.now();
    const run = await runScenario(SCENARIO_NAMES[index % SCENARIO_NAMES.length]!, simulator);
    return { run, ms: performance.now() - started };
  };

  const solo: number[] = [];
  for (let index = 0; index < SCENARIO_NAMES.length * 3; index++)
    solo.push((await timed(index)).ms);

  const memoryBeforeMiB = residentMiB(env.serverPid);
  const burstStartedAt = Date.now();
  const started = performance.now();
  const results = await Promise.all(
    Array.from({ length: options.calls }, (_, index) => timed(index)),
  );
  const wallSeconds = (performance.now() - started) / 1000;
  const memoryAfterMiB = residentMiB(env.serverPid);
  const runs: ScenarioRun[] = results.map((result) => result.run);
  const vapiCallIds = runs.map((run) => run.vapiCallId);
  const responses = runs.flatMap((run) => run.steps);
  const serverErrors = responses.filter((step) => step.status >= 500).length;
  const refused = responses.filter((step) => step.status >= 400 && step.status < 500).length;

  const db = new pg.Client({ connectionString: env.databaseUrl });
  await db.connect();
  try {
    // Follow-ups are sent by the worker after the calls end: wait until none is outstanding.
    let tally = await followUpTally(db, vapiCallIds);
    const deadline = Date.now() + 6 * 60_000;
    while (tally.waiting > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      tally = await followUpTally(db, vapiCallIds);
    }
    const { rows } = await db.query<{ caller_number: string }>(
      "select caller_number from public.calls where vapi_call_id = any($1)",
      [vapiCallIds],
    );
    const callers = new Set(rows.map((row) => row.caller_number));
    const texts = env
      .texts()
      .filter((text) => text.receivedAt >= burstStartedAt && callers.has(text.to)).length;
    const booked = await db.query<{ n: number }>(
      "select count(*)::int as n from public.bookings b join public.calls c on c.id = b.call_id where c.vapi_call_id = any($1) and b.status <> 'cancelled'",
      [vapiCallIds],
    );
    const invariants = {
      doubleBookings: await doubleBookings(db),
      danglingHolds: await danglingHolds(db),
      unfinishedCalls: await unfinishedCalls(db, vapiCallIds),
      unauditedCalls: await unauditedCalls(db, vapiCallIds),
      followUpsNotSentOnce: tally.owed - tally.skipped - tally.sent + Math.abs(texts - tally.sent),
      serverErrors,
    };
    await new Promise((resolve) => setTimeout(resolve, 5000));
    return {
      name: `Whole calls: ${options.calls} simulated calls of mixed scenarios at once`,
      calls: options.calls,
      scenarios: SCENARIO_NAMES,
      webhookRequests: responses.length,
      refusedRequests: refused,
      wallSeconds: Math.round(wallSeconds * 10) / 10,
      callMs: summarise(results.map((result) => result.ms)),
      baselineOneAtATimeCallMs: summarise(solo),
      booked: booked.rows[0]!.n,
      followUps: { ...tally, textsReceived: texts },
      invariants,
      ok: Object.values(invariants).every((value) => value === 0),
      serverMemoryMiB: {
        before: memoryBeforeMiB,
        after: memoryAfterMiB,
        settled: residentMiB(env.serverPid),
      },
    };
  } finally {
    await db.end();
  }
}

export function printWholeCalls(result: Awaited<ReturnType<typeof benchWholeCalls>>) {
  console.log(`\n${result.name} (${result.scenarios.join(", ")})`);
  console.log(
    `  ${result.webhookRequests} webhook requests in ${result.wallSeconds} s; ${result.booked} booked; ${result.refusedRequests} answered 4xx`,
  );
  console.log(
    `  whole call   p50 ${result.callMs.p50} ms   p99 ${result.callMs.p99} ms   baseline one at a time p50 ${result.baselineOneAtATimeCallMs.p50} ms (${(result.callMs.p50 / result.baselineOneAtATimeCallMs.p50).toFixed(1)}x)`,
  );
  const f = result.followUps;
  console.log(
    `  follow-ups   owed ${f.owed}: sent ${f.sent}, skipped ${f.skipped}, failed ${f.failed}, waiting ${f.waiting}; texts received ${f.textsReceived}`,
  );
  console.log(
    `  invariants   ${Object.entries(result.invariants)
      .map(([name, value]) => `${name} ${value}`)
      .join(", ")} -> ${result.ok ? "all hold" : "VIOLATED"}`,
  );
  console.log(
    `  server memory  before ${result.serverMemoryMiB.before} MiB, after ${result.serverMemoryMiB.after} MiB, 5 s later ${result.serverMemoryMiB.settled} MiB`,
  );
}
