import { describe, expect, it, vi } from "vitest";

import { parseLiveCallsSnapshot } from "@/types/live-call";
import { applyCallDelta, mergeSnapshot } from "@/lib/realtime/apply-delta";
import { backoffDelay } from "@/lib/realtime/backoff";
import { createSseTransport } from "@/lib/realtime/sse-transport";
import { createSupabaseTransport } from "@/lib/realtime/supabase-transport";
import type { ConnectionStatus } from "@/lib/realtime/types";

import { liveCall } from "../helpers/live-call";
import { FakeEventSource, fakeSupabase } from "../helpers/realtime-fakes";

const snapshot = (...calls: ReturnType<typeof liveCall>[]) => ({
  calls,
  serverTime: "2026-11-22T10:00:00.000Z",
});

describe("applyCallDelta", () => {
  it("adds a new call and replaces an older revision", () => {
    const added = applyCallDelta(snapshot(), liveCall());
    expect(added?.calls).toHaveLength(1);
    const updated = applyCallDelta(added, liveCall({ revision: 2, state: "collecting_info" }));
    expect(updated?.calls[0]).toMatchObject({ revision: 2, state: "collecting_info" });
  });

  it("ignores stale and duplicate deltas", () => {
    const current = snapshot(liveCall({ revision: 5, state: "booking_appointment" }));
    expect(applyCallDelta(current, liveCall({ revision: 4, state: "collecting_info" }))).toBe(
      current,
    );
    expect(applyCallDelta(current, liveCall({ revision: 5, state: "collecting_info" }))).toBe(
      current,
    );
  });

  it("leaves a snapshot that has not loaded yet to the snapshot", () => {
    expect(applyCallDelta(undefined, liveCall())).toBeUndefined();
  });

  it.each([
    ["nothing", null],
    ["text", "call_status"],
    ["a call without a revision", { ...liveCall(), revision: undefined }],
    ["a revision as text", { ...liveCall(), revision: "9" }],
    ["a start that is not a time", liveCall({ revision: 5, startedAt: "soon" })],
    [
      "a held slot without its end",
      {
        ...liveCall({ revision: 5 }),
        heldSlot: { slotId: "s", startsAt: "2026-11-22T10:00:00Z", practitioner: "Dr Lee" },
      },
    ],
  ])("ignores a broadcast that is not a call (%s)", (_name, payload) => {
    const current = snapshot(liveCall({ revision: 4 }));
    expect(applyCallDelta(current, payload)).toBe(current);
  });

  it("reads a call as Postgres sends it, and one from before transfers were shown", () => {
    const { transferredTo: _, ...older } = liveCall({
      startedAt: "2026-11-22T10:00:00.123456+00:00",
    });
    expect(applyCallDelta(snapshot(), older)?.calls).toEqual([older]);
  });
});

describe("parseLiveCallsSnapshot", () => {
  it("keeps the calls it can read and leaves out the rest", () => {
    const parsed = parseLiveCallsSnapshot({
      calls: [liveCall({ callId: "a" }), { callId: "b" }, 7],
      serverTime: "2026-11-22T10:00:00.000Z",
    });
    expect(parsed?.calls.map((call) => call.callId)).toEqual(["a"]);
  });

  it("refuses a body without a server time", () => {
    expect(parseLiveCallsSnapshot({ calls: [] })).toBeNull();
    expect(parseLiveCallsSnapshot("<html>")).toBeNull();
  });
});

describe("mergeSnapshot", () => {
  it("keeps whichever side has the newer revision of each call", () => {
    const current = snapshot(
      liveCall({ callId: "a", revision: 7 }),
      liveCall({ callId: "b", revision: 1 }),
    );
    const fresh = snapshot(
      liveCall({ callId: "a", revision: 6 }),
      liveCall({ callId: "b", revision: 3 }),
    );
    const merged = mergeSnapshot(current, fresh);
    expect(Object.fromEntries(merged.calls.map((call) => [call.callId, call.revision]))).toEqual({
      a: 7,
      b: 3,
    });
  });

  it("keeps a live call the snapshot does not know yet, and drops finished ones it no longer lists", () => {
    const current = snapshot(
      liveCall({ callId: "new" }),
      liveCall({ callId: "old", state: "ended" }),
    );
    const merged = mergeSnapshot(current, snapshot());
    expect(merged.calls.map((call) => call.callId)).toEqual(["new"]);
  });
});

describe("backoffDelay", () => {
  it("doubles up to 30 seconds, with jitter", () => {
    expect(backoffDelay(0, () => 0.5)).toBe(1000);
    expect(backoffDelay(3, () => 0.5)).toBe(8000);
    expect(backoffDelay(20, () => 0.5)).toBe(30000);
    expect(backoffDelay(1, () => 0)).toBe(1500);
  });
});

