import { replaceAftercare } from "@/lib/aftercare/upload";
import { toErrorResponse } from "@/lib/api/errors";

export const dynamic = "force-dynamic";

// PUT /api/clinics/:clinicId/aftercare/:documentId/file – multipart {file}: new bytes for the same
// document, so its procedures and the links already sent keep working (admins). 401/403 before any
// of the body is read; 413 past 10 MB; 422 with fieldErrors; 404 for a document that is gone.
export async function PUT(
  request: Request,
  { params }: { params: Promise<{ clinicId: string; documentId: string }> },
) {
  try {
    const { clinicId, documentId } = await params;
    const answer = await replaceAftercare(request, clinicId, documentId);
    return Response.json(answer.body, { status: answer.status });
  } catch (error) {
    return toErrorResponse(error);
  }
}
