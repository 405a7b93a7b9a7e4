import "server-only";

import type { Tx } from "./transaction";

// Numbers that replied STOP (or that Twilio reports as unsubscribed, error 21610): never texted.
// Each row carries a keyed hash of its number (set by the database); an erasure keeps only the
// hash, and send paths compare hashes (public.sms_opted_out).

export async function recordOptOut(
  tx: Tx,
  clinicId: string,
  phone: string,
  source: "keyword" | "error_21610" | "staff",
): Promise<void> {
  await tx.query(
    "insert into public.sms_opt_outs (clinic_id, phone_number, source) values ($1, $2, $3) on conflict do nothing",
    [clinicId, phone, source],
  );
  // Anything still waiting for this number will not be sent.
  await tx.query(
    `update public.follow_ups set status = 'skipped', skip_reason = 'The caller has opted out of texts.'
      where clinic_id = $1 and to_number = $2 and status = 'pending'`,
    [clinicId, phone],
  );
}

export async function removeOptOut(tx: Tx, clinicId: string, phone: string): Promise<void> {
  // By keyed hash: a number whose data was erased (only the hash kept) can opt in again too.
  await tx.query("select public.sms_opt_in($1, $2)", [clinicId, phone]);
}
