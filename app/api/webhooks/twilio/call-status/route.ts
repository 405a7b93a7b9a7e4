import { readBody } from "@/lib/api/body";
import { toErrorResponse } from "@/lib/api/errors";
import { twilioCallStatus, twilioCallStatusSchema } from "@/lib/call-flow/handlers/twilio-call-status";
import { formParams, verifyTwilioRequest } from "@/lib/twilio/verify";

export const dynamic = "force-dynamic";

// POST /api/webhooks/twilio/call-status – Twilio voice status callbacks (signed). A call that
// completed, failed or was not answered ends here too, so its slot holds never outlive it.
export async function POST(request: Request) {
  try {
    const raw = await readBody(request, 64 * 1024);
    const params = formParams(raw);
    if (!verifyTwilioRequest(request, params, raw)) {
      return Response.json({ error: "Unauthorized", code: "unauthorized" }, { status: 401 });
    }
    const { status, body } = await twilioCallStatus(twilioCallStatusSchema.parse(params));
    return Response.json(body, { status });
  } catch (error) {
    return toErrorResponse(error);
  }
}
