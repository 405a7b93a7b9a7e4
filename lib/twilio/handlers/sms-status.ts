import "server-only";

import { updateSmsStatus } from "@/lib/db/sms-messages";
import { recordOptOut } from "@/lib/db/sms-opt-outs";
import { withService } from "@/lib/db/transaction";
import { recordWebhookEvent } from "@/lib/db/webhook-events";

import type { SmsStatusCallback } from "../schemas";
import { isSmsStatus, statusesBefore } from "../sms-status";

// sms-status: a delivery report for a follow-up text. A status only moves forward (a late
// "sent" never undoes "delivered" or "read"); read, undelivered, failed and canceled are final.
// Error 21610 means the number has opted out: recorded, and never texted again. Statuses we do
// not track (receiving, partially_delivered, ...) are acknowledged and ignored.
export async function smsStatus(report: SmsStatusCallback) {
  const status = report.MessageStatus;
  if (!isSmsStatus(status)) return { status: 200, body: { ok: true, ignored: "untracked status" } };
  const duplicate = await withService(async (tx) => {
    const seen = await recordWebhookEvent(tx, {
      source: "twilio",
      dedupeKey: `sms-status:${report.MessageSid}:${status}`,
      messageType: "sms-status",
    });
    if (seen.duplicate) return true;
    const message = await updateSmsStatus(tx, report.MessageSid, {
      status,
      from: statusesBefore(status),
      errorCode: report.ErrorCode ?? null,
    });
    if (message && report.ErrorCode === 21610)
      await recordOptOut(tx, message.clinicId, message.toNumber, "error_21610");
    return false;
  });
  return { status: 200, body: { ok: true, duplicate } };
}
