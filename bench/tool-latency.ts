import { SimulatedCall, type SimulatorOptions } from "../lib/simulator/client";
import { seeded } from "../lib/simulator/random";
import { CLINIC_NUMBER, summarise, type BenchEnvironment } from "./environment";

/**
 * What the assistant waits for: check_availability and hold_slot answered through the real
 * webhook endpoint while 50 simulated calls are live, at three paces: a tool call every 2-6 s
 * per call (already brisker than a conversation, where the caller talks between tool calls),
 * four times that (0.5-1.5 s), and no pause at all (the server's capacity). Baseline: GET
 * /api/health (the same server, one `select 1`) from 50 clients at the same pace.
 */
const PACES = [
  { name: "conversation pace (2-6 s apart)", minMs: 2000, maxMs: 6000, rounds: 8 },
  { name: "4x pace (0.5-1.5 s apart)", minMs: 500, maxMs: 1500, rounds: 16 },
  { name: "no pauses (capacity)", minMs: 0, maxMs: 0, rounds: 16 },
];

export async function benchToolLatency(env: BenchEnvironment, options = { calls: 50 }) {
  const simulator = {
    url: env.appUrl,
    secret: env.webhookSecret,
    clinicNumber: CLINIC_NUMBER,
    speed: 0,
  };
  // Deterministic pauses, so runs are comparable.
  const random = seeded(8);
  const paces = [];
  for (const pace of PACES) {
    const pause = () =>
      pace.maxMs > 0
        ? new Promise((resolve) =>
            setTimeout(resolve, pace.minMs + random() * (pace.maxMs - pace.minMs)),
          )
        : Promise.resolve();
    const baseline: number[] = [];
    await Promise.all(
      Array.from({ length: options.calls }, async () => {
        for (let round = 0; round < pace.rounds * 2; round++) {
          await pause();
          const started = performance.now();
          const response = await fetch(`${env.appUrl}/api/health`);
          await response.arrayBuffer();
          if (response.ok) baseline.push(performance.now() - started);
        }
      }),
    );
    paces.push({
      pace: pace.name,
      ...(await toolRounds(simulator, options.calls, pace.rounds, pause)),
      baselineHealthMs: summarise(baseline),
    });
  }
  return {
    name: `Tool-call latency: ${options.calls} concurrent calls`,
    calls: options.calls,
    goalP99Ms: 50,
    paces,
  };
}

async function toolRounds(
  simulator: SimulatorOptions,
  count: number,
  rounds: number,
  pause: () => Promise<unknown>,
) {
  const calls = Array.from(
    { length: count },
    (_, index) => new SimulatedCall(simulator, `+1555400${String(index).padStart(4, "0")}`),
  );
  await Promise.all(calls.map((call) => call.status("in-progress")));
  const availability: number[] = [];
  const hold: number[] = [];
  let failures = 0;
  const partsOfDay = ["morning", "afternoon", undefined];
  const started = performance.now();
  await Promise.all(
    calls.map(async (call, index) => {
      for (let round = 0; round < rounds; round++) {
        await pause();
        const partOfDay = partsOfDay[(index + round) % partsOfDay.length];
        const offered = await call.tool("check_availability", {
          procedure: "botox",
          ...(partOfDay ? { partOfDay } : {}),
        });
        if (offered.status !== 200 || offered.error) failures++;
        else availability.push(offered.ms);
        const slots = offered.result?.slots ?? [];
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

export function printToolLatency(result: Awaited<ReturnType<typeof benchToolLatency>>) {
  console.log(`\n${result.name} (goal p99 < ${result.goalP99Ms} ms)`);
  for (const pace of result.paces) {
    const line = (label: string, figures: ReturnType<typeof summarise>) =>
      `    ${label.padEnd(26)} n ${String(figures.n).padStart(5)}   p50 ${String(figures.p50).padStart(7)} ms   p99 ${String(figures.p99).padStart(7)} ms   (p99 ${(figures.p99 / pace.baselineHealthMs.p99).toFixed(1)}x baseline)`;
    console.log(
      `  ${pace.pace}: ${pace.toolCallsPerSecond} tool calls/s, ${pace.failures} failures`,
    );
    console.log(line("check_availability", pace.checkAvailabilityMs));
    console.log(line("hold_slot", pace.holdSlotMs));
    console.log(line("baseline GET /api/health", pace.baselineHealthMs));
  }
}
