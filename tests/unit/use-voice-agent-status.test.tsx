import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, renderHook, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import type { LiveCallsSnapshot } from "@/types/live-call";
import { RealtimeTransportProvider } from "@/lib/realtime/provider";
import { createSseTransport } from "@/lib/realtime/sse-transport";
import { createSupabaseTransport } from "@/lib/realtime/supabase-transport";
import type { RealtimeTransport } from "@/lib/realtime/types";
import { useVoiceAgentStatus } from "@/hooks/use-voice-agent-status";

import { liveCall } from "../helpers/live-call";
import { FakeEventSource, fakeSupabase } from "../helpers/realtime-fakes";

const CLINIC = "c1a1c000-0000-4000-8000-000000000001";
let server: LiveCallsSnapshot;
let snapshotRequests = 0;

beforeEach(() => {
  snapshotRequests = 0;
  server = {
    calls: [liveCall({ revision: 1, state: "in_conversation" })],
    serverTime: new Date().toISOString(),
  };
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string) => {
      expect(url).toBe(`/api/clinics/${CLINIC}/calls/live`);
      snapshotRequests++;
      return new Response(JSON.stringify(structuredClone(server)), { status: 200 });
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

function mount(transport: RealtimeTransport) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: React.ReactNode }) => (
    <QueryClientProvider client={client}>
      <RealtimeTransportProvider transport={transport}>{children}</RealtimeTransportProvider>
    </QueryClientProvider>
  );
  return renderHook(() => useVoiceAgentStatus(CLINIC), { wrapper });
}

const state = (result: { current: ReturnType<typeof useVoiceAgentStatus> }) =>
  result.current.calls.map((call) => `${call.state}@${call.revision}`);

describe("useVoiceAgentStatus over Server-Sent Events", () => {
  it("applies deltas by revision and heals missed ones from the snapshot on reconnect", async () => {
    FakeEventSource.instances = [];
    const transport = createSseTransport({
      url: (topic) => `/stream/${topic}`,
      createEventSource: (url) => new FakeEventSource(url),
    });
    const { result, unmount } = mount(transport);
    await waitFor(() => expect(state(result)).toEqual(["in_conversation@1"]));
    expect(result.current.status).toBe("connecting");

    const first = FakeEventSource.instances[0]!;
    act(() => first.emit("ready"));
    expect(result.current.status).toBe("live");

    // Query observers are notified on a scheduled tick, hence the async acts.
    await act(async () =>
      first.emit(
        "call_status",
        JSON.stringify(liveCall({ revision: 2, state: "collecting_info" })),
      ),
    );
    await waitFor(() => expect(state(result)).toEqual(["collecting_info@2"]));
    await act(async () => {
      first.emit("call_status", JSON.stringify(liveCall({ revision: 1, state: "ringing" }))); // stale
      first.emit("call_status", JSON.stringify(liveCall({ revision: 2, state: "ringing" }))); // duplicate
    });
    expect(state(result)).toEqual(["collecting_info@2"]);

    // The stream drops; meanwhile the call moves on and a new one starts: both broadcasts are missed.
    act(() => first.onerror?.(new Event("error")));
    expect(result.current.status).toBe("reconnecting");
    server = {
      calls: [
        liveCall({
          callId: "call-2",
          revision: 1,
          state: "ringing",
          startedAt: "2026-11-22T10:05:00.000Z",
        }),
        liveCall({ revision: 4, state: "booking_appointment" }),
      ],
      serverTime: new Date().toISOString(),
    };
    await act(() => new Promise((resolve) => setTimeout(resolve, 1600)));
    const second = FakeEventSource.instances[1]!;
    const requestsBefore = snapshotRequests;
    act(() => second.emit("ready"));
    await waitFor(() => expect(state(result)).toEqual(["ringing@1", "booking_appointment@4"]));
    expect(snapshotRequests).toBe(requestsBefore + 1);

    unmount();
    expect(second.closed).toBe(true);
  });
});

describe("a change broadcast while the first snapshot is loading", () => {
  it("is kept and applied to that snapshot, which was read before the change", async () => {
    FakeEventSource.instances = [];
    // The first snapshot is read on the server (before the hold) but answers only later.
    let answer!: () => void;
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => {
        const body = JSON.stringify(structuredClone(server));
        await new Promise<void>((resolve) => (answer = resolve));
        return new Response(body, { status: 200 });
      }),
    );
    const transport = createSseTransport({
      url: (topic) => `/stream/${topic}`,
      createEventSource: (url) => new FakeEventSource(url),
    });
    const { result, unmount } = mount(transport);
    await waitFor(() => expect(FakeEventSource.instances).toHaveLength(1));
    await waitFor(() => expect(answer).toBeTypeOf("function"));
    await act(async () =>
      FakeEventSource.instances[0]!.emit(
        "call_status",
        JSON.stringify(liveCall({ revision: 2, state: "holding_slot" })),
      ),
    );
    await act(async () => answer());
    await waitFor(() => expect(state(result)).toEqual(["holding_slot@2"]));
    unmount();
  });
});

describe("useVoiceAgentStatus over Supabase Realtime", () => {
  it("joins the clinic's private channel, applies broadcasts, and reloads when the tab is visible again", async () => {
    const fake = fakeSupabase();
    const { result, unmount } = mount(createSupabaseTransport(fake.client));
    await waitFor(() => expect(fake.channels).toHaveLength(1));
    expect(fake.channels[0]).toMatchObject({
      name: `clinic:${CLINIC}:calls`,
      options: { config: { private: true } },
    });
    act(() => fake.channels[0]!.statusCallback?.("SUBSCRIBED"));
    await waitFor(() => expect(result.current.status).toBe("live"));
    await waitFor(() => expect(state(result)).toEqual(["in_conversation@1"]));

    // A payload the board cannot read is ignored; the next one still applies.
    await act(async () =>
      fake.channels[0]!.broadcast({ callId: "call-1", revision: 2, state: 42 }),
    );
    expect(state(result)).toEqual(["in_conversation@1"]);
    await act(async () =>
      fake.channels[0]!.broadcast(liveCall({ revision: 3, state: "completed", outcome: "booked" })),
    );
    await waitFor(() => expect(state(result)).toEqual(["completed@3"]));

    // A broadcast lost while the tab slept: the visibility reload brings it in.
    server = {
      calls: [
        liveCall({ revision: 5, state: "completed", outcome: "booked", callerName: "Jane Doe" }),
      ],
      serverTime: new Date().toISOString(),
    };
    act(() => document.dispatchEvent(new Event("visibilitychange")));
    await waitFor(() => expect(result.current.calls[0]?.callerName).toBe("Jane Doe"));

    unmount();
    expect(fake.removed).toContain(fake.channels[0]);
  });
});
