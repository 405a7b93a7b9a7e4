import "server-only";

import type { z } from "zod";

import { getClinicContext } from "@/lib/auth/clinic";

/** What every admin server action returns: nothing on success, or what to show and where. */
export type ActionResult = { error?: string; fieldErrors?: Record<string, string> };

/**
 * The signed-in admin and their current clinic, or null. A friendly early refusal for
 * receptionists; the database's RLS refuses non-admins whatever this says.
 */
export async function adminContext(): Promise<{ claims: Awaited<ReturnType<typeof getClinicContext>>["claims"]; clinicId: string } | null> {
  const context = await getClinicContext();
  if (!context.current || context.current.role !== "admin") return null;
  return { claims: context.claims, clinicId: context.current.id };
}

/** The first problem per field, for showing next to that field. */
export function fieldErrors(error: z.ZodError): ActionResult {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
  return { fieldErrors: errors };
}
