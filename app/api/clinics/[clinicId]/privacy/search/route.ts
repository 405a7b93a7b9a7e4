import { toErrorResponse } from "@/lib/api/errors";
import { requirePrivacyAdmin, subjectFromQuery } from "@/lib/privacy/api";
import { searchSubject } from "@/lib/privacy/requests";

export const dynamic = "force-dynamic";

// GET /api/clinics/:clinicId/privacy/search?phone=+15555550100 (or ?patient=<id>) – how many
// rows of each kind the clinic holds about the number or patient, and the patient records
// found. Admins only (403); 400 for a number not in E.164. Nothing is recorded: a search shows
// counts, not contents.
export async function GET(request: Request, { params }: { params: Promise<{ clinicId: string }> }) {
  try {
    const { clinicId } = await params;
    const { claims } = await requirePrivacyAdmin(clinicId);
    const subject = subjectFromQuery(request.url);
    return Response.json(await searchSubject(claims, clinicId, subject), {
      headers: { "cache-control": "private, no-store" },
    });
  } catch (error) {
    return toErrorResponse(error);
  }
}
