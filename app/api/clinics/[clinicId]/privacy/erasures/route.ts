import { AppError, toErrorResponse } from "@/lib/api/errors";
import { requirePrivacyAdmin } from "@/lib/privacy/api";
import { eraseSubject } from "@/lib/privacy/requests";
import { erasureSchema } from "@/lib/validations/privacy";

export const dynamic = "force-dynamic";

// POST /api/clinics/:clinicId/privacy/erasures {subject: {phone} | {patientId}, confirm} – erases
// everything held about the number or patient in one transaction (appointments and calls kept
// anonymised, the opt-out kept as a keyed hash). `confirm` repeats the number (or patient id).
// 201 with what was found and removed; 400 bad input or confirmation; 403 not an admin; 404
// nothing held (nothing changed).
export async function POST(
  request: Request,
  { params }: { params: Promise<{ clinicId: string }> },
) {
  try {
    const { clinicId } = await params;
    const { claims } = await requirePrivacyAdmin(clinicId);
    const raw = await request.json().catch(() => {
      throw new AppError(
        "bad_request",
        'Send JSON: {"subject": {"phone": "+1…"}, "confirm": "+1…"}.',
      );
    });
    const parsed = erasureSchema.safeParse(raw);
    if (!parsed.success)
      throw new AppError("bad_request", parsed.error.issues[0]?.message ?? "Invalid erasure.");
    return Response.json(await eraseSubject(claims, clinicId, parsed.data.subject), {
      status: 201,
    });
  } catch (error) {
    return toErrorResponse(error);
  }
}
