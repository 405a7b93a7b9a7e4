import { toErrorResponse } from "@/lib/api/errors";
import { requireClinicMember, stillClinicMember } from "@/lib/auth/api";
import { streamTopic } from "@/lib/realtime/sse-stream";
import { alertsTopic } from "@/lib/realtime/types";

export const dynamic = "force-dynamic";

// GET /api/clinics/:clinicId/alerts/stream – Server-Sent Events of the clinic's alerts_change
// broadcasts (embedded default): a booking, call-back, transfer or hold changed, so the
// sidebar's counts reload. The clinic's id and a kind only. 401 signed out, 403 not a member.
export async function GET(request: Request, { params }: { params: Promise<{ clinicId: string }> }) {
  try {
    const { clinicId } = await params;
    const { claims } = await requireClinicMember(clinicId);
    return streamTopic(request, alertsTopic(clinicId), () => stillClinicMember(claims, clinicId));
  } catch (error) {
    return toErrorResponse(error);
  }
}
