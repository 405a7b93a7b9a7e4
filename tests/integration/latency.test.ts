import type { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ownerClient } from "../helpers/db";
import { newCall } from "../helpers/vapi";

let db: Client;
beforeAll(async () => {
  db = await ownerClient();
});
afterAll(async () => {
  await db.end();
});

const latencies = (vapiCallId: string) =>
  db
    .query<{ source: string; turn: number; latency_ms: number; breakdown: Record<string, number> }>(
      `select t.source, t.turn, t.latency_ms::float8 as latency_ms, t.breakdown from public.turn_latencies t join public.calls c on c.id = t.call_id
        where c.vapi_call_id = $1 order by t.source, t.turn`,
      [vapiCallId],
    )
    .then((result) => result.rows);

describe("the latency audit", () => {
  it("measures each turn from speech updates, the report's messages and Vapi's metrics, once each", async () => {
    const call = newCall();
    const t = Date.now();
    await call.status("in-progress");
    await call.send("speech-update", { role: "user", status: "stopped", turn: 1, timestamp: t });
    await call.send("speech-update", {
      role: "assistant",
      status: "started",
      turn: 2,
      timestamp: t + 640,
    });
    await call.send("speech-update", {
      role: "user",
      status: "stopped",
      turn: 3,
      timestamp: new Date(t + 5000).toISOString(),
    });
    await call.send("speech-update", {
      role: "assistant",
      status: "started",
      turn: 4,
      timestamp: t + 5910,
    });
    const live = await db.query(
      "select last_turn_latency_ms from public.calls where vapi_call_id = $1",
      [call.id],
    );
    expect(live.rows[0].last_turn_latency_ms).toBe(910);

    await call.tool("check_availability", {});
    const report = {
      endedReason: "customer-ended-call",
      artifact: {
        messages: [
          { role: "bot", message: "Hello", time: t - 3000 },
          { role: "user", message: "Hi, facelift?", time: t - 2000, endTime: t + 0.5 },
          { role: "bot", message: "Sure.", time: t + 700.25 },
        ],
        performanceMetrics: {
          turnLatencies: [
            {
              turnLatency: 1310,
              modelLatency: 610,
              voiceLatency: 300,
              transcriberLatency: 150,
              endpointingLatency: 250,
            },
          ],
        },
      },
    };
    await call.send("end-of-call-report", report);
    await call.send("end-of-call-report", report); // a duplicate changes nothing

    const rows = await latencies(call.id);
    expect(rows.map(({ source, turn, latency_ms }) => [source, turn, latency_ms])).toEqual([
      ["artifact_messages", 0, 699.8],
      ["performance_metrics", 0, 1310],
      ["speech_update", 2, 640],
      ["speech_update", 4, 910],
      ["tool_call", 0, expect.any(Number)],
    ]);
    expect(rows.find((row) => row.source === "performance_metrics")!.breakdown).toEqual({
      model: 610,
      voice: 300,
      transcriber: 150,
      endpointing: 250,
    });
    expect(rows.find((row) => row.source === "tool_call")!.breakdown).toHaveProperty(
      "check_availability",
    );
    // The board keeps the live measurement rather than the report's.
    const after = await db.query(
      "select last_turn_latency_ms from public.calls where vapi_call_id = $1",
      [call.id],
    );
    expect(after.rows[0].last_turn_latency_ms).toBe(910);
  });

  it("ignores an assistant start with no caller turn before it, and impossible gaps", async () => {
    const call = newCall();
    const t = Date.now();
    await call.status("in-progress");
    await call.send("speech-update", {
      role: "assistant",
      status: "started",
      turn: 0,
      timestamp: t,
    });
    await call.send("speech-update", {
      role: "user",
      status: "stopped",
      turn: 1,
      timestamp: t + 2000,
    });
    await call.send("speech-update", {
      role: "assistant",
      status: "started",
      turn: 2,
      timestamp: t + 1000,
    });
    expect(await latencies(call.id)).toEqual([]);
  });
});
