import { SimulatedCall, type SimulatorOptions } from "../lib/simulator/client";
import { CLINIC_NUMBER, summarise, type BenchEnvironment } from "./environment";

/**
 * What the assistant waits for: check_availability and hold_slot answered through the real
 * webhook endpoint while 50 simulated calls are live. Each call asks, thinks for 0.5-1.5 s and
 * asks again: several times the pace of a real conversation (a tool call every few seconds),
 * so about 50 tool calls a second. Baseline: GET /api/health (the same server, one `select 1`)
 * at the same pace. Then the same 50 calls with no pause at all, to find the server's capacity.
 */
export async function benchToolLatency(env: BenchEnvironment, options = { calls: 50, rounds: 20 }) {
  const simulator = { url: env.appUrl, secret: env.webhookSecret, clinicNumber: CLINIC_NUMBER, speed: 0 };
  const random = seeded(8);
  const think = (paced: boolean) => (paced ? new Promise((resolve) => setTimeout(resolve, 500 + random() * 1000)) : Promise.resolve());
  const baseline: number[] = [];
  await Promise.all(
    Array.from({ length: options.calls }, async () => {
      for (let round = 0; round < options.rounds; round++) {
        await think(true);
        const started = performance.now();
        const response = await fetch(`${env.appUrl}/api/health`);
        await response.arrayBuffer();
        if (response.ok) baseline.push(performance.now() - started);
      }
    }),
  );
  const paced = await toolRounds(env, simulator, options, () => think(true));
  const saturated = await toolRounds(env, simulator, options, () => think(false));
  return {
    name: `Tool-call latency: ${options.calls} concurrent calls`,
    calls: options.calls,
    paced,
    saturated,
    baselineHealthMs: summarise(baseline),
    goalP99Ms: 50,
  };
}

async function toolRounds(env: BenchEnvironment, simulator: SimulatorOptions, options: { calls: number; rounds: number }, pause: () => Promise<unknown>) {

  const calls = Array.from({ length: options.calls }, (_, index) => new SimulatedCall(simulator, `+1555400${String(index).padStart(4, "0")}`));
  await Promise.all(calls.map((call) => call.status("in-progress")));
  const availability: number[] = [];
  const hold: number[] = [];
  let failures = 0;
  const partsOfDay = ["morning", "afternoon", undefined];
  const started = performance.now();
  await Promise.all(
    calls.map(async (call, index) => {
      for (let round = 0; round < options.rounds; round++) {
        await pause();
        const partOfDay = partsOfDay[(index + round) % partsOfDay.length];
        const offered = await call.tool("check_availability", partOfDay ? { partOfDay } : {});
        if (offered.status !== 200 || offered.error) failures++;
        else availability.push(offered.ms);
        const slots = (offered.result?.slots as { slotId: string }[] | undefined) ?? [];
        const slot = slots[(index * 7 + round) % Math.max(1, slots.length)];
        if (!slot) continue;
        await pause();
        const held = await call.tool("hold_slot", { slotId: slot.slotId });
        if (held.status !== 200 || held.error) failures++;
        else hold.push(held.ms);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(calls.map((call) => call.end("customer-ended-call")));
  return {
    toolCallsPerSecond: Math.round((availability.length + hold.length) / seconds),
    checkAvailabilityMs: summarise(availability),
    holdSlotMs: summarise(hold),
    failures,
  };
}

/** Deterministic pauses (mulberry32), so runs are comparable. */
function seeded(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function printToolLatency(result: Awaited<ReturnType<typeof benchToolLatency>>) {
  const line = (label: string, figures: ReturnType<typeof summarise>) =>
    `  ${label.padEnd(34)} n ${String(figures.n).padStart(5)}   p50 ${String(figures.p50).padStart(7)} ms   p99 ${String(figures.p99).padStart(7)} ms   (p99 ${(figures.p99 / result.baselineHealthMs.p99).toFixed(1)}x baseline)`;
  const { paced, saturated } = result;
  console.log(`\n${result.name} (goal p99 < ${result.goalP99Ms} ms)`);
  console.log(`  paced, 0.5-1.5 s between tool calls: ${paced.toolCallsPerSecond} tool calls/s, ${paced.failures} failures`);
  console.log(line("check_availability", paced.checkAvailabilityMs));
  console.log(line("hold_slot", paced.holdSlotMs));
  console.log(line("baseline GET /api/health, same pace", result.baselineHealthMs));
  console.log(`  no pauses (capacity): ${saturated.toolCallsPerSecond} tool calls/s, ${saturated.failures} failures`);
  console.log(line("check_availability", saturated.checkAvailabilityMs));
  console.log(line("hold_slot", saturated.holdSlotMs));
}
