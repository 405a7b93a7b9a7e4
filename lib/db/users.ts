import "server-only";

import { getPool } from "./pool";

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
 * Runs as the connection's own role: the auth schema is not exposed to API roles.
 */
export async function verifyPassword(email: string, password: string): Promise<AuthUser | null> {
  const { rows } = await getPool().query<{
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
  const row = rows[0];
  if (!row) return null;
  await getPool().query("update auth.users set last_sign_in_at = now() where id = $1", [row.id]);
  return {
    id: row.id,
    email: row.email,
    appMetadata: row.raw_app_meta_data ?? {},
    userMetadata: row.raw_user_meta_data ?? {},
  };
}
