"use client";

import { MessageSquareText, Unplug } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

import { isTerminal } from "@/types/call-states";
import { formatTime, type ClinicFormat } from "@/lib/format";
import { cn } from "@/lib/utils";
import { useLiveTranscript } from "@/hooks/use-live-transcript";
import { useViewerZone } from "@/hooks/use-viewer-zone";
import { useVoiceAgentStatus } from "@/hooks/use-voice-agent-status";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConnectionIndicator } from "@/components/live/connection-indicator";
import { PlaceholderText } from "@/components/redaction/placeholder-text";

// After the call ends, look for the stored transcript this often, for this long.
const REFRESH_MS = 5000;
const REFRESH_TRIES = 24;

/**
 * The live transcript of a call in progress, as chat bubbles. Lines were redacted on the
 * server before they were broadcast, and are kept only in this page's memory. The page is
 * refreshed when the call changes state, so when it ends (and its report has been stored)
 * the server renders the stored transcript in place of this.
 */
export function LiveTranscript({
  clinicId,
  callId,
  state,
  clinic,
}: {
  clinicId: string;
  callId: string;
  state: string;
  /** The call's clinic: its times are written in its locale and zone. */
  clinic: ClinicFormat;
}) {
  const router = useRouter();
  const board = useVoiceAgentStatus(clinicId).calls.find((call) => call.callId === callId);
  const current = board?.state ?? state;
  const ended = isTerminal(current);
  const { items, status } = useLiveTranscript(clinicId, callId, !ended);
  const viewerZone = useViewerZone();

  // The rest of the page (state, timeline, bookings) is server-rendered: refresh it on a new state.
  useEffect(() => {
    if (current !== state) router.refresh();
  }, [current, state, router]);
  useEffect(() => {
    if (!ended) return;
    let tries = 0;
    const timer = setInterval(
      () => (++tries > REFRESH_TRIES ? clearInterval(timer) : router.refresh()),
      REFRESH_MS,
    );
    return () => clearInterval(timer);
  }, [ended, router]);

  // Follow new lines, unless the reader has scrolled up: judged against the height before this
  // line, since scroll events from our own scrolling can arrive after the next line has grown it.
  const scroller = useRef<HTMLDivElement>(null);
  const heightBefore = useRef(0);
  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    if (element.scrollTop + element.clientHeight >= heightBefore.current - 48)
      element.scrollTop = element.scrollHeight;
    heightBefore.current = element.scrollHeight;
  }, [items]);

  return (
    <Card data-testid="live-transcript">
      <CardHeader>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <CardTitle className="flex items-center gap-2">
            <MessageSquareText className="size-4" aria-hidden /> Live transcript (redacted)
          </CardTitle>
          {ended ? null : <ConnectionIndicator status={status} />}
        </div>
        <CardDescription>
          {ended
            ? "The call has ended. The stored transcript appears here once the call's end-of-call report has been saved."
            : "Lines appear as they are spoken from when you opened this page, after redaction, and are not stored. The stored transcript appears when the call ends."}
        </CardDescription>
      </CardHeader>
      <CardContent>
        <div
          ref={scroller}
          role="log"
          aria-label="Live transcript"
          aria-live="polite"
          // Scrolls: reachable by keyboard (WCAG 2.1.1).
          tabIndex={0}
          className="focus-visible:ring-ring/50 grid max-h-[60dvh] content-start gap-3 overflow-y-auto overscroll-contain rounded-md pr-1 text-sm outline-none focus-visible:ring-[3px]"
        >
          {items.length === 0 ? (
            <p className="text-muted-foreground">
              {ended
                ? "No lines were received while this page was open."
                : "Waiting for the next thing said…"}
            </p>
          ) : null}
          {items.map((item, index) =>
            item.kind === "gap" ? (
              <p
                key={`gap-${index}`}
                className="text-muted-foreground flex items-center justify-center gap-2 text-xs"
              >
                <Unplug className="size-3" aria-hidden /> Reconnected: anything said while
                disconnected is not shown.
              </p>
            ) : (
              <div
                key={`${item.role}-${item.at}`}
                data-testid="transcript-line"
                data-role={item.role}
                className={cn(
                  "max-w-[85%] rounded-2xl px-3 py-2 sm:max-w-[75%]",
                  item.role === "user"
                    ? "bg-muted justify-self-start rounded-bl-sm"
                    : "bg-primary/10 justify-self-end rounded-br-sm",
                )}
              >
                <div className="text-muted-foreground flex items-baseline justify-between gap-3 text-xs">
                  <span className="font-medium">{item.role === "user" ? "Caller" : "Voxanne"}</span>
                  <time dateTime={item.at} className="font-mono tabular-nums">
                    {formatTime(item.at, clinic, { viewerZone, seconds: true })}
                  </time>
                </div>
                <PlaceholderText text={item.text} className="leading-6 break-words" />
              </div>
            ),
          )}
        </div>
      </CardContent>
    </Card>
  );
}
