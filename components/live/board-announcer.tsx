"use client";

import { useState } from "react";

import type { LiveCall } from "@/types/live-call";
import { isLive } from "@/lib/realtime/apply-delta";
import { OUTCOME_LABELS } from "@/components/dashboard/call-labels";

/** Who is calling, as a screen reader should say it ("Maria Alvarez", "the number ending 4411"). */
function who(call: LiveCall): string {
  if (call.callerName) return call.callerName;
  return call.callerLast4 ? `the number ending ${call.callerLast4}` : "an unknown caller";
}

/**
 * What changed on the board between two snapshots, in a receptionist's words: a new call, a
 * transfer starting, a call ending (with its outcome). Pure: tested in tests/unit.
 */
export function boardChanges(before: LiveCall[], after: LiveCall[]): string[] {
  const previous = new Map(before.map((call) => [call.callId, call]));
  const said: string[] = [];
  for (const call of after) {
    const was = previous.get(call.callId);
    const live = isLive(call);
    if (!was) {
      if (live) said.push(`New call from ${who(call)}.`);
      else said.push(`Call from ${who(call)} ended${outcome(call)}.`);
      continue;
    }
    if (isLive(was) && !live) said.push(`Call from ${who(call)} ended${outcome(call)}.`);
    else if (live && call.state === "transferring" && was.state !== "transferring")
      said.push(`Transferring ${who(call)} to ${call.transferredTo ?? "the front desk"}.`);
  }
  return said;
}

function outcome(call: LiveCall): string {
  const label = OUTCOME_LABELS[call.outcome ?? ""]?.label;
  return label ? `: ${label}` : "";
}

interface Said {
  id: number;
  text: string;
}

/**
 * A polite live region for the live board: screen-reader users hear "New call from …" and "Call
 * from … ended" as they happen, without moving focus. Nothing is said for the calls already there
 * when the board loads (`ready` turns true with the first snapshot).
 */
export function BoardAnnouncer({ calls, ready }: { calls: LiveCall[]; ready: boolean }) {
  const [seen, setSeen] = useState<LiveCall[] | null>(null);
  const [said, setSaid] = useState<Said[]>([]);
  // Adjusting state while rendering when the calls change (React's pattern for deriving from
  // a changed prop): no effect, no extra render of the board.
  if (ready && seen !== calls) {
    setSeen(calls);
    if (seen) {
      const next = boardChanges(seen, calls);
      if (next.length) {
        const start = (said.at(-1)?.id ?? 0) + 1;
        // Each message is a new node, so the same words twice are still announced twice.
        setSaid([...said, ...next.map((text, i) => ({ id: start + i, text }))].slice(-3));
      }
    }
  }
  return (
    <div className="sr-only" aria-live="polite" aria-atomic="false" data-testid="board-announcer">
      {said.map((item) => (
        <p key={item.id}>{item.text}</p>
      ))}
    </div>
  );
}
