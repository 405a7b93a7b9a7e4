import { z } from "zod";

import { readBody } from "@/lib/api/body";
import { toErrorResponse } from "@/lib/api/errors";
import { updateSmsStatus } from "@/lib/db/sms-messages";
import { recordOptOut } from "@/lib/db/sms-opt-outs";
import { withService } from "@/lib/db/transaction";
import { recordWebhookEvent } from "@/lib/db/webhook-events";
import { isSmsStatus, statusesBefore } from "@/lib/twilio/sms-status";
import { formParams, verifyTwilioRequest } from "@/lib/twilio/verify";

export const dynamic = "force-dynamic";

const schema = z.looseObject({
  MessageSid: z.string().regex(/^(SM|MM)[0-9a-fA-F]{32}$/, "MessageSid must be a Twilio message sid"),
  MessageStatus: z.string().min(1).max(30),
  ErrorCode: z.preprocess((value) => (value === "" ? undefined : value), z.coerce.number().int().min(0).max(2_147_483_647).optional()),
});

// POST /api/webhooks/twilio/sms-status – delivery reports for follow-up texts (signed). A status
// only moves forward (a late "sent" never undoes "delivered" or "read"); read, undelivered,
// failed and canceled are final. Error 21610 means the number has opted out: recorded, and
// never texted again. Statuses we do not track (receiving, partially_delivered, ...) are
// acknowledged and ignored.
export async function POST(request: Request) {
  try {
    const raw = await readBody(request, 64 * 1024);
    const params = formParams(raw);
    if (!verifyTwilioRequest(request, params, raw)) {
      return Response.json({ error: "Unauthorized", code: "unauthorized" }, { status: 401 });
    }
    const report = schema.parse(params);
    const status = report.MessageStatus;
    if (!isSmsStatus(status)) return Response.json({ ok: true, ignored: "untracked status" });
    const duplicate = await withService(async (tx) => {
      const seen = await recordWebhookEvent(tx, { source: "twilio", dedupeKey: `sms-status:${report.MessageSid}:${status}`, messageType: "sms-status" });
      if (seen.duplicate) return true;
      const message = await updateSmsStatus(tx, report.MessageSid, { status, from: statusesBefore(status), errorCode: report.ErrorCode ?? null });
      if (message && report.ErrorCode === 21610) await recordOptOut(tx, message.clinicId, message.toNumber, "error_21610");
      return false;
    });
    return Response.json({ ok: true, duplicate });
  } catch (error) {
    return toErrorResponse(error);
  }
}
