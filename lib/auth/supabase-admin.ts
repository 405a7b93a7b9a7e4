import "server-only";

import { createClient } from "@supabase/supabase-js";

import { getEnv } from "@/lib/env";

/**
 * This client never opens a Realtime connection, but supabase-js builds its Realtime client at
 * once and, on Node 20 (no global WebSocket), throws unless given a transport. This one refuses.
 */
class NoRealtime {
  constructor() {
    throw new Error("The Supabase admin client does not use Realtime");
  }
}

/** What inviting through Supabase Auth came to. */
export type SupabaseInvite =
  | { outcome: "invited"; userId: string }
  | { outcome: "exists" }
  | { outcome: "failed"; status: number | undefined };

/**
 * Production staff invitations (AUTH_PROVIDER=supabase): Supabase Auth's admin API emails the
 * invitation (`auth.admin.inviteUserByEmail`, GoTrue's `POST /auth/v1/invite` with
 * `{ email, data }` and `?redirect_to=`, authorised by the service-role key), creating the user,
 * who sets a password from the email's link. Server side only: the key never leaves it.
 */
export async function inviteByEmail(email: string): Promise<SupabaseInvite> {
  const env = getEnv();
  if (!env.NEXT_PUBLIC_SUPABASE_URL || !env.SUPABASE_SERVICE_ROLE_KEY) {
    throw new Error(
      "Staff invitations need NEXT_PUBLIC_SUPABASE_URL and SUPABASE_SERVICE_ROLE_KEY when AUTH_PROVIDER=supabase",
    );
  }
  const admin = createClient(env.NEXT_PUBLIC_SUPABASE_URL, env.SUPABASE_SERVICE_ROLE_KEY, {
    auth: { autoRefreshToken: false, persistSession: false, detectSessionInUrl: false },
    realtime: { transport: NoRealtime as never },
  });
  const { data, error } = await admin.auth.admin.inviteUserByEmail(email, {
    redirectTo: `${env.APP_URL.replace(/\/$/, "")}/login`,
  });
  if (error) {
    // GoTrue answers 422 with code email_exists for an address that already has an account.
    if (error.code === "email_exists" || error.status === 422) return { outcome: "exists" };
    return { outcome: "failed", status: error.status };
  }
  return { outcome: "invited", userId: data.user.id };
}
