import { z } from "zod";

import { readBody } from "@/lib/api/body";
import { toErrorResponse } from "@/lib/api/errors";
import { recordOptOut, recordSms, removeOptOut } from "@/lib/db/follow-ups";
import { withService } from "@/lib/db/transaction";
import { formParams, verifyTwilioRequest } from "@/lib/twilio/verify";

export const dynamic = "force-dynamic";

const schema = z.looseObject({ From: z.string().min(3).max(32), To: z.string().min(3).max(32), Body: z.string().max(1600).default("") });
// Twilio's standard opt-out and opt-in keywords.
const STOP = new Set(["stop", "stopall", "unsubscribe", "cancel", "end", "quit", "revoke", "optout"]);
const START = new Set(["start", "yes", "unstop"]);
const HELP = new Set(["help", "info"]);

const twiml = (message?: string) =>
  new Response(`<?xml version="1.0" encoding="UTF-8"?><Response>${message ? `<Message>${message.replace(/[<>&]/g, "")}</Message>` : ""}</Response>`, {
    headers: { "content-type": "text/xml" },
  });

// POST /api/webhooks/twilio/inbound-sms – replies to a clinic's number (signed). STOP opts the
// number out of follow-ups (Twilio confirms to the patient itself), START opts back in, HELP
// answers with how to reach the clinic. Only the keyword is kept, never other reply text.
export async function POST(request: Request) {
  try {
    const raw = await readBody(request, 64 * 1024);
    const params = formParams(raw);
    if (!verifyTwilioRequest(request, params, raw)) {
      return Response.json({ error: "Unauthorized", code: "unauthorized" }, { status: 401 });
    }
    const sms = schema.parse(params);
    const keyword = sms.Body.trim().toLowerCase().split(/\s+/)[0] ?? "";
    const reply = await withService(async (tx) => {
      const clinic = await tx.maybeOne<{ id: string; name: string; phone: string }>(
        "select id, name, phone_number as phone from public.clinics where phone_number = $1",
        [sms.To],
      );
      if (!clinic) return undefined;
      const kind = STOP.has(keyword) ? "STOP" : START.has(keyword) ? "START" : HELP.has(keyword) ? "HELP" : "";
      if (kind === "STOP") await recordOptOut(tx, clinic.id, sms.From, "keyword");
      if (kind === "START") await removeOptOut(tx, clinic.id, sms.From);
      await recordSms(tx, { clinicId: clinic.id, followUpId: null, direction: "inbound", to: sms.To, from: sms.From, body: kind, provider: "twilio", providerSid: null, status: "received" });
      return kind === "HELP" ? `${clinic.name}: call us on ${clinic.phone}. Reply STOP to opt out.` : undefined;
    });
    return twiml(reply);
  } catch (error) {
    return toErrorResponse(error);
  }
}
