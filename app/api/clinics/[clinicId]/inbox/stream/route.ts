import { toErrorResponse } from "@/lib/api/errors";
import { requireClinicMember, stillClinicMember } from "@/lib/auth/api";
import { streamTopic } from "@/lib/realtime/sse-stream";
import { inboxTopic } from "@/lib/realtime/types";

export const dynamic = "force-dynamic";

// GET /api/clinics/:clinicId/inbox/stream – Server-Sent Events of the clinic's inbox_change
// broadcasts (embedded default): a text was received, sent, delivered, read or linked, so the
// inbox and the unread count reload. Ids only. 401 signed out, 403 not a member of the clinic.
export async function GET(request: Request, { params }: { params: Promise<{ clinicId: string }> }) {
  try {
    const { clinicId } = await params;
    const { claims } = await requireClinicMember(clinicId);
    return streamTopic(request, inboxTopic(clinicId), () => stillClinicMember(claims, clinicId));
  } catch (error) {
    return toErrorResponse(error);
  }
}
