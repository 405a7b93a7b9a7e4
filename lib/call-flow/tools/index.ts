import type { z } from "zod";

import { insertCallEvent } from "@/lib/db/calls";
import { recordToolTime } from "@/lib/db/latency";
import type { ToolCall } from "@/lib/vapi/schemas";

import { cancelAppointment } from "./cancel-appointment";
import { checkAvailability } from "./check-availability";
import { confirmBooking } from "./confirm-booking";
import { findAppointments } from "./find-appointments";
import { holdSlot } from "./hold-slot";
import { identifyCaller } from "./identify-caller";
import { joinWaitlist } from "./join-waitlist";
import { lookupProcedure } from "./lookup-procedure";
import { releaseSlot } from "./release-slot";
import { rescheduleAppointment } from "./reschedule-appointment";
import { takeMessage } from "./take-message";
import type { Tool, ToolContext } from "./types";

/** The tool contract the assistant config declares; names are what Vapi sends. */
type AnyTool = Tool<z.ZodType>;
export const TOOLS: Record<string, AnyTool> = Object.fromEntries(
  [
    checkAvailability,
    holdSlot,
    confirmBooking,
    releaseSlot,
    lookupProcedure,
    identifyCaller,
    findAppointments,
    rescheduleAppointment,
    cancelAppointment,
    joinWaitlist,
    takeMessage,
  ].map((tool) => [tool.name, tool as unknown as AnyTool]),
);

export interface ToolCallResult {
  toolCallId: string;
  name: string;
  result?: string;
  error?: string;
}

/** Runs one tool call. A malformed call or bad arguments become an `error` the assistant can recover from. */
export async function runToolCall(ctx: ToolContext, call: ToolCall): Promise<ToolCallResult> {
  const name = call.name;
  const reply = (fields: { result?: unknown; error?: string }): ToolCallResult => ({
    toolCallId: call.id,
    name,
    ...(fields.error ? { error: fields.error } : { result: JSON.stringify(fields.result) }),
  });
  const invalid = async (error: string) => {
    await insertCallEvent(ctx.tx, {
      clinicId: ctx.clinic.id,
      callId: ctx.call.id,
      kind: "tool",
      event: name.slice(0, 100),
      occurredAt: ctx.at,
      metadata: { toolCallId: call.id, outcome: "invalid_arguments" },
    });
    return reply({ error });
  };
  if (!call.ok) return invalid(call.error);
  const tool = TOOLS[name];
  if (!tool) return reply({ error: `Unknown tool ${name}.` });

  const parsed = tool.args.safeParse(call.args);
  if (!parsed.success)
    return invalid(
      `Invalid arguments for ${name}: ${parsed.error.issues.map((issue) => issue.message).join("; ")}.`,
    );

  const started = performance.now();
  const { result, outcome } = await tool.run(ctx, parsed.data);
  const ms = Math.round((performance.now() - started) * 10) / 10;
  await insertCallEvent(ctx.tx, {
    clinicId: ctx.clinic.id,
    callId: ctx.call.id,
    kind: "tool",
    event: name,
    occurredAt: ctx.at,
    metadata: { toolCallId: call.id, outcome, ms },
  });
  // The assistant waits for us: our handling time is part of the caller's wait.
  await recordToolTime(ctx.tx, { clinicId: ctx.clinic.id, callId: ctx.call.id, tool: name, ms });
  return reply({ result });
}
