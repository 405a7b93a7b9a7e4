import { FlaskConical } from "lucide-react";

/**
 * On every page of a demo deployment (the embedded database, or DEMO_MODE=true): nobody should
 * mistake it for the clinic's real system and type a patient's details into it.
 */
export function DemoBanner() {
  return (
    <div
      data-testid="demo-banner"
      className="flex items-center justify-center gap-2 border-b border-amber-300 bg-amber-100 px-4 py-1.5 text-center text-sm font-medium text-amber-950"
    >
      <FlaskConical aria-hidden className="size-4 shrink-0" />
      <p>Demo — not for patient data</p>
    </div>
  );
}
