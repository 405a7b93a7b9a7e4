import { createHash, timingSafeEqual } from "node:crypto";
import { after } from "next/server";

import { getEnv } from "@/lib/env";
import { toErrorResponse } from "@/lib/api/errors";
import { closeLostCalls } from "@/lib/call-flow/lost-calls";
import { runFollowUps } from "@/lib/follow-up/worker";
import { runPurgeIfDue } from "@/lib/privacy/purge";
import { runReminders } from "@/lib/reminders/worker";

export const dynamic = "force-dynamic";

function authorised(request: Request): boolean {
  const secret = getEnv().CRON_SECRET;
  const given = request.headers.get("authorization")?.replace(/^Bearer\s+/i, "") ?? "";
  if (!secret || !given) return false;
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(secret));
}

// GET /api/cron/follow-ups – one pass of the follow-up worker and of the appointment-text worker
// (confirmations, reminders, answers to replies), calls that stopped sending messages closed as
// lost (lib/call-flow/lost-calls.ts), and the daily retention purge when today's is
// not done yet (lib/privacy/purge.ts), for Vercel Cron or pg_cron + pg_net
// (Authorization: Bearer CRON_SECRET). Safe to run from several places at once.
export async function GET(request: Request) {
  if (!authorised(request))
    return Response.json({ error: "Unauthorized", code: "unauthorized" }, { status: 401 });
  try {
    // Lost calls first: their hand-offs' texts then go out in this same pass.
    const lostCalls = await closeLostCalls();
    const followUps = await runFollowUps(25);
    const reminders = await runReminders();
    // After the response, so a long purge (the day's first call) never holds the cron request;
    // what it removed is on Admin → Privacy.
    after(() =>
      runPurgeIfDue().catch((error: Error) =>
        console.warn(`[purge] pass skipped: ${error.message}`),
      ),
    );
    return Response.json({ ok: true, ...followUps, reminders, lostCalls: lostCalls.closed });
  } catch (error) {
    return toErrorResponse(error);
  }
}
export const POST = GET;
