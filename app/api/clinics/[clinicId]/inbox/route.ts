import { toErrorResponse } from "@/lib/api/errors";
import { requireClinicMember } from "@/lib/auth/api";
import { loadConversations } from "@/lib/inbox/service";

export const dynamic = "force-dynamic";

// GET /api/clinics/:clinicId/inbox – the clinic's conversations, newest first, and how many
// inbound texts nobody has read (members only).
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ clinicId: string }> },
) {
  try {
    const { clinicId } = await params;
    const { claims } = await requireClinicMember(clinicId);
    return Response.json(await loadConversations(claims, clinicId), {
      headers: { "cache-control": "private, no-store" },
    });
  } catch (error) {
    return toErrorResponse(error);
  }
}
