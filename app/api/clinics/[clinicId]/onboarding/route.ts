import { toErrorResponse } from "@/lib/api/errors";
import { requireClinicMember } from "@/lib/auth/api";
import { loadOnboarding } from "@/lib/onboarding/service";

export const dynamic = "force-dynamic";

// GET /api/clinics/:clinicId/onboarding – the set-up checklist (members): each step, whether it
// is done and what is missing, derived from the clinic's rows (lib/onboarding/steps.ts).
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ clinicId: string }> },
) {
  try {
    const { clinicId } = await params;
    const { claims } = await requireClinicMember(clinicId);
    const state = await loadOnboarding(claims, clinicId);
    return Response.json(
      { steps: state?.steps ?? [], complete: state?.complete ?? false },
      { headers: { "cache-control": "private, no-store" } },
    );
  } catch (error) {
    return toErrorResponse(error);
  }
}
