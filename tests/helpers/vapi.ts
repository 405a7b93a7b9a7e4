import { createHmac } from "node:crypto";
import { inject } from "vitest";

import { SimulatedCall } from "@/lib/simulator/client";

export const CLINIC_NUMBER = "+15555550199";

export function simulator() {
  return {
    url: inject("appUrl"),
    secret: inject("webhookSecret"),
    clinicNumber: CLINIC_NUMBER,
    speed: 0,
  };
}

export function newCall(callerNumber?: string) {
  return new SimulatedCall(simulator(), callerNumber);
}

export type Credential =
  | { kind: "hmac"; timestamp?: string; secret?: string; signedBody?: string }
  | { kind: "bearer"; secret?: string }
  | { kind: "legacy"; secret?: string }
  | { kind: "none" };

/** Posts raw bytes to the webhook with the chosen credential. */
export async function postRaw(
  body: string,
  credential: Credential = { kind: "hmac" },
  extraHeaders: Record<string, string> = {},
) {
  const secret = ("secret" in credential && credential.secret) || inject("webhookSecret");
  const headers: Record<string, string> = { "content-type": "application/json", ...extraHeaders };
  if (credential.kind === "hmac") {
    const timestamp = credential.timestamp ?? String(Date.now());
    headers["x-timestamp"] = timestamp;
    headers["x-signature"] = createHmac("sha256", secret)
      .update(`${timestamp}.${credential.signedBody ?? body}`)
      .digest("hex");
  } else if (credential.kind === "bearer") {
    headers.authorization = `Bearer ${secret}`;
  } else if (credential.kind === "legacy") {
    headers["x-vapi-secret"] = secret;
  }
  const response = await fetch(`${inject("appUrl")}/api/webhooks/vapi`, {
    method: "POST",
    headers,
    body,
  });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: response.status, text, json: json as Record<string, unknown> | null };
}

/** A Vapi server message of `type` about `callId`, to the demo clinic's number. */
export function vapiMessage(type: string, callId: string, fields: Record<string, unknown> = {}) {
  return {
    message: {
      type,
      timestamp: Date.now(),
      call: { id: callId, customer: { number: "+15550001111" } },
      phoneNumber: { number: CLINIC_NUMBER },
      ...fields,
    },
  };
}

export function statusMessage(callId: string, status: string, extra: Record<string, unknown> = {}) {
  return vapiMessage("status-update", callId, { status, ...extra });
}

/** A final line of what the caller said (Vapi's `transcript` message). */
export function transcriptMessage(
  callId: string,
  transcript: string,
  extra: Record<string, unknown> = {},
) {
  return vapiMessage("transcript", callId, {
    role: "user",
    transcriptType: "final",
    transcript,
    ...extra,
  });
}
