import "server-only";

import { withConnectionRole } from "@/lib/db/transaction";
import { verifyPassword, type AuthUser } from "@/lib/db/users";

/**
 * The embedded default's sign-in (AUTH_PROVIDER=local): the staff member whose email and
 * password these are, or null. One transaction as the connection's own role, since API roles
 * cannot read auth.users; on Supabase, Supabase Auth does this instead.
 */
export function signInWithPassword(email: string, password: string): Promise<AuthUser | null> {
  return withConnectionRole((tx) => verifyPassword(tx, email, password));
}
