import "server-only";

import {
  clearAccountFailures,
  insertLocalSession,
  recordSignInFailure,
  signInWait,
} from "@/lib/db/local-sessions";
import { withConnectionRole } from "@/lib/db/transaction";
import { verifyPassword, type AuthUser } from "@/lib/db/users";

import {
  hashSessionId,
  LOCAL_SESSION_ABSOLUTE_SECONDS,
  newSessionId,
  signLocalSession,
} from "./local-session";
import { THROTTLE } from "./throttle";

/** What a local sign-in attempt came to. */
export type SignInOutcome =
  | { outcome: "signed-in"; user: AuthUser; token: string }
  | { outcome: "wrong"; waitUntil: Date | null }
  | { outcome: "throttled"; waitUntil: Date };

/**
 * The embedded default's sign-in (AUTH_PROVIDER=local): one transaction as the connection's own
 * role, since API roles cannot read auth.users or the `private` session tables; on Supabase,
 * Supabase Auth does all of this instead. A locked account or address is refused before the
 * password is checked (lib/auth/throttle.ts); a success records a server-side session and
 * returns its token.
 */
export function signInWithPassword(
  email: string,
  password: string,
  address: string,
): Promise<SignInOutcome> {
  const account = email.trim().toLowerCase();
  return withConnectionRole(async (tx): Promise<SignInOutcome> => {
    const lockedUntil = await signInWait(tx, account, address);
    if (lockedUntil) return { outcome: "throttled", waitUntil: lockedUntil };
    const user = await verifyPassword(tx, account, password);
    if (!user) {
      return {
        outcome: "wrong",
        waitUntil: await recordSignInFailure(tx, account, address, THROTTLE),
      };
    }
    await clearAccountFailures(tx, account);
    const sessionId = newSessionId();
    const expiresAt = new Date(Date.now() + LOCAL_SESSION_ABSOLUTE_SECONDS * 1000);
    await insertLocalSession(tx, {
      tokenHash: hashSessionId(sessionId),
      userId: user.id,
      expiresAt,
    });
    return {
      outcome: "signed-in",
      user,
      token: await signLocalSession(user, sessionId, expiresAt),
    };
  });
}
