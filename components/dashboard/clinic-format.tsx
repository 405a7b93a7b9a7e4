"use client";

import { createContext, useContext, useMemo } from "react";

import type { ClinicFormat } from "@/lib/format";
import { useViewerZone } from "@/hooks/use-viewer-zone";

const ClinicFormatContext = createContext<ClinicFormat | null>(null);

/** The current clinic's locale, currency and zone for the dashboard's client components. */
export function ClinicFormatProvider({
  clinic,
  children,
}: {
  clinic: ClinicFormat;
  children: React.ReactNode;
}) {
  const { locale, currency, timezone } = clinic;
  const value = useMemo(() => ({ locale, currency, timezone }), [locale, currency, timezone]);
  return <ClinicFormatContext.Provider value={value}>{children}</ClinicFormatContext.Provider>;
}

/**
 * The clinic's format and the browser's zone, for lib/format: `formatDateTime(at, clinic,
 * { viewerZone })`. Outside the dashboard (no provider) it is an error: pass the clinic instead.
 */
export function useClinicFormat(): { clinic: ClinicFormat; viewerZone: string | null } {
  const clinic = useContext(ClinicFormatContext);
  const viewerZone = useViewerZone();
  if (!clinic) throw new Error("useClinicFormat needs a ClinicFormatProvider (the dashboard's).");
  return { clinic, viewerZone };
}
