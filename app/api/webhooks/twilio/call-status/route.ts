import { toErrorResponse } from "@/lib/api/errors";
import { callStatus } from "@/lib/twilio/handlers/call-status";
import { callStatusSchema } from "@/lib/twilio/schemas";
import { readTwilioForm } from "@/lib/twilio/verify";

export const dynamic = "force-dynamic";

// POST /api/webhooks/twilio/call-status – Twilio voice status callbacks: verify, parse, dispatch,
// respond. A call that completed, failed or was not answered ends here too, so its slot holds
// never outlive it.
export async function POST(request: Request) {
  try {
    const params = await readTwilioForm(request);
    if (!params)
      return Response.json({ error: "Unauthorized", code: "unauthorized" }, { status: 401 });
    const { status, body } = await callStatus(callStatusSchema.parse(params));
    return Response.json(body, { status });
  } catch (error) {
    return toErrorResponse(error);
  }
}
