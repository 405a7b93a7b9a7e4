import "server-only";

import { getEnv } from "@/lib/env";
import { handoffSchema, type Handoff } from "@/types/handoff";
import { loadHandoff } from "@/lib/db/handoffs";
import { withService } from "@/lib/db/transaction";

import { acceptHandoff } from "./agent";
import { signAgentRequest } from "./signature";

export interface Delivery {
  /** The agent recorded what the hand-off owes and marked it delivered. */
  acknowledged: boolean;
  /** Follow-ups this delivery recorded for this process to send (none when a remote agent took it). */
  created: number;
}

/**
 * Hands a call's hand-off to the follow-up agent: in this process by default, or, with
 * FOLLOW_UP_AGENT_URL set, over the signed webhook to an agent deployed on its own. Either
 * way the agent records what is owed and acknowledges the hand-off in one transaction, once
 * per version, so a failed or repeated delivery is never lost or doubled: an unacknowledged
 * hand-off is delivered again by the worker.
 */
export async function deliverHandoff(handoffId: string): Promise<Delivery> {
  const loaded = await withService((tx) => loadHandoff(tx, handoffId));
  if (!loaded) return { acknowledged: false, created: 0 };
  // Held to the agent's schema whichever way it goes, as the webhook holds what it receives.
  const handoff = handoffSchema.parse(loaded);
  const url = getEnv().FOLLOW_UP_AGENT_URL;
  if (!url) return { acknowledged: true, created: (await acceptHandoff(handoff)).created };
  return { acknowledged: await postHandoff(url, handoff), created: 0 };
}

/** POST /api/agents/follow-up on the agent's deployment, signed like Vapi's HMAC credential. */
async function postHandoff(url: string, handoff: Handoff): Promise<boolean> {
  const secret = getEnv().FOLLOW_UP_AGENT_SECRET;
  if (!secret) throw new Error("FOLLOW_UP_AGENT_SECRET is not set");
  const body = JSON.stringify(handoff);
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...signAgentRequest(secret, body) },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  return response.ok;
}
