import { backoffDelay } from "./backoff";
import { DEFAULT_EVENTS, type RealtimeListener, type RealtimeTransport } from "./types";

/** The slice of supabase-js the transport uses, so tests can hand it a fake channel. */
export interface ChannelLike {
  on(
    type: "broadcast",
    filter: { event: string },
    callback: (message: { payload: unknown }) => void,
  ): ChannelLike;
  subscribe(callback: (status: string, error?: Error) => void): ChannelLike;
}
export interface SupabaseLike {
  channel(name: string, options: { config: { private: boolean } }): ChannelLike;
  removeChannel(channel: ChannelLike): Promise<unknown> | unknown;
  realtime: { setAuth(token?: string | null): Promise<void> };
}

/**
 * Supabase Realtime transport (production): a private broadcast channel per topic, joined
 * after setAuth so Realtime Authorization sees the user's JWT. Errors, timeouts and closes
 * resubscribe with backoff; the hook reloads its snapshot on every SUBSCRIBED.
 */
export function createSupabaseTransport(client: SupabaseLike): RealtimeTransport {
  return {
    subscribe(topic, listener: RealtimeListener) {
      let channel: ChannelLike | null = null;
      let attempt = 0;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let stopped = false;

      const retry = () => {
        if (stopped) return;
        listener.onStatus("reconnecting");
        const dead = channel;
        channel = null;
        if (dead) void client.removeChannel(dead);
        clearTimeout(timer);
        timer = setTimeout(join, backoffDelay(attempt++));
      };

      const join = async () => {
        if (stopped) return;
        listener.onStatus(attempt === 0 ? "connecting" : "reconnecting");
        try {
          await client.realtime.setAuth();
        } catch {
          return retry();
        }
        if (stopped) return;
        const current = client.channel(topic, { config: { private: true } });
        for (const name of listener.events ?? DEFAULT_EVENTS)
          current.on("broadcast", { event: name }, (message) =>
            listener.onMessage(name, message.payload),
          );
        channel = current;
        current.subscribe((status) => {
          if (channel !== current || stopped) return;
          if (status === "SUBSCRIBED") {
            attempt = 0;
            listener.onStatus("live");
          } else if (status === "CHANNEL_ERROR" || status === "TIMED_OUT" || status === "CLOSED") {
            retry();
          }
        });
      };

      void join();
      return () => {
        stopped = true;
        clearTimeout(timer);
        if (channel) void client.removeChannel(channel);
        channel = null;
      };
    },
  };
}
