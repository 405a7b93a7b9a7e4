import "server-only";

import { getRealtimeHub } from "./hub";

const HEARTBEAT_MS = 15_000;
// How often a stream re-checks that its session and membership still hold.
const ACCESS_CHECK_MS = 5_000;
// Streams end after a while so a revoked membership stops receiving; the browser reconnects
// (and is checked again) without anyone noticing.
const MAX_LIFETIME_MS = 10 * 60_000;

/**
 * Server-Sent Events of one topic's broadcasts, for a caller the route has already authorised:
 * subscribes to the shared LISTEN connection, then sends `ready`; heartbeats; `resync` when the
 * LISTEN connection was lost; closes after MAX_LIFETIME_MS or when the client goes away. With
 * `stillAllowed`, re-checks the caller every ACCESS_CHECK_MS and, once it answers false (session
 * revoked, member removed), sends `access-ended` and closes.
 */
export function streamTopic(
  request: Request,
  topic: string,
  stillAllowed?: () => Promise<boolean>,
): Response {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      // The client can go away at any moment (even while we subscribe, before cleanup is set):
      // a send to a closed stream ends the stream instead of throwing from a timer.
      const send = (chunk: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(chunk));
        } catch {
          cleanup();
        }
      };
      const unsubscribe = await getRealtimeHub().subscribe(topic, {
        message: (event, payload) => send(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`),
        resync: () => send("event: resync\ndata: {}\n\n"),
      });
      const heartbeat = setInterval(() => send(": heartbeat\n\n"), HEARTBEAT_MS);
      const lifetime = setTimeout(() => cleanup(), MAX_LIFETIME_MS);
      const access = stillAllowed
        ? setInterval(() => {
            stillAllowed().then(
              (allowed) => {
                if (allowed) return;
                send("event: access-ended\ndata: {}\n\n");
                cleanup();
              },
              // The database being briefly away is not a revocation; the next check decides.
              () => {},
            );
          }, ACCESS_CHECK_MS)
        : undefined;
      cleanup = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        clearInterval(access);
        clearTimeout(lifetime);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      request.signal.addEventListener("abort", cleanup);
      if (request.signal.aborted) return cleanup();
      // Subscribed before "ready": a snapshot loaded after it misses nothing.
      send("retry: 2000\nevent: ready\ndata: {}\n\n");
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "private, no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
}
