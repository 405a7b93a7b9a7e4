import { after } from "next/server";

import { getEnv } from "@/lib/env";
import { handoffSchema } from "@/types/handoff";
import { parseJson, readBody } from "@/lib/api/body";
import { toErrorResponse } from "@/lib/api/errors";
import { acceptHandoff } from "@/lib/follow-up/agent";
import { runFollowUpsNow } from "@/lib/follow-up/loop";
import { verifyAgentRequest } from "@/lib/follow-up/signature";

export const dynamic = "force-dynamic";

// POST /api/agents/follow-up – a call's hand-off, delivered to the follow-up agent (HMAC-signed,
// timestamped). The agent decides what is owed and records it; repeats change nothing.
export async function POST(request: Request) {
  try {
    const raw = await readBody(request, 256 * 1024);
    if (!verifyAgentRequest(request.headers, raw, getEnv().FOLLOW_UP_AGENT_SECRET)) {
      return Response.json({ error: "Unauthorized", code: "unauthorized" }, { status: 401 });
    }
    const result = await acceptHandoff(handoffSchema.parse(parseJson(raw)));
    // Texts owed go out now, after this response, rather than at the worker's next tick.
    if (result.created > 0) after(runFollowUpsNow);
    return Response.json({ ok: true, ...result });
  } catch (error) {
    return toErrorResponse(error);
  }
}
