import { loadAlerts } from "@/lib/alerts/service";
import { toErrorResponse } from "@/lib/api/errors";
import { requireClinicMember } from "@/lib/auth/api";

export const dynamic = "force-dynamic";

// GET /api/clinics/:clinicId/alerts – what needs the front desk (the sidebar's badges and the
// tab title): pending bookings, open call-backs, transfers ringing (who, and whether urgent;
// the number masked), holds about to expire, and when a hold's countdown next changes that.
// Members only (401 signed out, 403 another clinic); counted through RLS.
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ clinicId: string }> },
) {
  try {
    const { clinicId } = await params;
    const { claims } = await requireClinicMember(clinicId);
    return Response.json(await loadAlerts(claims, clinicId), {
      headers: { "cache-control": "private, no-store" },
    });
  } catch (error) {
    return toErrorResponse(error);
  }
}
