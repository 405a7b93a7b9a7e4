import { toErrorResponse } from "@/lib/api/errors";
import { requireClinicMember } from "@/lib/auth/api";
import { getAvailability } from "@/lib/diary/service";
import { availabilityQuerySchema } from "@/lib/validations/diary";

export const dynamic = "force-dynamic";

// GET /api/clinics/:clinicId/diary/availability?typeId=&practitionerId=&from=&to= – the starts
// staff may book for an appointment type (members only), from the same engine as the assistant.
export async function GET(request: Request, { params }: { params: Promise<{ clinicId: string }> }) {
  try {
    const { clinicId } = await params;
    const { claims } = await requireClinicMember(clinicId);
    const url = new URL(request.url);
    const query = availabilityQuerySchema.parse(Object.fromEntries(url.searchParams));
    const starts = await getAvailability(claims, clinicId, query);
    return Response.json({ starts }, { headers: { "cache-control": "private, no-store" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
