import "server-only";

import { deliverHandoff } from "./delivery";
import { runFollowUpsNow } from "./loop";

/**
 * The follow-up for a call that has just ended, run once its transaction has committed: the
 * hand-off goes to the agent, and texts it now owes are sent at once rather than at the
 * worker's next tick. A remote agent (FOLLOW_UP_AGENT_URL) sends its own.
 */
export async function followUp(handoffId: string): Promise<void> {
  const delivery = await deliverHandoff(handoffId);
  if (delivery.created > 0) await runFollowUpsNow();
}
