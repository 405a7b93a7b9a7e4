import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, renderHook, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import type { DiaryView } from "@/types/diary";
import { RealtimeTransportProvider } from "@/lib/realtime/provider";
import { createSseTransport } from "@/lib/realtime/sse-transport";
import { createSupabaseTransport } from "@/lib/realtime/supabase-transport";
import { sseStreamPath, type RealtimeTransport } from "@/lib/realtime/types";
import { useDiary } from "@/hooks/use-diary";
import { useDiaryLive } from "@/hooks/use-diary-live";

import { FakeEventSource, fakeSupabase } from "../helpers/realtime-fakes";

const CLINIC = "c1a1c000-0000-4000-8000-000000000001";
const RANGE = { from: "2026-12-07T00:00:00.000Z", to: "2026-12-08T00:00:00.000Z" };
let requests: string[] = [];
let holds = 0;

function diary(): DiaryView & { serverTime: string } {
  return {
    timeZone: "Europe/London",
    practitioners: [],
    resources: [],
    appointmentTypes: [],
    workingIntervals: [],
    closures: [],
    entries: Array.from({ length: holds }, (_, i) => ({
      kind: "hold" as const,
      id: `h${i}`,
      practitionerId: "p",
      resourceId: null,
      start: RANGE.from,
      end: RANGE.to,
      occupiedStart: RANGE.from,
      occupiedEnd: RANGE.to,
      heldUntil: "2099-01-01T00:00:00Z",
      callId: "call",
    })),
    serverTime: new Date().toISOString(),
  };
}

beforeEach(() => {
  requests = [];
  holds = 0;
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string) => {
      requests.push(url);
      return new Response(JSON.stringify(diary()), { status: 200 });
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
  return renderHook(() => ({ live: useDiaryLive(CLINIC), diary: useDiary(CLINIC, RANGE) }), {
    wrapper,
  });
}

describe("the diary's live updates", () => {
  it("streams the clinic's diary topic from its own SSE route", () => {
    expect(sseStreamPath(`clinic:${CLINIC}:diary`)).toBe(`/api/clinics/${CLINIC}/diary/stream`);
  });

  it("reloads the visible range on each diary_change and on every (re)connect", async () => {
    FakeEventSource.instances = [];
    const transport = createSseTransport({
      url: sseStreamPath,
      createEventSource: (url) => new FakeEventSource(url),
    });
    const { result, unmount } = mount(transport);
    await waitFor(() => expect(result.current.diary.view).not.toBeNull());
    expect(requests).toEqual([
      `/api/clinics/${CLINIC}/diary?from=${encodeURIComponent(RANGE.from)}&to=${encodeURIComponent(RANGE.to)}`,
    ]);
    const source = FakeEventSource.instances[0]!;
    expect(source.url).toBe(`/api/clinics/${CLINIC}/diary/stream`);

    act(() => source.emit("ready"));
    expect(result.current.live).toBe("live");
    await waitFor(() => expect(requests).toHaveLength(2));

    // A call takes a hold: the broadcast carries no patient data, the reload brings the hold.
    holds = 1;
    act(() => source.emit("diary_change", JSON.stringify({ clinicId: CLINIC, kind: "hold" })));
    await waitFor(() => expect(result.current.diary.view?.entries).toHaveLength(1));

    // A burst (the call drops: hold released, call ended) is one reload.
    holds = 0;
    act(() => {
      source.emit("diary_change", "{}");
      source.emit("diary_change", "{}");
      source.emit("diary_change", "{}");
    });
    await waitFor(() => expect(result.current.diary.view?.entries).toHaveLength(0));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(requests).toHaveLength(4);

    // Other events on the topic do nothing.
    act(() => source.emit("call_status", "{}"));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(requests).toHaveLength(4);
    unmount();
    expect(source.closed).toBe(true);
  });

  it("joins the private diary channel on Supabase and reloads on its broadcasts", async () => {
    const supabase = fakeSupabase();
    const { result } = mount(createSupabaseTransport(supabase.client));
    await waitFor(() => expect(supabase.channels).toHaveLength(1));
    const channel = supabase.channels[0]!;
    expect(channel.name).toBe(`clinic:${CLINIC}:diary`);
    expect(channel.options).toEqual({ config: { private: true } });
    await waitFor(() => expect(requests).toHaveLength(1));

    act(() => channel.statusCallback!("SUBSCRIBED"));
    expect(result.current.live).toBe("live");
    await waitFor(() => expect(requests).toHaveLength(2));
    holds = 2;
    act(() => channel.broadcast({ kind: "hold" }, "diary_change"));
    await waitFor(() => expect(result.current.diary.view?.entries).toHaveLength(2));
  });
});
