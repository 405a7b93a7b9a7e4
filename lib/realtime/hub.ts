import "server-only";

import { Client } from "pg";

import { getEnv } from "@/lib/env";

/**
 * Embedded-default fan-out: one LISTEN connection per server process, shared by every SSE
 * stream. The shim's realtime.send NOTIFYs channel `realtime` with {topic, event, payload}.
 * If the connection drops, subscribers are told to resync (their snapshot heals the gap) and
 * we reconnect with backoff.
 */
type Handler = { message(event: string, payload: unknown): void; resync(): void };

class RealtimeHub {
  private client: Client | null = null;
  private connecting: Promise<void> | null = null;
  private readonly topics = new Map<string, Set<Handler>>();
  private retryMs = 500;

  async subscribe(topic: string, handler: Handler): Promise<() => void> {
    let handlers = this.topics.get(topic);
    if (!handlers) this.topics.set(topic, (handlers = new Set()));
    handlers.add(handler);
    await this.ensureConnected();
    return () => {
      handlers.delete(handler);
      if (handlers.size === 0) this.topics.delete(topic);
    };
  }

  private ensureConnected(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connect() {
    const client = new Client({
      connectionString: getEnv().DATABASE_URL,
      application_name: "callwaiting-realtime",
    });
    client.on("notification", (notification) => this.dispatch(notification.payload));
    client.on("error", () => this.lost(client));
    client.on("end", () => this.lost(client));
    await client.connect();
    await client.query("listen realtime");
    this.client = client;
    this.retryMs = 500;
  }

  private dispatch(raw: string | undefined) {
    if (!raw) return;
    let message: { topic?: string; event?: string; payload?: unknown };
    try {
      message = JSON.parse(raw);
    } catch {
      return;
    }
    for (const handler of this.topics.get(message.topic ?? "") ?? [])
      handler.message(message.event ?? "message", message.payload);
  }

  private lost(client: Client) {
    if (this.client !== client) return;
    this.client = null;
    client.end().catch(() => undefined);
    for (const handlers of this.topics.values()) for (const handler of handlers) handler.resync();
    this.scheduleReconnect();
  }

  private scheduleReconnect() {
    const delay = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, 15_000);
    setTimeout(() => {
      if (this.topics.size === 0 || this.client) return;
      this.ensureConnected().then(
        // Anything sent while we were away is healed by the subscribers' snapshots.
        () => this.topics.forEach((handlers) => handlers.forEach((handler) => handler.resync())),
        () => this.scheduleReconnect(),
      );
    }, delay).unref();
  }
}

const globalForHub = globalThis as unknown as { __realtimeHub?: RealtimeHub };
export function getRealtimeHub(): RealtimeHub {
  return (globalForHub.__realtimeHub ??= new RealtimeHub());
}
