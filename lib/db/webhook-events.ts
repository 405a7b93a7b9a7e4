import "server-only";

import type { Col } from "./rows";
import type { Tx } from "./transaction";

/** Webhook de-duplication. Returns the earlier answer when this message was seen before. */
export async function recordWebhookEvent(
  tx: Tx,
  input: {
    source: "vapi" | "twilio" | "follow-up";
    dedupeKey: string;
    messageType: string;
    clinicId?: string;
    externalCallId?: string;
  },
): Promise<{ duplicate: false; id: number } | { duplicate: true; response: unknown }> {
  const inserted = await tx.maybeOne<{ id: Col<"webhook_events", "id"> }>(
    `insert into public.webhook_events (source, dedupe_key, message_type, clinic_id, external_call_id)
     values ($1, $2, $3, $4, $5) on conflict (source, dedupe_key) do nothing returning id`,
    [
      input.source,
      input.dedupeKey.slice(0, 500),
      input.messageType,
      input.clinicId ?? null,
      input.externalCallId ?? null,
    ],
  );
  if (inserted) return { duplicate: false, id: inserted.id };
  const existing = await tx.maybeOne<{ response: Col<"webhook_events", "response"> }>(
    "select response from public.webhook_events where source = $1 and dedupe_key = $2",
    [input.source, input.dedupeKey.slice(0, 500)],
  );
  return { duplicate: true, response: existing?.response ?? null };
}

export async function saveWebhookResponse(tx: Tx, id: number, response: unknown): Promise<void> {
  await tx.query("update public.webhook_events set response = $2 where id = $1", [
    id,
    JSON.stringify(response),
  ]);
}
