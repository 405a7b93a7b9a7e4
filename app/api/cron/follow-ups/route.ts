import { createHash, timingSafeEqual } from "node:crypto";

import { getEnv } from "@/lib/env";
import { toErrorResponse } from "@/lib/api/errors";
import { runFollowUps } from "@/lib/follow-up/worker";
import { runPurge } from "@/lib/privacy/purge";
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
// (confirmations, reminders, answers to replies), and the daily retention purge when today's is
// not done yet (lib/privacy/purge.ts), for Vercel Cron or pg_cron + pg_net
// (Authorization: Bearer CRON_SECRET). Safe to run from several places at once.
export async function GET(request: Request) {
  if (!authorised(request))
    return Response.json({ error: "Unauthorized", code: "unauthorized" }, { status: 401 });
  try {
    const followUps = await runFollowUps(25);
    const reminders = await runReminders();
    const purge = await runPurge();
    return Response.json({
      ok: true,
      ...followUps,
      reminders,
      purged: purge.runs.map((run) => ({ clinicId: run.clinicId, removed: run.removed })),
    });
  } catch (error) {
    return toErrorResponse(error);
  }
}
export const POST = GET;
