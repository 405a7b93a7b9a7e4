import { z } from "zod";

import { readBody } from "@/lib/api/body";
import { toErrorResponse } from "@/lib/api/errors";
import { recordInboundSms } from "@/lib/db/sms-messages";
import { recordOptOut, removeOptOut } from "@/lib/db/sms-opt-outs";
import { withService } from "@/lib/db/transaction";
import { optOutKind } from "@/lib/twilio/opt-out";
import { formParams, verifyTwilioRequest } from "@/lib/twilio/verify";

export const dynamic = "force-dynamic";

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);
const sid = z.preprocess(emptyAsUndefined, z.string().regex(/^[A-Z]{2}[0-9a-fA-F]{32}$/, "must be a Twilio message sid").optional());
// Media (NumMedia, MediaUrl0, ...) and any other parameter Twilio adds are accepted and not kept.
const schema = z.looseObject({
  From: z.string().min(3).max(64),
  To: z.string().min(3).max(64),
  // Never stored, so not capped beyond the request's size limit (a media-only message has none).
  Body: z.string().default(""),
  MessageSid: sid,
  // Deprecated aliases of MessageSid that Twilio still sends.
  SmsMessageSid: sid,
  SmsSid: sid,
  OptOutType: z.preprocess(emptyAsUndefined, z.string().max(32).optional()),
});

// What a clinic's number looks like (public.e164), and what sms_messages and sms_opt_outs can hold.
const E164 = /^\+[1-9][0-9]{7,14}$/;
const PHONE = /^\+?[0-9]{3,15}$/;

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const twiml = (message?: string) =>
  new Response(`<?xml version="1.0" encoding="UTF-8"?><Response>${message ? `<Message>${escapeXml(message)}</Message>` : ""}</Response>`, {
    headers: { "content-type": "text/xml" },
  });

// POST /api/webhooks/twilio/inbound-sms – texts to a clinic's number (signed). STOP opts the
// number out of follow-ups (Twilio confirms to the patient itself), START opts back in, HELP
// answers with how to reach the clinic; Twilio's OptOutType decides which, when it is sent.
// Stored once per MessageSid, as the keyword kind only, never the text or media. Anything
// else well-formed (a text to a number that is no clinic's, a short code, media) gets an
// empty TwiML 200.
export async function POST(request: Request) {
  try {
    const raw = await readBody(request, 64 * 1024);
    const params = formParams(raw);
    if (!verifyTwilioRequest(request, params, raw)) {
      return Response.json({ error: "Unauthorized", code: "unauthorized" }, { status: 401 });
    }
    const sms = schema.parse(params);
    const kind = optOutKind(sms.Body, sms.OptOutType);
    const reply = await withService(async (tx) => {
      if (!E164.test(sms.To)) return undefined;
      const clinic = await tx.maybeOne<{ id: string; name: string; phone: string }>(
        "select id, name, phone_number as phone from public.clinics where phone_number = $1",
        [sms.To],
      );
      // From a channel address (whatsapp:...) or an alphanumeric sender: nothing to opt out or answer.
      if (!clinic || !PHONE.test(sms.From)) return undefined;
      const providerSid = sms.MessageSid ?? sms.SmsMessageSid ?? sms.SmsSid ?? null;
      const first = await recordInboundSms(tx, { clinicId: clinic.id, from: sms.From, to: sms.To, kind, providerSid });
      // A repeated delivery changes nothing: a STOP replayed after a later START stays undone.
      if (first && kind === "STOP") await recordOptOut(tx, clinic.id, sms.From, "keyword");
      if (first && kind === "START") await removeOptOut(tx, clinic.id, sms.From);
      // The same answer every time, so a retried webhook whose first answer was lost still gets it.
      return kind === "HELP" ? `${clinic.name}: call us on ${clinic.phone}. Reply STOP to opt out.` : undefined;
    });
    return twiml(reply);
  } catch (error) {
    return toErrorResponse(error);
  }
}
