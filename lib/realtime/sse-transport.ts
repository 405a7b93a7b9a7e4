import { backoffDelay } from "./backoff";
import { DEFAULT_EVENTS, type RealtimeListener, type RealtimeTransport } from "./types";

/** What the transport needs of an EventSource (the browser's, or a test's). */
export interface EventSourceLike {
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  close(): void;
  onerror: ((event: Event) => void) | null;
}

export interface SseTransportOptions {
  /** The stream URL for a topic. */
  url(topic: string): string;
  createEventSource?: (url: string) => EventSourceLike;
  /** Where online/offline events come from (window in the browser). */
  network?: Pick<Window, "addEventListener" | "removeEventListener">;
}

/**
 * Server-Sent Events transport (embedded default). "live" is reported on the server's `ready`
 * event, sent after it has subscribed, so a snapshot loaded then misses nothing. Errors and
 * going offline close the stream; we reconnect with backoff, and at once when back online.
 * `access-ended` (the session was revoked or the membership removed) closes it for good.
 */
export function createSseTransport(options: SseTransportOptions): RealtimeTransport {
  const open = options.createEventSource ?? ((url: string) => new EventSource(url));
  return {
    subscribe(topic, listener: RealtimeListener) {
      let source: EventSourceLike | null = null;
      let attempt = 0;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let stopped = false;

      const connect = () => {
        clearTimeout(timer);
        if (stopped) return;
        source?.close();
        listener.onStatus(attempt === 0 ? "connecting" : "reconnecting");
        const current = open(options.url(topic));
        source = current;
        current.addEventListener("ready", () => {
          attempt = 0;
          listener.onStatus("live");
        });
        current.addEventListener("resync", () => listener.onStatus("live"));
        // The session or membership ended: reconnecting would only be refused.
        current.addEventListener("access-ended", () => {
          if (source !== current) return;
          stopped = true;
          clearTimeout(timer);
          current.close();
          listener.onStatus("ended");
        });
        for (const name of listener.events ?? DEFAULT_EVENTS) {
          current.addEventListener(name, (event) => {
            try {
              listener.onMessage(name, JSON.parse(event.data));
            } catch {
              // a malformed frame is skipped; the next snapshot heals it
            }
          });
        }
        current.onerror = () => {
          if (source !== current || stopped) return;
          current.close();
          listener.onStatus("reconnecting");
          timer = setTimeout(connect, backoffDelay(attempt++));
        };
      };
      const offline = () => {
        source?.close();
        source = null;
        clearTimeout(timer);
        listener.onStatus("offline");
      };
      const online = () => {
        attempt = 1;
        connect();
      };

      options.network?.addEventListener("offline", offline);
      options.network?.addEventListener("online", online);
      connect();
      return () => {
        stopped = true;
        clearTimeout(timer);
        source?.close();
        options.network?.removeEventListener("offline", offline);
        options.network?.removeEventListener("online", online);
      };
    },
  };
}
