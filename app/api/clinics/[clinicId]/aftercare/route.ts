import { uploadAftercare } from "@/lib/aftercare/upload";
import { toErrorResponse } from "@/lib/api/errors";

export const dynamic = "force-dynamic";

// POST /api/clinics/:clinicId/aftercare – multipart {title, file}: a new aftercare PDF (admins).
// 401/403 before any of the body is read; 413 past 10 MB (read no further); 422 with fieldErrors
// for a missing title or a file that is not a PDF; 201 {id}.
export async function POST(
  request: Request,
  { params }: { params: Promise<{ clinicId: string }> },
) {
  try {
    const answer = await uploadAftercare(request, (await params).clinicId);
    return Response.json(answer.body, { status: answer.status });
  } catch (error) {
    return toErrorResponse(error);
  }
}
