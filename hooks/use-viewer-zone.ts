"use client";

import { useEffect, useSyncExternalStore } from "react";

import { VIEWER_ZONE_COOKIE } from "@/lib/format";

const subscribe = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * The browser's time zone, for lib/format's `viewerZone` (times name their zone only when the
 * reader's could differ from the clinic's). Null while rendering on the server and hydrating,
 * so the first paint matches the server's (which names the zone), then the browser's.
 */
export function useViewerZone(): string | null {
  return useSyncExternalStore(subscribe, browserZone, () => null);
}

/** Keeps the browser's zone in a cookie, so server-rendered pages know it from the next request. */
export function useViewerZoneCookie(): void {
  useEffect(() => {
    const zone = browserZone();
    const current = document.cookie
      .split("; ")
      .find((entry) => entry.startsWith(`${VIEWER_ZONE_COOKIE}=`))
      ?.slice(VIEWER_ZONE_COOKIE.length + 1);
    if (current && decodeURIComponent(current) === zone) return;
    document.cookie = `${VIEWER_ZONE_COOKIE}=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
  }, []);
}
