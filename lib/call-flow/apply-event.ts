import "server-only";

import type { CallState } from "@/types/call-states";
import { insertCallEvent, readCallState, writeCallState, type CallPatch } from "@/lib/db/calls";
import type { Tx } from "@/lib/db/transaction";

import { transition, type CallEvent } from "./machine";

export interface ApplyOptions {
  occurredAt?: Date;
  metadata?: Record<string, unknown>;
  /** Columns to set with the transition, e.g. answered_at. */
  patch?: CallPatch;
}

export type ApplyResult =
  | { applied: true; from: CallState; to: CallState; version: number }
  | { applied: false; state: CallState; reason: string };

/**
 * Applies an event to a call: read state and version, compute with the pure machine, write
 * with a version check and append the audit row. A concurrent writer makes the version check
 * fail; we re-read and try again. Ignored events are recorded too, so the story is complete.
 */
export async function applyCallEvent(
  tx: Tx,
  callId: string,
  event: CallEvent,
  options: ApplyOptions = {},
): Promise<ApplyResult> {
  const occurredAt = options.occurredAt ?? new Date();
  const metadata = {
    ...options.metadata,
    ...(event.type === "call.ended" ? { endedReason: event.endedReason } : {}),
  };
  for (let attempt = 0; attempt < 5; attempt++) {
    const call = await readCallState(tx, callId);
    const result = transition(call.state, event);
    if (!result.ok) {
      // A no-op (e.g. a procedure question mid-conversation) is not part of the story.
      if (result.reason === "no_change")
        return { applied: false, state: call.state, reason: result.reason };
      await insertCallEvent(tx, {
        clinicId: call.clinicId,
        callId,
        kind: "ignored",
        event: event.type,
        fromState: call.state,
        toState: call.state,
        version: call.version,
        occurredAt,
        metadata: { ...metadata, reason: result.reason },
      });
      return { applied: false, state: call.state, reason: result.reason };
    }
    const version = await writeCallState(tx, callId, {
      to: result.to,
      version: call.version,
      patch: options.patch,
    });
    if (version === null) continue;
    await insertCallEvent(tx, {
      clinicId: call.clinicId,
      callId,
      kind: "transition",
      event: event.type,
      fromState: call.state,
      toState: result.to,
      version,
      occurredAt,
      metadata,
    });
    return { applied: true, from: call.state, to: result.to, version };
  }
  throw new Error("call state kept changing; giving up after 5 attempts");
}
