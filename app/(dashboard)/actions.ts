"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";

import { CLINIC_COOKIE, getClinicContext } from "@/lib/auth/clinic";
import { switchClinicSchema } from "@/lib/validations/clinic";

// Switches the dashboard to another of the person's clinics. Membership is checked against
// the RLS-scoped list, so a forged id simply changes nothing.
export async function switchClinic(clinicId: string): Promise<{ error?: string }> {
  const parsed = switchClinicSchema.safeParse({ clinicId });
  if (!parsed.success) return { error: "Unknown clinic" };
  const { clinics } = await getClinicContext();
  if (!clinics.some((clinic) => clinic.id === parsed.data.clinicId)) return { error: "You are not a member of that clinic" };
  (await cookies()).set(CLINIC_COOKIE, parsed.data.clinicId, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
  });
  revalidatePath("/", "layout");
  return {};
}
