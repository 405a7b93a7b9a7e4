import "server-only";

import { AppError } from "@/lib/api/errors";
import { requireClinicMember } from "@/lib/auth/api";
import { SUBJECT_PHONE_MESSAGE, subjectSchema } from "@/lib/validations/privacy";

/** For the privacy routes: the signed-in admin of the clinic (401 signed out, 403 otherwise). */
export async function requirePrivacyAdmin(clinicId: string) {
  const member = await requireClinicMember(clinicId);
  if (member.clinic.role !== "admin")
    throw new AppError(
      "forbidden",
      "Only the clinic's admins can search, export or erase a patient's data.",
    );
  return member;
}

/** The subject from `?phone=` or `?patient=`; a clear 400 when neither or a bad one is given. */
export function subjectFromQuery(url: string) {
  const params = new URL(url).searchParams;
  const parsed = subjectSchema.safeParse({
    phone: params.get("phone") ?? undefined,
    patientId: params.get("patient") ?? undefined,
  });
  if (!parsed.success)
    throw new AppError("bad_request", parsed.error.issues[0]?.message ?? SUBJECT_PHONE_MESSAGE);
  return parsed.data;
}
