import { checkLocalSession, revokeLocalSession } from "@/lib/db/local-sessions";
import { withConnectionRole } from "@/lib/db/transaction";

import type { Claims } from "./claims";
import { hashSessionId } from "./local-session";

// The embedded default's session records (AUTH_PROVIDER=local). No `server-only` import: the
// proxy checks them too.

/**
 * The absolute expiry of the session verified claims name, while its record is still good (not
 * revoked, not expired, its user not banned), else null. `refresh` records the proxy re-issuing
 * the token.
 */
export async function localSessionExpiry(claims: Claims, refresh = false): Promise<Date | null> {
  if (!claims.session_id) return null;
  const tokenHash = hashSessionId(claims.session_id);
  return withConnectionRole((tx) => checkLocalSession(tx, tokenHash, claims.sub, refresh));
}

/** Ends the session verified claims name (sign-out). */
export async function endLocalSession(claims: Claims): Promise<void> {
  if (!claims.session_id) return;
  const tokenHash = hashSessionId(claims.session_id);
  await withConnectionRole((tx) => revokeLocalSession(tx, tokenHash, "signed_out"));
}
