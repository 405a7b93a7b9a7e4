import { toErrorResponse } from "@/lib/api/errors";
import { requirePrivacyAdmin } from "@/lib/privacy/api";
import { loadPrivacyRequests } from "@/lib/privacy/requests";

export const dynamic = "force-dynamic";

// GET /api/clinics/:clinicId/privacy/requests – the latest exports and erasures: who, when,
// whose (masked) and the counts. Admins only.
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ clinicId: string }> },
) {
  try {
    const { clinicId } = await params;
    const { claims } = await requirePrivacyAdmin(clinicId);
    return Response.json(await loadPrivacyRequests(claims, clinicId), {
      headers: { "cache-control": "private, no-store" },
    });
  } catch (error) {
    return toErrorResponse(error);
  }
}
