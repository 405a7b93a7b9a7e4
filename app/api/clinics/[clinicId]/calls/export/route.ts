import { AppError, toErrorResponse } from "@/lib/api/errors";
import { requireClinicMember } from "@/lib/auth/api";
import { callHistoryCsv } from "@/lib/calls/csv";
import { exportCallHistory } from "@/lib/calls/service";
import { readCallHistoryParams } from "@/lib/validations/call-history";

export const dynamic = "force-dynamic";

// GET /api/clinics/<id>/calls/export?from&to&caller&outcome&procedure&practitioner – the call
// history under the same filters as the page, as CSV (admins only: it holds callers' full
// numbers). Unusable filters are dropped exactly as the page drops them; at most
// HISTORY_EXPORT_LIMIT rows, newest first.
export async function GET(request: Request, { params }: { params: Promise<{ clinicId: string }> }) {
  try {
    const { clinicId } = await params;
    const { claims, clinic } = await requireClinicMember(clinicId);
    if (clinic.role !== "admin")
      throw new AppError("forbidden", "Only clinic admins can export the call history.");
    const url = new URL(request.url);
    const raw = Object.fromEntries(url.searchParams);
    const { query } = readCallHistoryParams(raw, clinic.timezone);
    const { rows } = await exportCallHistory(claims, clinicId, query);
    return new Response(callHistoryCsv(rows, clinic.timezone), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="calls-${query.from}-to-${query.to}.csv"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    return toErrorResponse(error);
  }
}
