import { createServerClient } from "@supabase/ssr";
import { NextResponse, type NextRequest } from "next/server";

import { getSupabaseConfig } from "@/lib/env";

/**
 * Refreshes the Supabase session cookie on every matched request and returns the claims
 * getClaims verified (unparsed: lib/auth decides what they mean). Follows Supabase's Next.js example: nothing may run between createServerClient and
 * getClaims, and the returned response (with its cookies and no-cache headers) must be used.
 */
export async function updateSession(
  request: NextRequest,
): Promise<{ response: NextResponse; claims: unknown }> {
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
        for (const { name, value, options } of cookiesToSet)
          response.cookies.set(name, value, options);
        for (const [name, value] of Object.entries(headers ?? {}))
          response.headers.set(name, value);
      },
    },
  });
  const { data } = await supabase.auth.getClaims();
  return { response, claims: data?.claims };
}
