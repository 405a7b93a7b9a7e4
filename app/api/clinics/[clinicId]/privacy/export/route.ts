import { AppError, toErrorResponse } from "@/lib/api/errors";
import { requirePrivacyAdmin, subjectFromQuery } from "@/lib/privacy/api";
import { exportHtml } from "@/lib/privacy/export-html";
import { exportSubject } from "@/lib/privacy/requests";

export const dynamic = "force-dynamic";

// GET /api/clinics/:clinicId/privacy/export?phone=…&format=json|html – everything held about a
// number or patient, as a JSON file (per area, rows as stored) or a printable HTML summary,
// served as a download. Each export is recorded in privacy_requests and the access log. Admins
// only (403); 400 bad number or format; 404 when nothing is held.
export async function GET(request: Request, { params }: { params: Promise<{ clinicId: string }> }) {
  try {
    const { clinicId } = await params;
    const { claims, clinic } = await requirePrivacyAdmin(clinicId);
    const subject = subjectFromQuery(request.url);
    const format = new URL(request.url).searchParams.get("format") ?? "json";
    if (format !== "json" && format !== "html")
      throw new AppError("bad_request", "Choose format=json or format=html.");
    const data = await exportSubject(claims, clinic, subject);
    const stamp = data.exportedAt.slice(0, 10);
    const who = subject.phone ? subject.phone.replace("+", "") : `patient-${subject.patientId}`;
    const headers = {
      "cache-control": "private, no-store",
      "content-disposition": `attachment; filename="patient-data-${who}-${stamp}.${format}"`,
    };
    if (format === "json")
      return new Response(JSON.stringify(data, null, 2), {
        headers: { ...headers, "content-type": "application/json; charset=utf-8" },
      });
    return new Response(exportHtml(data), {
      headers: { ...headers, "content-type": "text/html; charset=utf-8" },
    });
  } catch (error) {
    return toErrorResponse(error);
  }
}
