import { toErrorResponse } from "@/lib/api/errors";
import { requireClinicMember } from "@/lib/auth/api";
import { getLiveCallsSnapshot } from "@/lib/calls/service";

export const dynamic = "force-dynamic";

// GET /api/clinics/:clinicId/calls/live – the live board's snapshot (members only).
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ clinicId: string }> },
) {
  try {
    const { clinicId } = await params;
    const { claims } = await requireClinicMember(clinicId);
    return Response.json(await getLiveCallsSnapshot(claims, clinicId), {
      headers: { "cache-control": "private, no-store" },
    });
  } catch (error) {
    return toErrorResponse(error);
  }
}
