import { isTerminal } from "@/types/call-states";
import { liveCallSchema, type LiveCall, type LiveCallsSnapshot } from "@/types/live-call";

/**
 * Applies one broadcast to the board's data. Deltas carry the call's revision, which grows
 * with every change: an older or repeated delta is ignored, so order and duplicates don't matter.
 * A payload that is not a call is ignored too (the next snapshot heals whatever it meant).
 */
export function applyCallDelta(
  snapshot: LiveCallsSnapshot | undefined,
  payload: unknown,
): LiveCallsSnapshot | undefined {
  // No snapshot yet: the caller keeps the delta for the snapshot that is loading (it may have
  // been read before this change happened).
  if (!snapshot) return snapshot;
  const parsed = liveCallSchema.safeParse(payload);
  if (!parsed.success) return snapshot;
  const delta = parsed.data;
  const index = snapshot.calls.findIndex((call) => call.callId === delta.callId);
  if (index === -1) return { ...snapshot, calls: [delta, ...snapshot.calls] };
  if (snapshot.calls[index]!.revision >= delta.revision) return snapshot;
  const calls = [...snapshot.calls];
  calls[index] = delta;
  return { ...snapshot, calls };
}

/** A fresh snapshot merged with what deltas already brought: per call, the higher revision wins. */
export function mergeSnapshot(
  current: LiveCallsSnapshot | undefined,
  fresh: LiveCallsSnapshot,
): LiveCallsSnapshot {
  if (!current) return fresh;
  const byId = new Map(fresh.calls.map((call) => [call.callId, call]));
  for (const call of current.calls) {
    const other = byId.get(call.callId);
    if (other && other.revision >= call.revision) continue;
    if (other || isLive(call)) byId.set(call.callId, call);
  }
  const calls = [...byId.values()].sort(
    (a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt),
  );
  return { ...fresh, calls };
}

export const isLive = (call: LiveCall) => !isTerminal(call.state);
