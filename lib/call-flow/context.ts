import "server-only";

import { after } from "next/server";

import { AppError } from "@/lib/api/errors";
import type { CallRow } from "@/lib/db/calls";
import type { ClinicRef } from "@/lib/db/clinic-lookup";
import { retryOnConflict } from "@/lib/db/errors";
import { withService, type Tx } from "@/lib/db/transaction";
import { startVapiMessage } from "@/lib/db/vapi-message";
import type { VapiCall } from "@/lib/vapi/schemas";

/** The parts of any Vapi message that say which clinic and call it is about. */
export interface MessageBase {
  type: string;
  call?: VapiCall;
  timestamp?: Date;
  phoneNumber?: { number?: string };
  customer?: { number?: string };
  assistant?: { id?: string; metadata?: Record<string, unknown> };
}

export interface HandlerContext {
  tx: Tx;
  clinic: ClinicRef;
  call: CallRow | null;
  at: Date;
  webhookEventId: number;
  /** Work to start once this transaction has committed (e.g. hand the call to the follow-up agent). */
  afterCommit(task: () => Promise<unknown>): void;
}

export interface ContextOptions {
  /** false: a message about a call not recorded yet gets `call: null` rather than creating it. */
  createCall?: boolean;
  /** When the call began, if the message knows better than its own timestamp (an end-of-call report). */
  startedAt?: Date;
}

export type ContextResult<T> =
  { duplicate: true; response: unknown } | { duplicate: false; value: T };

function clinicIdHint(message: MessageBase): string | undefined {
  const candidates = [
    message.assistant?.metadata?.clinicId,
    message.call?.assistantOverrides?.metadata?.clinicId,
    message.call?.metadata?.clinicId,
  ];
  return candidates.find((value): value is string => typeof value === "string");
}

/**
 * Runs a handler in one service transaction: resolve the clinic, record the message's dedupe
 * key (a duplicate stops here and gets the earlier answer), record the call (one round trip),
 * then `fn`.
 * Anything that throws rolls everything back, including the dedupe row, so a retry works.
 */
export async function inCallContext<T>(
  message: MessageBase,
  dedupeKey: string,
  fn: (ctx: HandlerContext) => Promise<T>,
  options: ContextOptions = {},
): Promise<ContextResult<T>> {
  const at = message.timestamp ?? new Date();
  // A call first seen at its end is filed from when it began, not from when the report came.
  const startedAt = options.startedAt ?? message.call?.startedAt ?? at;
  const vapiCallId = message.call?.id;
  // Work deferred by an attempt that rolled back is dropped with it.
  const tasks: (() => Promise<unknown>)[] = [];
  const result = await retryOnConflict(() => {
    tasks.length = 0;
    return withService(async (tx): Promise<ContextResult<T>> => {
      // Clinic, dedupe row and call in one round trip (lib/db/vapi-message.ts).
      const start = await startVapiMessage(tx, {
        phoneNumber: message.phoneNumber?.number ?? message.call?.phoneNumber?.number,
        clinicId: clinicIdHint(message),
        vapiCallId,
        dedupeKey,
        messageType: message.type,
        createCall: options.createCall !== false,
        callerNumber: message.customer?.number ?? message.call?.customer?.number,
        twilioCallSid: message.call?.phoneCallProviderId,
        assistantId: message.call?.assistantId ?? message.assistant?.id,
        at: startedAt < at ? startedAt : at,
      });
      if (!start)
        throw new AppError(
          "not_found",
          "Unknown clinic: the number called is not configured in CallWaiting AI",
        );
      if (start.duplicate) return { duplicate: true, response: start.response };
      const { clinic, call, webhookEventId } = start;
      const value = await fn({
        tx,
        clinic,
        call,
        at,
        webhookEventId,
        afterCommit: (task) => tasks.push(task),
      });
      return { duplicate: false, value };
    });
  });
  for (const task of tasks) runAfterResponse(task);
  return result;
}

/** After the response when inside a request (Next's after()); otherwise right away. Failures are retried by the worker. */
export function runAfterResponse(task: () => Promise<unknown>) {
  const run = () =>
    task().catch((error: Error) => console.warn(`[after-commit] ${error.name}: ${error.message}`));
  try {
    after(run);
  } catch {
    void run();
  }
}

/** Handlers that need a call id get a clear 422 when it is missing. */
export function requireCall(ctx: HandlerContext): CallRow {
  if (!ctx.call)
    throw new AppError("unprocessable", "message.call.id is required for this message type");
  return ctx.call;
}
