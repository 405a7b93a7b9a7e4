"use client";

import Link from "next/link";
import { useContext, useState, useTransition } from "react";

import type { DiaryBlock, DiaryHold, DiaryView } from "@/types/diary";
import { removeBlock } from "@/lib/actions/diary";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SheetDescription, SheetHeader, SheetTitle } from "@/components/ui/sheet";
import { useClinicFormat } from "@/components/dashboard/clinic-format";

import { holdSecondsLeft } from "./calendar-model";
import { Detail, useRefresh, when } from "./entry-details";
import { DiaryClock } from "./event-content";

// A block of time and a hold in the diary panel.

export function BlockDetails({
  clinicId,
  view,
  block,
  onClose,
}: {
  clinicId: string;
  view: DiaryView;
  block: DiaryBlock;
  onClose(): void;
}) {
  const refresh = useRefresh(clinicId);
  const { clinic } = useClinicFormat();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  const practitioner = view.practitioners.find((p) => p.id === block.practitionerId);
  const resource = view.resources.find((r) => r.id === block.resourceId);
  return (
    <>
      <SheetHeader>
        <SheetTitle>Blocked time</SheetTitle>
        <SheetDescription>{when(block, { ...clinic, timezone: view.timeZone })}</SheetDescription>
      </SheetHeader>
      <div className="grid gap-4 px-4 pb-6">
        {error ? (
          <Alert variant="destructive" role="alert">
            <AlertDescription>{error}</AlertDescription>
          </Alert>
        ) : null}
        <dl className="grid gap-2">
          <Detail label="Reason">{block.reason || "—"}</Detail>
          {practitioner ? <Detail label="Practitioner">{practitioner.name}</Detail> : null}
          {resource ? <Detail label="Room">{resource.name}</Detail> : null}
        </dl>
        <div>
          <Button
            size="sm"
            variant="outline"
            disabled={pending}
            onClick={() =>
              startTransition(async () => {
                setError(undefined);
                const result = await removeBlock({ blockId: block.id });
                if (result.error) return setError(result.error);
                await refresh();
                onClose();
              })
            }
          >
            Remove block
          </Button>
        </div>
      </div>
    </>
  );
}

export function HoldDetails({ view, hold }: { view: DiaryView; hold: DiaryHold }) {
  const now = useContext(DiaryClock);
  const { clinic } = useClinicFormat();
  const practitioner = view.practitioners.find((p) => p.id === hold.practitionerId);
  return (
    <>
      <SheetHeader>
        <SheetTitle>Held on a call</SheetTitle>
        <SheetDescription>{when(hold, { ...clinic, timezone: view.timeZone })}</SheetDescription>
      </SheetHeader>
      <div className="grid gap-4 px-4 pb-6 text-sm">
        <p>
          A caller is being offered this time by Voxanne. It is held for{" "}
          <span className="font-medium tabular-nums">{holdSecondsLeft(hold.heldUntil, now)} s</span>{" "}
          more, and released if the call ends without booking.
        </p>
        <dl className="grid gap-2">
          <Detail label="With">{practitioner?.name ?? "—"}</Detail>
        </dl>
        <Link className="text-primary text-sm hover:underline" href={`/calls/${hold.callId}`}>
          Open the call
        </Link>
      </div>
    </>
  );
}
