import { SimulatedCall } from "../lib/simulator/client";
import {
  CLINIC_NUMBER,
  HARBOUR,
  HARBOUR_RECEPTIONIST,
  summarise,
  type BenchEnvironment,
} from "./environment";

/**
 * Webhook received -> change visible in a subscribed dashboard (SSE), with 20 dashboards
 * connected, over 200 transitions sent one at a time. Baseline: the webhook's own HTTP round
 * trip, which the broadcast rides on (the change is committed before the response).
 */
export async function benchLiveUpdates(
  env: BenchEnvironment,
  options = { dashboards: 20, transitions: 200 },
) {
  const cookie = await env.sessionCookie(HARBOUR_RECEPTIONIST);
  const arrivals: Map<string, number>[] = [];
  const controllers: AbortController[] = [];
  await Promise.all(
    Array.from({ length: options.dashboards }, async (_, index) => {
      const seen = new Map<string, number>();
      arrivals[index] = seen;
      const controller = new AbortController();
      controllers.push(controller);
      const response = await fetch(`${env.appUrl}/api/clinics/${HARBOUR}/calls/stream`, {
        headers: { cookie },
        signal: controller.signal,
      });
      if (!response.ok || !response.body) throw new Error(`stream refused: ${response.status}`);
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let buffer = "";
      let ready!: () => void;
      const isReady = new Promise<void>((resolve) => (ready = resolve));
      void (async () => {
        try {
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            const now = performance.now();
            buffer += decoder.decode(value, { stream: true });
            let end: number;
            while ((end = buffer.indexOf("\n\n")) !== -1) {
              const frame = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              if (frame.includes("event: ready")) ready();
              const data = /^data: (.*)$/m.exec(frame)?.[1];
              if (frame.includes("event: call_status") && data) {
                const payload = JSON.parse(data) as { callId: string; revision: number };
                seen.set(`${payload.callId}:${payload.revision}`, now);
              }
            }
          }
        } catch {
          // aborted at the end
        }
      })();
      await isReady;
    }),
  );

  const visible: number[] = [];
  const roundTrips: number[] = [];
  const options2 = {
    url: env.appUrl,
    secret: env.webhookSecret,
    clinicNumber: CLINIC_NUMBER,
    speed: 0,
  };
  const steps: ((call: SimulatedCall) => Promise<unknown>)[] = [
    (call) => call.status("ringing"),
    (call) => call.status("in-progress"),
    (call) => call.speech("user", "started", 1),
    (call) => call.tool("check_availability", { procedure: "botox" }),
    (call) => call.end("customer-ended-call"),
  ];
  const pg = await import("pg");
  const db = new pg.default.Client({ connectionString: env.databaseUrl });
  await db.connect();
  try {
    for (let sent = 0; sent < options.transitions;) {
      const call = new SimulatedCall(options2);
      for (const step of steps) {
        const started = performance.now();
        await step(call);
        roundTrips.push(performance.now() - started);
        const { rows } = await db.query<{ id: string; revision: number }>(
          "select id, revision from public.calls where vapi_call_id = $1",
          [call.id],
        );
        const key = `${rows[0]!.id}:${rows[0]!.revision}`;
        const deadline = Date.now() + 5000;
        while (arrivals.some((seen) => !seen.has(key)) && Date.now() < deadline)
          await new Promise((resolve) => setTimeout(resolve, 1));
        for (const seen of arrivals) {
          const at = seen.get(key);
          if (at !== undefined) visible.push(at - started);
        }
        sent++;
      }
    }
  } finally {
    await db.end();
    controllers.forEach((controller) => controller.abort());
  }
  const expected = options.transitions * options.dashboards;
  return {
    name: "Live updates: webhook received -> visible in a dashboard (SSE)",
    dashboards: options.dashboards,
    transitions: options.transitions,
    deliveredShare: visible.length / expected,
    visibleMs: summarise(visible),
    baselineWebhookRoundTripMs: summarise(roundTrips),
  };
}

export function printLiveUpdates(result: Awaited<ReturnType<typeof benchLiveUpdates>>) {
  console.log(`\n${result.name}`);
  console.log(
    `  ${result.dashboards} dashboards, ${result.transitions} transitions, delivered ${(result.deliveredShare * 100).toFixed(1)}%`,
  );
  console.log(
    `  visible     p50 ${result.visibleMs.p50} ms   p95 ${result.visibleMs.p95} ms   p99 ${result.visibleMs.p99} ms   max ${result.visibleMs.max} ms`,
  );
  console.log(
    `  baseline    webhook round trip p50 ${result.baselineWebhookRoundTripMs.p50} ms   p95 ${result.baselineWebhookRoundTripMs.p95} ms   (visible p50 ${(result.visibleMs.p50 / result.baselineWebhookRoundTripMs.p50).toFixed(1)}x)`,
  );
}
