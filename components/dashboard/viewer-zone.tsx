"use client";

import { useViewerZoneCookie } from "@/hooks/use-viewer-zone";

/** Tells the server the staff member's time zone (a cookie): see hooks/use-viewer-zone.ts. */
export function ViewerZone() {
  useViewerZoneCookie();
  return null;
}
