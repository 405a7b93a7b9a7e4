import { SimulatedCall } from "../lib/simulator/client";
import { CLINIC_NUMBER, summarise, type BenchEnvironment } from "./environment";

/**
 * Call end -> aftercare text handed to the sender (arrival at the Twilio API double), for
 * callers who asked about a facelift and did not book. Baseline: one call at a time on an idle
 * server; then 200 calls ending together. The promise to patients is 5 minutes.
 */
export async function benchFollowUpLag(env: BenchEnvironment, options = { solo: 10, burst: 200 }) {
  const simulator = {
    url: env.appUrl,
    secret: env.webhookSecret,
    clinicNumber: CLINIC_NUMBER,
    speed: 0,
  };
  const endedAt = new Map<string, number>();
  const askAndHangUp = async (callerNumber: string) => {
    const call = new SimulatedCall(simulator, callerNumber);
    await call.status("in-progress");
    await call.tool("lookup_procedure", { query: "facelift" });
    endedAt.set(callerNumber, Date.now());
    await call.end("customer-ended-call");
    await call.report("customer-ended-call", [
      { role: "user", message: "I'm thinking about a facelift, I'll call back when I've decided." },
    ]);
  };
  const lagsOf = async (numbers: string[], timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const texts = env.texts().filter((text) => endedAt.has(text.to) && numbers.includes(text.to));
      if (texts.length >= numbers.length || Date.now() > deadline) {
        return {
          lags: texts.map((text) => text.receivedAt - endedAt.get(text.to)!),
          texts: texts.length,
        };
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  const solo: number[] = [];
  for (let index = 0; index < options.solo; index++) {
    const number = `+1555500${String(index).padStart(4, "0")}`;
    await askAndHangUp(number);
    solo.push(...(await lagsOf([number], 30_000)).lags);
  }

  const burstNumbers = Array.from(
    { length: options.burst },
    (_, index) => `+1555600${String(index).padStart(4, "0")}`,
  );
  await Promise.all(burstNumbers.map((number) => askAndHangUp(number)));
  const burst = await lagsOf(burstNumbers, 6 * 60_000);
  return {
    name: `Follow-up lag: call end -> text handed to the sender (${options.burst} calls)`,
    calls: options.burst,
    textsSent: burst.texts,
    lagMs: summarise(burst.lags),
    baselineOneAtATimeMs: summarise(solo),
    promiseMs: 5 * 60_000,
  };
}

export function printFollowUpLag(result: Awaited<ReturnType<typeof benchFollowUpLag>>) {
  console.log(`\n${result.name}`);
  console.log(
    `  ${result.calls} calls ending together  texts ${result.textsSent}/${result.calls}   p50 ${result.lagMs.p50} ms   p99 ${result.lagMs.p99} ms   max ${result.lagMs.max} ms`,
  );
  console.log(
    `  baseline one at a time     p50 ${result.baselineOneAtATimeMs.p50} ms   p99 ${result.baselineOneAtATimeMs.p99} ms   (burst p99 ${(result.lagMs.p99 / result.baselineOneAtATimeMs.p99).toFixed(1)}x; promise 300 s)`,
  );
}
