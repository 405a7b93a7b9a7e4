import { z } from "zod";

import { AppError, toErrorResponse } from "@/lib/api/errors";
import { requireClinicMember, stillClinicMember } from "@/lib/auth/api";
import { isClinicCall } from "@/lib/calls/service";
import { streamTopic } from "@/lib/realtime/sse-stream";
import { callTopic } from "@/lib/realtime/types";

export const dynamic = "force-dynamic";

// GET /api/clinics/:clinicId/calls/:callId/transcript/stream – Server-Sent Events of one call's
// live transcript lines (redacted before they were broadcast; never stored). 401 signed out,
// 403 not a member of the clinic, 404 not one of the clinic's calls.
export async function GET(
  request: Request,
  { params }: { params: Promise<{ clinicId: string; callId: string }> },
) {
  try {
    const { clinicId, callId } = await params;
    const { claims } = await requireClinicMember(clinicId);
    if (!z.uuid().safeParse(callId).success || !(await isClinicCall(claims, clinicId, callId))) {
      throw new AppError("not_found", "No such call");
    }
    return streamTopic(request, callTopic(clinicId, callId), () =>
      stillClinicMember(claims, clinicId),
    );
  } catch (error) {
    return toErrorResponse(error);
  }
}
