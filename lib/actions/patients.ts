"use server";

import { revalidatePath } from "next/cache";

import { AppError } from "@/lib/api/errors";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { savePatientDetails } from "@/lib/patients/service";
import { patientDetailsSchema } from "@/lib/validations/patient";

import { clinicAction } from "./safe-action";

// Staff correct a patient's details (any member of the clinic; RLS decides, audited).
const memberAction = clinicAction({ role: "member", refused: "You are not a member of a clinic." });

export const updatePatient = memberAction(
  { schema: patientDetailsSchema, invalid: "fields" },
  async (input, { claims, clinic }) => {
    try {
      await savePatientDetails(claims, clinic.id, input);
    } catch (error) {
      if (error instanceof AppError) return { error: error.message };
      if (isDatabaseUnavailable(error))
        return { error: "Patients are unavailable for a moment. Nothing was changed; try again." };
      throw error;
    }
    revalidatePath(`/patients/${input.patientId}`);
    revalidatePath("/patients");
    return { saved: true };
  },
);
