import "server-only";

import type { z } from "zod";

import type { Claims } from "@/lib/auth/claims";
import { getClinicContext } from "@/lib/auth/clinic";
import type { ClinicMembership } from "@/lib/db/clinics";
import { plainError } from "@/lib/validations/plain-errors";

/** What a dashboard action returns: nothing on success, or what to show and where. */
export type ActionResult = { error?: string; fieldErrors?: Record<string, string> };

/** An action's answer as its caller reads it: the handler's result, or a refusal, either with any field absent. */
export type ActionResponse<R> = Partial<R> & ActionResult;

/** Who is acting, on which clinic. Services run their queries as `claims`, so RLS decides and the audit trigger records them. */
export interface ActionContext {
  claims: Claims;
  /** The clinic the dashboard shows; the person is a member with the role the action asked for. */
  clinic: ClinicMembership;
  clinics: ClinicMembership[];
}

/**
 * What invalid input answers: each field's first problem (forms), the first problem, or a
 * fixed result.
 */
export type OnInvalid = "fields" | "first-issue" | ActionResult;

/** The first problem per field, for showing next to that field. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
  return errors;
}

function invalidResult(error: z.ZodError, onInvalid: OnInvalid): ActionResult {
  if (onInvalid === "fields") return { fieldErrors: fieldErrorsOf(error) };
  if (onInvalid === "first-issue")
    return { error: error.issues[0]?.message ?? "Please check the form and try again." };
  return onInvalid;
}

/**
 * Server actions for the dashboard, with the prelude each would otherwise write by hand:
 * resolve the signed-in person's current clinic, check their role, parse the input with zod
 * and answer problems in the shape the forms show. `role` is a friendly early refusal; RLS
 * refuses in the database whatever it says.
 *
 *   const adminAction = clinicAction({ role: "admin", refused: "Only clinic admins can …" });
 *   export const saveThing = adminAction({ schema, invalid: "fields" }, async (input, { claims, clinic }) => …);
 */
export function clinicAction(access: { role: "member" | "admin"; refused: string }) {
  return function action<S extends z.ZodType, R extends object, I = unknown>(
    validation: { schema: S; invalid: OnInvalid; input?: (raw: I) => unknown },
    handler: (input: z.output<S>, context: ActionContext) => Promise<R>,
  ): (raw: I) => Promise<ActionResponse<R>> {
    const run = async (raw: I): Promise<R | ActionResult> => {
      const { claims, clinics, current } = await getClinicContext();
      if (!current || (access.role === "admin" && current.role !== "admin"))
        return { error: access.refused };
      const parsed = validation.schema.safeParse(validation.input ? validation.input(raw) : raw, {
        error: plainError,
      });
      if (!parsed.success) return invalidResult(parsed.error, validation.invalid);
      return handler(parsed.data, { claims, clinic: current, clinics });
    };
    // R or a refusal, read as one object whose fields may each be absent (what callers check).
    return run as (raw: I) => Promise<ActionResponse<R>>;
  };
}