describe("SSE transport", () => {
  it("goes live on ready, delivers call_status, reconnects with backoff after an error and on coming back online", () => {
    vi.useFakeTimers();
    FakeEventSource.instances = [];
    const network = new EventTarget();
    const transport = createSseTransport({
      url: (topic) => `/stream/${topic}`,
      createEventSource: (url) => new FakeEventSource(url),
      network: network as unknown as Window,
    });
    const statuses: ConnectionStatus[] = [];
    const messages: unknown[] = [];
    const stop = transport.subscribe("clinic:x:calls", {
      onStatus: (s) => statuses.push(s),
      onMessage: (_e, p) => messages.push(p),
    });

    const first = FakeEventSource.instances[0]!;
    expect(first.url).toBe("/stream/clinic:x:calls");
    first.emit("ready");
    first.emit("call_status", JSON.stringify({ callId: "a", revision: 1 }));
    first.emit("call_status", "not json");
    expect(messages).toEqual([{ callId: "a", revision: 1 }]);

    first.onerror?.(new Event("error"));
    expect(first.closed).toBe(true);
    expect(statuses.at(-1)).toBe("reconnecting");
    vi.advanceTimersByTime(2000);
    const second = FakeEventSource.instances[1]!;
    second.emit("ready");
    expect(statuses.at(-1)).toBe("live");

    network.dispatchEvent(new Event("offline"));
    expect(second.closed).toBe(true);
    expect(statuses.at(-1)).toBe("offline");
    network.dispatchEvent(new Event("online"));
    expect(FakeEventSource.instances).toHaveLength(3);

    stop();
    expect(FakeEventSource.instances[2]!.closed).toBe(true);
    expect(statuses).toEqual([
      "connecting",
      "live",
      "reconnecting",
      "reconnecting",
      "live",
      "offline",
      "reconnecting",
    ]);
    vi.useRealTimers();
  });
});

describe("SSE transport when access ends", () => {
  it("stops for good on access-ended: no reconnecting to a stream that would refuse", () => {
    vi.useFakeTimers();
    FakeEventSource.instances = [];
    const transport = createSseTransport({
      url: (topic) => `/stream/${topic}`,
      createEventSource: (url) => new FakeEventSource(url),
    });
    const statuses: ConnectionStatus[] = [];
    transport.subscribe("clinic:x:calls", {
      onStatus: (s) => statuses.push(s),
      onMessage: () => {},
    });
    const source = FakeEventSource.instances[0]!;
    source.emit("ready");
    source.emit("access-ended");
    expect(source.closed).toBe(true);
    source.onerror?.(new Event("error"));
    vi.advanceTimersByTime(60_000);
    expect(FakeEventSource.instances).toHaveLength(1);
    expect(statuses).toEqual(["connecting", "live", "ended"]);
    vi.useRealTimers();
  });
});

describe("Supabase transport", () => {
  it("joins a private channel after setAuth, and resubscribes with backoff when the channel fails", async () => {
    vi.useFakeTimers();
    const { client, channels, removed, setAuth } = fakeSupabase();
    const statuses: ConnectionStatus[] = [];
    const messages: unknown[] = [];
    const stop = createSupabaseTransport(client).subscribe("clinic:x:calls", {
      onStatus: (s) => statuses.push(s),
      onMessage: (_e, p) => messages.push(p),
    });
    await vi.runOnlyPendingTimersAsync();
    expect(setAuth).toHaveBeenCalledTimes(1);
    expect(channels[0]).toMatchObject({
      name: "clinic:x:calls",
      options: { config: { private: true } },
    });

    channels[0]!.statusCallback?.("SUBSCRIBED");
    channels[0]!.broadcast({ callId: "a", revision: 2 });
    expect(messages).toEqual([{ callId: "a", revision: 2 }]);

    channels[0]!.statusCallback?.("CHANNEL_ERROR");
    expect(removed).toEqual([channels[0]]);
    await vi.advanceTimersByTimeAsync(2000);
    expect(channels).toHaveLength(2);
    channels[1]!.statusCallback?.("SUBSCRIBED");
    expect(statuses).toEqual(["connecting", "live", "reconnecting", "reconnecting", "live"]);

    stop();
    expect(removed).toContain(channels[1]);
    channels[1]!.statusCallback?.("CLOSED"); // after stop: no more retries
    await vi.advanceTimersByTimeAsync(60_000);
    expect(channels).toHaveLength(2);
    vi.useRealTimers();
  });
});

describe("a listener's own events (a call's live transcript)", () => {
  const listener = (received: [string, unknown][]) => ({
    events: ["transcript"],
    onStatus: () => undefined,
    onMessage: (event: string, payload: unknown) => received.push([event, payload]),
  });

  it("are the only ones delivered, over SSE and over Supabase", async () => {
    FakeEventSource.instances = [];
    const overSse: [string, unknown][] = [];
    const stopSse = createSseTransport({
      url: (topic) => topic,
      createEventSource: (url) => new FakeEventSource(url),
    }).subscribe("clinic:x:call:y", listener(overSse));
    const source = FakeEventSource.instances[0]!;
    source.emit("call_status", JSON.stringify({ callId: "y", revision: 1 }));
    source.emit("transcript", JSON.stringify({ callId: "y", text: "[NAME] here" }));
    expect(overSse).toEqual([["transcript", { callId: "y", text: "[NAME] here" }]]);
    stopSse();

    const { client, channels } = fakeSupabase();
    const overSupabase: [string, unknown][] = [];
    const stopSupabase = createSupabaseTransport(client).subscribe(
      "clinic:x:call:y",
      listener(overSupabase),
    );
    await vi.waitFor(() => expect(channels).toHaveLength(1));
    channels[0]!.broadcast({ callId: "y", revision: 1 });
    channels[0]!.broadcast({ callId: "y", text: "[NAME] here" }, "transcript");
    expect(overSupabase).toEqual([["transcript", { callId: "y", text: "[NAME] here" }]]);
    stopSupabase();
  });
});
