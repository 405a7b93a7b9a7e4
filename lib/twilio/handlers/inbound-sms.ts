import "server-only";

import { findClinicByNumber } from "@/lib/db/clinic-lookup";
import { recordInboundSms } from "@/lib/db/sms-messages";
import { recordOptOut, removeOptOut } from "@/lib/db/sms-opt-outs";
import { withService } from "@/lib/db/transaction";
import { formatPhone } from "@/lib/format";
import { linkTextToAppointment } from "@/lib/inbox/link";
import { handleAppointmentReply } from "@/lib/reminders/replies";

import { optOutKind } from "../opt-out";
import { mediaCountOf, type InboundSms } from "../schemas";

// What a clinic's number looks like (public.e164), and what sms_messages and sms_opt_outs can hold.
const E164 = /^\+[1-9][0-9]{7,14}$/;
const PHONE = /^\+?[0-9]{3,15}$/;

// inbound-sms: a text to a clinic's number. STOP opts the number out of follow-ups (Twilio
// confirms to the patient itself), START opts back in, HELP answers with how to reach the
// clinic; Twilio's OptOutType decides which, when it is sent. Stored once per MessageSid, with
// its text for the inbox (media only as a count, never fetched), and linked to the appointment
// it names. The reply to send back, if any: anything else well-formed (a text to a number that
// is no clinic's, a short code, media) gets none.
export async function inboundSms(sms: InboundSms): Promise<string | undefined> {
  const kind = optOutKind(sms.Body, sms.OptOutType);
  return withService(async (tx) => {
    if (!E164.test(sms.To)) return undefined;
    const clinic = await findClinicByNumber(tx, sms.To);
    // From a channel address (whatsapp:...) or an alphanumeric sender: nothing to opt out or answer.
    if (!clinic || !PHONE.test(sms.From)) return undefined;
    const providerSid = sms.MessageSid ?? sms.SmsMessageSid ?? sms.SmsSid ?? null;
    const stored = await recordInboundSms(tx, {
      clinicId: clinic.id,
      from: sms.From,
      to: sms.To,
      body: sms.Body,
      kind,
      mediaCount: mediaCountOf(sms),
      providerSid,
    });
    const first = stored !== null;
    if (stored) await linkTextToAppointment(tx, clinic.id, stored, sms.Body);
    // "1"/YES confirms the appointment last texted about, "2" asks for a manage link (before
    // START is applied: a YES from an opted-out number only opts it back in). Once per MessageSid.
    if (first)
      await handleAppointmentReply(tx, {
        clinicId: clinic.id,
        from: sms.From,
        body: sms.Body,
        optOutKind: kind,
        providerSid,
      });
    // A repeated delivery changes nothing: a STOP replayed after a later START stays undone.
    if (first && kind === "STOP") await recordOptOut(tx, clinic.id, sms.From, "keyword");
    if (first && kind === "START") await removeOptOut(tx, clinic.id, sms.From);
    // The same answer every time, so a retried webhook whose first answer was lost still gets it.
    return kind === "HELP"
      ? `${clinic.name}: call us on ${formatPhone(clinic.phone, clinic)}. Reply STOP to opt out.`
      : undefined;
  });
}
