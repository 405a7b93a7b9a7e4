import "server-only";

import { getEnv } from "@/lib/env";
import { loadHandoff } from "@/lib/db/handoffs";
import { withService } from "@/lib/db/transaction";
import { signAgentRequest } from "./signature";

/**
 * Hands a call's hand-off to the follow-up agent over its signed internal webhook, so the agent
 * can later run as its own service. A failed delivery is not lost: the hand-off stays
 * undelivered and the worker delivers it again.
 */
export async function deliverHandoff(handoffId: string): Promise<boolean> {
  const env = getEnv();
  if (!env.FOLLOW_UP_AGENT_SECRET) throw new Error("FOLLOW_UP_AGENT_SECRET is not set");
  const handoff = await withService((tx) => loadHandoff(tx, handoffId));
  if (!handoff) return false;
  const body = JSON.stringify(handoff);
  const response = await fetch(`${env.APP_URL.replace(/\/$/, "")}/api/agents/follow-up`, {
    method: "POST",
    headers: { "content-type": "application/json", ...signAgentRequest(env.FOLLOW_UP_AGENT_SECRET, body) },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  return response.ok;
}
