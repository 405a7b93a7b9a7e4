"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { saveCancellationPolicy as save } from "@/lib/appointments/policy";

import { clinicAction } from "./safe-action";

const policySchema = z.object({
  cancellationPolicy: z
    .string()
    .trim()
    .max(600, "Keep the policy under 600 characters: Voxanne reads it out on the phone."),
});

// Admins set the cancellation policy Voxanne reads to callers and the manage page shows.
export const saveCancellationPolicy = clinicAction({
  role: "admin",
  refused: "Only clinic admins can change the cancellation policy.",
})(
  { schema: policySchema, invalid: "fields" },
  async ({ cancellationPolicy }, { claims, clinic }) => {
    if (!(await save(claims, clinic.id, cancellationPolicy)))
      return { error: "Only clinic admins can change the cancellation policy." };
    revalidatePath("/admin/diary/rules");
    return {};
  },
);
