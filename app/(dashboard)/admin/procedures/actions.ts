"use server";

import { revalidatePath } from "next/cache";

import { adminContext, fieldErrors, type ActionResult } from "@/lib/actions/admin";
import * as db from "@/lib/procedures/service";
import {
  knowledgeDeleteSchema,
  knowledgeSchema,
  procedureActiveSchema,
  procedureMoveSchema,
  procedureSchema,
} from "@/lib/validations/procedure";

const NOT_ADMIN = "Only clinic admins can change procedures.";
const GONE = "That procedure no longer exists.";

function done(ok: boolean, missing = GONE): ActionResult {
  // The procedure list, the aftercare cards ("used by") and the assistant's view all change.
  revalidatePath("/admin/procedures");
  revalidatePath("/admin/aftercare");
  return ok ? {} : { error: missing };
}

export async function saveProcedure(input: unknown): Promise<ActionResult> {
  const admin = await adminContext();
  if (!admin) return { error: NOT_ADMIN };
  const parsed = procedureSchema.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  const outcome = await db.saveProcedure(admin.claims, admin.clinicId, parsed.data);
  if (outcome === "duplicate") return { fieldErrors: { name: "You already have a procedure with this name." } };
  if (outcome === "bad_reference") return { fieldErrors: { aftercareDocumentId: "That aftercare document no longer exists." } };
  if (outcome === "forbidden") return { error: NOT_ADMIN };
  return done(outcome === "saved");
}

export async function setProcedureActive(input: unknown): Promise<ActionResult> {
  const admin = await adminContext();
  if (!admin) return { error: NOT_ADMIN };
  const parsed = procedureActiveSchema.safeParse(input);
  if (!parsed.success) return { error: "Invalid request." };
  return done(await db.setProcedureActive(admin.claims, admin.clinicId, parsed.data.id, parsed.data.active));
}

export async function moveProcedure(input: unknown): Promise<ActionResult> {
  const admin = await adminContext();
  if (!admin) return { error: NOT_ADMIN };
  const parsed = procedureMoveSchema.safeParse(input);
  if (!parsed.success) return { error: "Invalid request." };
  return done(await db.moveProcedure(admin.claims, admin.clinicId, parsed.data.id, parsed.data.direction));
}

export async function saveKnowledgeEntry(input: unknown): Promise<ActionResult> {
  const admin = await adminContext();
  if (!admin) return { error: NOT_ADMIN };
  const parsed = knowledgeSchema.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  const outcome = await db.saveKnowledge(admin.claims, admin.clinicId, parsed.data);
  if (outcome === "forbidden") return { error: NOT_ADMIN };
  return done(outcome === "saved", "That answer or its procedure no longer exists.");
}

export async function deleteKnowledgeEntry(input: unknown): Promise<ActionResult> {
  const admin = await adminContext();
  if (!admin) return { error: NOT_ADMIN };
  const parsed = knowledgeDeleteSchema.safeParse(input);
  if (!parsed.success) return { error: "Invalid request." };
  return done(await db.deleteKnowledge(admin.claims, admin.clinicId, parsed.data.id), "That answer was already deleted.");
}
