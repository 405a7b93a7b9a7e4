import { AppError, toErrorResponse } from "@/lib/api/errors";
import { requireClinicMember } from "@/lib/auth/api";
import { sendReply } from "@/lib/inbox/service";
import { replySchema } from "@/lib/validations/inbox";
import { plainError } from "@/lib/validations/plain-errors";

export const dynamic = "force-dynamic";

// POST /api/clinics/:clinicId/inbox/:patientId/replies {body, replyKey} – a staff reply, sent
// through the SMS sender (the same service the inbox's Send button calls). 201 with
// {messageId, status}; 200 with duplicate: true for a reply key already used (nothing sent
// again); 409 opted out, 422 invalid or no number, 404 another clinic's patient, 503 the
// provider failed (the text is kept as failed).
export async function POST(
  request: Request,
  { params }: { params: Promise<{ clinicId: string; patientId: string }> },
) {
  try {
    const { clinicId, patientId } = await params;
    const { claims } = await requireClinicMember(clinicId);
    const raw = await request.json().catch(() => {
      throw new AppError("bad_request", "Send JSON: {body, replyKey}.");
    });
    const parsed = replySchema.safeParse({ ...(raw as object), patientId }, { error: plainError });
    if (!parsed.success)
      throw new AppError("invalid", parsed.error.issues[0]?.message ?? "Invalid reply.");
    const sent = await sendReply(claims, clinicId, parsed.data);
    return Response.json(sent, { status: sent.duplicate ? 200 : 201 });
  } catch (error) {
    return toErrorResponse(error);
  }
}
