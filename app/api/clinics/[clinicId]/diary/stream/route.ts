import { toErrorResponse } from "@/lib/api/errors";
import { requireClinicMember, stillClinicMember } from "@/lib/auth/api";
import { streamTopic } from "@/lib/realtime/sse-stream";
import { diaryTopic } from "@/lib/realtime/types";

export const dynamic = "force-dynamic";

// GET /api/clinics/:clinicId/diary/stream – Server-Sent Events of the clinic's diary_change
// broadcasts (embedded default): a hold, appointment or block was written, so the diary reloads
// what it shows. 401 signed out, 403 not a member of the clinic.
export async function GET(request: Request, { params }: { params: Promise<{ clinicId: string }> }) {
  try {
    const { clinicId } = await params;
    const { claims } = await requireClinicMember(clinicId);
    return streamTopic(request, diaryTopic(clinicId), () => stillClinicMember(claims, clinicId));
  } catch (error) {
    return toErrorResponse(error);
  }
}
