import { createServerClient } from "@supabase/ssr";
import { NextResponse, type NextRequest } from "next/server";

import { getSupabaseConfig } from "@/lib/env";
import { claimsSchema, type Claims } from "@/lib/auth/claims";

/**
 * Refreshes the Supabase session cookie on every matched request and returns the verified
 * claims. Follows Supabase's Next.js example: nothing may run between createServerClient and
 * getClaims, and the returned response (with its cookies and no-cache headers) must be used.
 */
export async function updateSession(request: NextRequest): Promise<{ response: NextResponse; claims: Claims | null }> {
  const { url, publishableKey } = getSupabaseConfig();
  let response = NextResponse.next({ request });
  const supabase = createServerClient(url, publishableKey, {
    cookies: {
      getAll() {
        return request.cookies.getAll();
      },
      setAll(cookiesToSet, headers) {
        for (const { name, value } of cookiesToSet) request.cookies.set(name, value);
        response = NextResponse.next({ request });
        for (const { name, value, options } of cookiesToSet) response.cookies.set(name, value, options);
        for (const [name, value] of Object.entries(headers ?? {})) response.headers.set(name, value);
      },
    },
  });
  const { data } = await supabase.auth.getClaims();
  const parsed = claimsSchema.safeParse(data?.claims);
  return { response, claims: parsed.success ? parsed.data : null };
}
