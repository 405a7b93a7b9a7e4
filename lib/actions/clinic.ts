"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";

import { CLINIC_COOKIE } from "@/lib/auth/clinic";
import { switchClinicSchema } from "@/lib/validations/clinic";

import { clinicAction } from "./safe-action";

const NOT_A_MEMBER = "You are not a member of that clinic";

// Switches the dashboard to another of the person's clinics. Membership is checked against
// the RLS-scoped list, so a forged id simply changes nothing.
export const switchClinic = clinicAction({ role: "member", refused: NOT_A_MEMBER })(
  { schema: switchClinicSchema, invalid: { error: "Unknown clinic" } },
  async ({ clinicId }, { clinics }) => {
    if (!clinics.some((clinic) => clinic.id === clinicId)) return { error: NOT_A_MEMBER };
    (await cookies()).set(CLINIC_COOKIE, clinicId, {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      maxAge: 60 * 60 * 24 * 365,
    });
    revalidatePath("/", "layout");
    return {};
  },
);
