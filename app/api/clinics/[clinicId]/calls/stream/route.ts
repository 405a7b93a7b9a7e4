import { toErrorResponse } from "@/lib/api/errors";
import { requireClinicMember, stillClinicMember } from "@/lib/auth/api";
import { streamTopic } from "@/lib/realtime/sse-stream";
import { callsTopic } from "@/lib/realtime/types";

export const dynamic = "force-dynamic";

// GET /api/clinics/:clinicId/calls/stream – Server-Sent Events of the clinic's call_status
// broadcasts (embedded default). Checks the session and membership before streaming.
export async function GET(request: Request, { params }: { params: Promise<{ clinicId: string }> }) {
  try {
    const { clinicId } = await params;
    const { claims } = await requireClinicMember(clinicId);
    return streamTopic(request, callsTopic(clinicId), () => stillClinicMember(claims, clinicId));
  } catch (error) {
    return toErrorResponse(error);
  }
}
