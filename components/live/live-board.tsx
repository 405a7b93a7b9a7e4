"use client";

import { PhoneIncoming, RotateCw } from "lucide-react";

import type { OpeningSchedule } from "@/lib/hours/opening";
import { isLive } from "@/lib/realtime/apply-delta";
import { useNow } from "@/hooks/use-now";
import { useVoiceAgentStatus } from "@/hooks/use-voice-agent-status";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { useClinicFormat } from "@/components/dashboard/clinic-format";
import { EmptyState } from "@/components/dashboard/empty-state";

import { BoardAnnouncer } from "./board-announcer";
import { CallCard } from "./call-card";
import { ConnectionIndicator } from "./connection-indicator";
import { OpeningStatus } from "./opening-status";
import { RecentCalls } from "./recent-calls";

/** The clinic's calls as they happen: cards for live calls, and today's finished calls below. */
export function LiveBoard({
  clinicId,
  schedule,
  phoneLabel,
}: {
  clinicId: string;
  /** Opening hours and closures: the front desk's state is shown above the calls. */
  schedule: OpeningSchedule;
  phoneLabel: string;
}) {
  const { calls, status, isLoading, error, hasData, retry, clockOffsetMs } =
    useVoiceAgentStatus(clinicId);
  const now = useNow(1000, clockOffsetMs);
  const { clinic, viewerZone } = useClinicFormat();
  const live = calls.filter(isLive);
  const finished = calls.filter((call) => !isLive(call));

  return (
    <div className="grid gap-6">
      <BoardAnnouncer calls={calls} ready={hasData} />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex flex-wrap items-center gap-3">
          {error && !hasData ? null : (
            <h2 className="text-sm font-medium">
              {live.length === 1 ? "1 call in progress" : `${live.length} calls in progress`}
            </h2>
          )}
          <OpeningStatus schedule={schedule} now={now} locale={clinic.locale} />
        </div>
        <ConnectionIndicator status={status} />
      </div>
      {error ? (
        <Alert variant="destructive" data-testid="board-error">
          <AlertDescription className="flex flex-wrap items-center gap-3">
            <span>
              {hasData
                ? `${error.message.replace(/\.$/, "")}: the board may be out of date.`
                : error.message}
            </span>
            <Button size="sm" variant="outline" onClick={retry}>
              <RotateCw aria-hidden /> Try again
            </Button>
          </AlertDescription>
        </Alert>
      ) : null}
      {/* Without a snapshot nothing is known: never "No calls right now" beside an error. */}
      {error && !hasData ? null : isLoading ? (
        <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
          <Skeleton className="h-40" />
          <Skeleton className="h-40" />
        </div>
      ) : live.length === 0 && !error ? (
        <EmptyState icon={PhoneIncoming} title="No calls right now">
          When someone calls {phoneLabel}, their call appears here as a card that updates live:
          where the conversation is, the procedure they asked about, and any slot being held for
          them.
        </EmptyState>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
          {live.map((call) => (
            <CallCard
              key={call.callId}
              call={call}
              now={now}
              clinic={clinic}
              viewerZone={viewerZone}
            />
          ))}
        </div>
      )}
      {finished.length > 0 ? (
        <section className="grid gap-3">
          <h2 className="text-sm font-medium">Earlier today</h2>
          <RecentCalls calls={finished} clinic={clinic} viewerZone={viewerZone} />
        </section>
      ) : null}
    </div>
  );
}
