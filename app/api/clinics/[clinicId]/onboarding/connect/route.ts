import { toErrorResponse } from "@/lib/api/errors";
import { requireClinicMember } from "@/lib/auth/api";
import { connectClinicNumber } from "@/lib/onboarding/service";

export const dynamic = "force-dynamic";

// POST /api/clinics/:clinicId/onboarding/connect – the walk-through's "Connect to Vapi" (admins):
// imports the clinic's number into Vapi with the front desk as fallback and pushes the clinic's
// assistant. 200 with what was done; 403 for non-admins; 409 when the server or the clinic is
// not set up for it (nothing sent, e.g. no VAPI_API_KEY); 502 when Vapi refused.
export async function POST(
  _request: Request,
  { params }: { params: Promise<{ clinicId: string }> },
) {
  try {
    const { clinicId } = await params;
    const { claims } = await requireClinicMember(clinicId);
    const result = await connectClinicNumber(claims, clinicId);
    const headers = { "cache-control": "private, no-store" };
    if (result.ok) return Response.json({ message: result.message }, { headers });
    return Response.json({ error: result.error }, { status: result.status ?? 400, headers });
  } catch (error) {
    return toErrorResponse(error);
  }
}
