import type { z } from "zod";

import type { CallRow } from "@/lib/db/calls";
import type { ClinicRef } from "@/lib/db/clinic-lookup";
import type { Tx } from "@/lib/db/transaction";

export interface ToolContext {
  tx: Tx;
  clinic: ClinicRef;
  call: CallRow;
  at: Date;
  /** Work to start once the transaction has committed (e.g. send a staff alert now). */
  afterCommit(task: () => Promise<unknown>): void;
}

/** What a tool gives back: data the assistant reads, and a short outcome for the audit trail. */
export interface ToolOutcome {
  result: Record<string, unknown>;
  outcome: string;
}

export interface Tool<S extends z.ZodType> {
  name: string;
  args: S;
  run(ctx: ToolContext, args: z.infer<S>): Promise<ToolOutcome>;
}

export const defineTool = <S extends z.ZodType>(tool: Tool<S>) => tool;
