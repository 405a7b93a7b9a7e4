import { createBrowserClient } from "@supabase/ssr";

/**
 * Browser Supabase client (a singleton in the browser). The URL and publishable key are
 * handed down from the server layout rather than inlined at build time, so one build serves
 * every deployment.
 */
export function createClient(url: string, publishableKey: string) {
  return createBrowserClient(url, publishableKey);
}
