import "server-only";

import type { Tx } from "./transaction";

/** A staff member as auth.users holds them (the local sign-in issues its session from this). */
export interface AuthUser {
  id: string;
  email: string;
  appMetadata: Record<string, unknown>;
  userMetadata: Record<string, unknown>;
}

/**
 * Embedded-default sign-in: checks a password against auth.users the way GoTrue does
 * (bcrypt via pgcrypto's crypt). Only used when AUTH_PROVIDER=local; on Supabase, Auth does it.
 * Needs the connection's own role (withConnectionRole): the auth schema is not exposed to API
 * roles. auth.users is the platform's table, not ours, so its row type is written here.
 */
export async function verifyPassword(
  tx: Tx,
  email: string,
  password: string,
): Promise<AuthUser | null> {
  const [row] = await tx.query<{
    id: string;
    email: string;
    raw_app_meta_data: Record<string, unknown> | null;
    raw_user_meta_data: Record<string, unknown> | null;
  }>(
    `select id, email, raw_app_meta_data, raw_user_meta_data
       from auth.users
      where lower(email) = lower($1)
        and deleted_at is null
        and (banned_until is null or banned_until < now())
        and encrypted_password = extensions.crypt($2, encrypted_password)`,
    [email, password],
  );
  if (!row) return null;
  await tx.query("update auth.users set last_sign_in_at = now() where id = $1", [row.id]);
  return {
    id: row.id,
    email: row.email,
    appMetadata: row.raw_app_meta_data ?? {},
    userMetadata: row.raw_user_meta_data ?? {},
  };
}
