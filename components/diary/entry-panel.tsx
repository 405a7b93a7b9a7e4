"use client";

import type { DiaryEntry, DiaryView } from "@/types/diary";
import { Sheet, SheetContent } from "@/components/ui/sheet";

import { AppointmentDetails } from "./appointment-details";
import { BlockDetails, HoldDetails } from "./block-details";

/** Everything about one diary entry, and what the front desk can do with it. */
export function EntryPanel({
  clinicId,
  view,
  entry,
  onClose,
}: {
  clinicId: string;
  view: DiaryView;
  entry: DiaryEntry | null;
  onClose(): void;
}) {
  return (
    <Sheet open={entry !== null} onOpenChange={(open) => !open && onClose()}>
      <SheetContent className="w-full overflow-y-auto sm:max-w-md" data-testid="entry-panel">
        {entry?.kind === "appointment" ? (
          <AppointmentDetails
            key={entry.id}
            clinicId={clinicId}
            view={view}
            appointment={entry}
            onClose={onClose}
          />
        ) : entry?.kind === "block" ? (
          <BlockDetails
            key={entry.id}
            clinicId={clinicId}
            view={view}
            block={entry}
            onClose={onClose}
          />
        ) : entry?.kind === "hold" ? (
          <HoldDetails view={view} hold={entry} />
        ) : null}
      </SheetContent>
    </Sheet>
  );
}
