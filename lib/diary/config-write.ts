import "server-only";

import type { z } from "zod";

import type { Claims } from "@/lib/auth/claims";
import { databaseFailure, type DatabaseFailure } from "@/lib/db/errors";
import { withClaims, type Tx } from "@/lib/db/transaction";
import { configFieldErrors } from "@/lib/validations/diary-config";
import { plainError } from "@/lib/validations/plain-errors";

// How every write of the diary's configuration is made (./config-service.ts and the modules
// beside it): its input checked whoever calls, then run as the signed-in person, a refusal the
// admin can act on answered in the shape the admin forms show.

/** What a configuration write answers: the row's id, or what to show and where. */
export interface ConfigResult {
  id?: string;
  /** Saved, but worth knowing (e.g. nights nobody is on call). */
  warning?: string;
  error?: string;
  fieldErrors?: Record<string, string>;
}

export const NOT_ADMIN = "Only clinic admins can change the diary's configuration.";

type Explanations = Partial<
  Record<DatabaseFailure, ConfigResult | ((constraint: string) => ConfigResult)>
>;

/**
 * Runs a write as `claims`; a database refusal the admin can act on (a duplicate name, a
 * practitioner of another clinic, overlapping hours, not an admin) becomes its message, and
 * the whole transaction is rolled back. Anything else is a bug and is rethrown.
 */
export async function write(
  claims: Claims,
  run: (tx: Tx) => Promise<ConfigResult>,
  explanations: Explanations = {},
): Promise<ConfigResult> {
  try {
    return await withClaims(claims, run);
  } catch (error) {
    const failure = databaseFailure(error);
    const explanation = failure ? explanations[failure] : undefined;
    if (typeof explanation === "function")
      return explanation(String((error as { constraint?: string }).constraint ?? ""));
    if (explanation) return explanation;
    if (failure === "forbidden") return { error: NOT_ADMIN };
    throw error;
  }
}

export function parse<S extends z.ZodType>(
  schema: S,
  input: unknown,
): { data: z.output<S> } | { invalid: ConfigResult } {
  const parsed = schema.safeParse(input, { error: plainError });
  return parsed.success
    ? { data: parsed.data }
    : { invalid: { fieldErrors: configFieldErrors(parsed.error) } };
}

export const gone = (what: string): ConfigResult => ({ error: `That ${what} no longer exists.` });
