import { toErrorResponse } from "@/lib/api/errors";
import { requireClinicMember } from "@/lib/auth/api";
import { loadUnreadCount } from "@/lib/inbox/service";

export const dynamic = "force-dynamic";

// GET /api/clinics/:clinicId/inbox/unread – {unread}: inbound texts nobody in the clinic has
// read yet (the sidebar's count; members only).
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ clinicId: string }> },
) {
  try {
    const { clinicId } = await params;
    const { claims } = await requireClinicMember(clinicId);
    return Response.json(
      { unread: await loadUnreadCount(claims, clinicId) },
      { headers: { "cache-control": "private, no-store" } },
    );
  } catch (error) {
    return toErrorResponse(error);
  }
}
