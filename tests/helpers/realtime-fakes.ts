import { vi } from "vitest";

import type { ChannelLike, SupabaseLike } from "@/lib/realtime/supabase-transport";

/** An EventSource the test drives: emit("ready"), emit("call_status", json), onerror(). */
export class FakeEventSource {
  static instances: FakeEventSource[] = [];
  listeners = new Map<string, ((event: MessageEvent) => void)[]>();
  onerror: ((event: Event) => void) | null = null;
  closed = false;
  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }
  addEventListener(type: string, listener: (event: MessageEvent) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
  }
  emit(type: string, data = "{}") {
    for (const listener of this.listeners.get(type) ?? []) listener({ data } as MessageEvent);
  }
}

/** A Supabase RealtimeChannel the test drives: statusCallback("SUBSCRIBED"), broadcast(payload). */
export class FakeChannel implements ChannelLike {
  handlers = new Map<string, ((message: { payload: unknown }) => void)[]>();
  statusCallback: ((status: string) => void) | null = null;
  constructor(
    readonly name: string,
    readonly options: { config: { private: boolean } },
  ) {}
  on(
    _type: "broadcast",
    filter: { event: string },
    callback: (message: { payload: unknown }) => void,
  ) {
    this.handlers.set(filter.event, [...(this.handlers.get(filter.event) ?? []), callback]);
    return this;
  }
  subscribe(callback: (status: string) => void) {
    this.statusCallback = callback;
    return this;
  }
  broadcast(payload: unknown, event = "call_status") {
    for (const handler of this.handlers.get(event) ?? []) handler({ payload });
  }
}

export function fakeSupabase() {
  const channels: FakeChannel[] = [];
  const removed: FakeChannel[] = [];
  const setAuth = vi.fn(async () => undefined);
  const client: SupabaseLike = {
    channel: (name, options) => {
      const channel = new FakeChannel(name, options);
      channels.push(channel);
      return channel;
    },
    removeChannel: (channel) => removed.push(channel as FakeChannel),
    realtime: { setAuth },
  };
  return { client, channels, removed, setAuth };
}
