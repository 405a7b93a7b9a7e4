import { toErrorResponse } from "@/lib/api/errors";
import { requireClinicMember } from "@/lib/auth/api";
import { getRealtimeHub } from "@/lib/realtime/hub";
import { callsTopic } from "@/lib/realtime/types";

export const dynamic = "force-dynamic";

const HEARTBEAT_MS = 15_000;
// Streams end after a while so a revoked membership stops receiving; the browser reconnects
// (and is checked again) without anyone noticing.
const MAX_LIFETIME_MS = 10 * 60_000;

// GET /api/clinics/:clinicId/calls/stream – Server-Sent Events of the clinic's call_status
// broadcasts (embedded default). Checks the session and membership before streaming.
export async function GET(request: Request, { params }: { params: Promise<{ clinicId: string }> }) {
  let clinicId: string;
  try {
    ({ clinicId } = await params);
    await requireClinicMember(clinicId);
  } catch (error) {
    return toErrorResponse(error);
  }

  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      const send = (chunk: string) => {
        if (!closed) controller.enqueue(encoder.encode(chunk));
      };
      const unsubscribe = await getRealtimeHub().subscribe(callsTopic(clinicId), {
        message: (event, payload) => send(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`),
        resync: () => send("event: resync\ndata: {}\n\n"),
      });
      const heartbeat = setInterval(() => send(": heartbeat\n\n"), HEARTBEAT_MS);
      const lifetime = setTimeout(() => cleanup(), MAX_LIFETIME_MS);
      cleanup = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        clearTimeout(lifetime);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      request.signal.addEventListener("abort", cleanup);
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
