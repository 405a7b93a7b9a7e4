import { toErrorResponse } from "@/lib/api/errors";
import { smsStatus } from "@/lib/twilio/handlers/sms-status";
import { smsStatusSchema } from "@/lib/twilio/schemas";
import { readTwilioForm } from "@/lib/twilio/verify";

export const dynamic = "force-dynamic";

// POST /api/webhooks/twilio/sms-status – delivery reports for follow-up texts: verify, parse,
// dispatch, respond. Statuses only move forward; 21610 records an opt-out.
export async function POST(request: Request) {
  try {
    const params = await readTwilioForm(request);
    if (!params)
      return Response.json({ error: "Unauthorized", code: "unauthorized" }, { status: 401 });
    const { status, body } = await smsStatus(smsStatusSchema.parse(params));
    return Response.json(body, { status });
  } catch (error) {
    return toErrorResponse(error);
  }
}
