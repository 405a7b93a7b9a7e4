"use client";

import { PhoneForwarded } from "lucide-react";
import Link from "next/link";

import { callerLabel } from "@/lib/alerts/counts";
import { transferReasonWords } from "@/lib/calls/plain-language";
import { useAlertCounts } from "@/hooks/use-alerts";

/**
 * A call ringing through to the front desk, impossible to miss: who it is (the name given, else
 * the masked number), why, and what to do. An assertive alert, since someone is waiting on the
 * line; gone when the transfer ends. Transfers to the clinician on call are not shown: the
 * front desk has nothing to pick up.
 */
export function TransferBanner({ clinicId }: { clinicId: string }) {
  const transfers = useAlertCounts(clinicId)?.transfers ?? [];
  return (
    <div role="alert" className="mb-6 grid gap-3 empty:hidden">
      {transfers.map((transfer) => (
        <div
          key={transfer.callId}
          data-testid="transfer-banner"
          className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded-lg border-2 border-red-700 bg-red-50 p-4 text-red-950 dark:bg-red-950 dark:text-red-50"
        >
          <PhoneForwarded
            className="size-8 shrink-0 animate-pulse motion-reduce:animate-none"
            aria-hidden
          />
          <div className="grid min-w-0 flex-1 gap-0.5">
            <p className="text-lg font-semibold">
              Pick up the front-desk phone:{" "}
              <Link href={`/calls/${transfer.callId}`} className="underline underline-offset-2">
                {callerLabel(transfer)}
              </Link>{" "}
              is being put through
            </p>
            <p data-testid="transfer-reason">
              {transferReasonWords(transfer.urgency, transfer.urgentSigns)}
            </p>
          </div>
        </div>
      ))}
    </div>
  );
}
