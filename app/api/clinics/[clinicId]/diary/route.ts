import { toErrorResponse } from "@/lib/api/errors";
import { requireClinicMember } from "@/lib/auth/api";
import { getDiary } from "@/lib/diary/service";
import { diaryRangeSchema } from "@/lib/validations/diary";

export const dynamic = "force-dynamic";

// GET /api/clinics/:clinicId/diary?from=&to= – what the diary shows for that range (members
// only): practitioners, rooms, types, working time, closures, holds, appointments and blocks.
// serverTime lets hold countdowns correct for the browser's clock.
export async function GET(request: Request, { params }: { params: Promise<{ clinicId: string }> }) {
  try {
    const { clinicId } = await params;
    const { claims } = await requireClinicMember(clinicId);
    const url = new URL(request.url);
    const range = diaryRangeSchema.parse(Object.fromEntries(url.searchParams));
    const view = await getDiary(claims, clinicId, range);
    return Response.json(
      { ...view, serverTime: new Date().toISOString() },
      { headers: { "cache-control": "private, no-store" } },
    );
  } catch (error) {
    return toErrorResponse(error);
  }
}
