import { toErrorResponse } from "@/lib/api/errors";
import { inboundSms } from "@/lib/twilio/handlers/inbound-sms";
import { inboundSmsSchema } from "@/lib/twilio/schemas";
import { twimlResponse } from "@/lib/twilio/twiml";
import { readTwilioForm } from "@/lib/twilio/verify";

export const dynamic = "force-dynamic";

// POST /api/webhooks/twilio/inbound-sms – texts to a clinic's number: verify, parse, dispatch,
// answer with TwiML. STOP, START and HELP are acted on; every other well-formed text gets an
// empty TwiML 200.
export async function POST(request: Request) {
  try {
    const params = await readTwilioForm(request);
    if (!params)
      return Response.json({ error: "Unauthorized", code: "unauthorized" }, { status: 401 });
    return twimlResponse(await inboundSms(inboundSmsSchema.parse(params)));
  } catch (error) {
    return toErrorResponse(error);
  }
}
