import { AppError, toErrorResponse } from "@/lib/api/errors";
import { requireClinicMember } from "@/lib/auth/api";
import { loadConversation } from "@/lib/inbox/service";
import { conversationSchema } from "@/lib/validations/inbox";

export const dynamic = "force-dynamic";

// GET /api/clinics/:clinicId/inbox/:patientId – one patient's texts, oldest first (members only;
// 404 for a patient of another clinic).
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ clinicId: string; patientId: string }> },
) {
  try {
    const { clinicId, patientId } = await params;
    const { claims } = await requireClinicMember(clinicId);
    if (!conversationSchema.safeParse({ patientId }).success)
      throw new AppError("not_found", "This patient is not in your clinic.");
    return Response.json(await loadConversation(claims, clinicId, patientId), {
      headers: { "cache-control": "private, no-store" },
    });
  } catch (error) {
    return toErrorResponse(error);
  }
}
