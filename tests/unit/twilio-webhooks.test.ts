import twilio from "twilio";
import { afterEach, describe, expect, it } from "vitest";

import { resetEnvCache } from "@/lib/env";
import { optOutKind } from "@/lib/twilio/opt-out";
import {
  canAdvanceSmsStatus,
  isFinalSmsStatus,
  isSmsStatus,
  SMS_STATUSES,
  statusesBefore,
} from "@/lib/twilio/sms-status";
import { verifyTwilioRequest } from "@/lib/twilio/verify";

describe("what an inbound text asks for", () => {
  it("follows Twilio's OptOutType whatever the keyword or language", () => {
    expect(optOutKind("ARRET", "STOP")).toBe("STOP");
    expect(optOutKind("stopp", "STOP")).toBe("STOP");
    expect(optOutKind("REVOKE", "STOP")).toBe("STOP");
    expect(optOutKind("Demarrer", "START")).toBe("START");
    expect(optOutKind("AIDE", "HELP")).toBe("HELP");
    // OptOutType decides even against the default list.
    expect(optOutKind("STOP", "START")).toBe("START");
    expect(optOutKind("hello there", "help")).toBe("HELP");
  });

  it("falls back to Twilio's default keywords only without a known OptOutType", () => {
    for (const word of [
      "STOP",
      "stopall",
      "Unsubscribe",
      "CANCEL",
      "end",
      "QUIT",
      "revoke",
      "OptOut",
    ])
      expect(optOutKind(word)).toBe("STOP");
    for (const word of ["START", "yes", "Unstop"]) expect(optOutKind(word)).toBe("START");
    for (const word of ["HELP", "info"]) expect(optOutKind(word)).toBe("HELP");
    expect(optOutKind("ARRET")).toBeNull();
    expect(optOutKind("STOP", "")).toBe("STOP");
    expect(optOutKind("STOP", "SOMETHING-NEW")).toBe("STOP");
  });

  it("matches the whole trimmed body, as Twilio does, not the first word", () => {
    expect(optOutKind("  stop \n")).toBe("STOP");
    expect(optOutKind("Stop please")).toBeNull();
    expect(optOutKind("please stop")).toBeNull();
    expect(optOutKind("STOP.")).toBeNull();
    expect(optOutKind("yes I'd like to book")).toBeNull();
    expect(optOutKind("")).toBeNull();
    // Unicode case folding does not make a keyword.
    expect(optOutKind("ſtop")).toBeNull();
    expect(optOutKind("ınfo")).toBeNull();
  });
});

describe("delivery status order", () => {
  it("moves forward only", () => {
    expect(canAdvanceSmsStatus("queued", "sent")).toBe(true);
    expect(canAdvanceSmsStatus("sent", "delivered")).toBe(true);
    expect(canAdvanceSmsStatus("delivered", "read")).toBe(true);
    expect(canAdvanceSmsStatus("sent", "read")).toBe(true);
    expect(canAdvanceSmsStatus("delivered", "sent")).toBe(false);
    expect(canAdvanceSmsStatus("sent", "queued")).toBe(false);
    expect(canAdvanceSmsStatus("sent", "sent")).toBe(false);
    expect(canAdvanceSmsStatus("scheduled", "canceled")).toBe(true);
    expect(canAdvanceSmsStatus("scheduled", "queued")).toBe(true);
  });

  it("never leaves a final status, and delivered only for read", () => {
    for (const final of ["read", "undelivered", "failed", "canceled"]) {
      expect(isFinalSmsStatus(final)).toBe(true);
      for (const next of SMS_STATUSES) expect(canAdvanceSmsStatus(final, next)).toBe(false);
    }
    expect(isFinalSmsStatus("delivered")).toBe(false);
    expect(SMS_STATUSES.filter((next) => canAdvanceSmsStatus("delivered", next))).toEqual(["read"]);
  });

  it("ignores statuses it does not track", () => {
    for (const status of ["receiving", "received", "partially_delivered", "DELIVERED", ""]) {
      expect(isSmsStatus(status)).toBe(false);
      expect(canAdvanceSmsStatus("sent", status)).toBe(false);
    }
    expect(canAdvanceSmsStatus("received", "delivered")).toBe(false);
  });

  it("lists the statuses a report may replace", () => {
    expect(statusesBefore("sent")).toEqual(["scheduled", "accepted", "queued", "sending"]);
    expect(statusesBefore("read")).toEqual([
      "scheduled",
      "accepted",
      "queued",
      "sending",
      "sent",
      "delivered",
    ]);
    expect(statusesBefore("canceled")).not.toContain("delivered");
    expect(statusesBefore("scheduled")).toEqual([]);
  });
});

describe("the signed URL", () => {
  const TOKEN = "unit-twilio-token-0123456789";
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    resetEnvCache();
  });

  function request(
    internalUrl: string,
    signedUrl: string,
    params: Record<string, string>,
    token = TOKEN,
  ) {
    process.env = {
      NODE_ENV: "test",
      DATABASE_URL: "postgres://u:p@127.0.0.1:5432/db",
      AUTH_JWT_SECRET: "x".repeat(32),
      APP_URL: "https://clinic.example.com",
      TWILIO_AUTH_TOKEN: TOKEN,
    } as NodeJS.ProcessEnv;
    resetEnvCache();
    const signature = twilio.getExpectedTwilioSignature(token, signedUrl, params);
    return new Request(internalUrl, {
      method: "POST",
      headers: { "x-twilio-signature": signature },
      body: new URLSearchParams(params).toString(),
    });
  }
  const params = { MessageSid: `SM${"a".repeat(32)}`, MessageStatus: "delivered" };
  const path = "/api/webhooks/twilio/sms-status";

  it("is APP_URL plus the request's own path and query string", () => {
    // Behind a proxy the app sees its own host; Twilio signed the public URL.
    expect(
      verifyTwilioRequest(
        request(
          `http://10.0.0.7:3000${path}?clinic=x`,
          `https://clinic.example.com${path}?clinic=x`,
          params,
        ),
        params,
      ),
    ).toBe(true);
    expect(
      verifyTwilioRequest(
        request(
          `http://10.0.0.7:3000${path}?clinic=x`,
          `https://clinic.example.com${path}`,
          params,
        ),
        params,
      ),
    ).toBe(false);
    expect(
      verifyTwilioRequest(
        request(
          `http://10.0.0.7:3000${path}`,
          `https://clinic.example.com${path}?clinic=x`,
          params,
        ),
        params,
      ),
    ).toBe(false);
    expect(
      verifyTwilioRequest(
        request(`http://10.0.0.7:3000${path}`, `https://clinic.example.com${path}`, params),
        params,
      ),
    ).toBe(true);
  });

  it("accepts the default port written or not, as the SDK does", () => {
    expect(
      verifyTwilioRequest(
        request(
          `http://10.0.0.7:3000${path}?a=1&b=2`,
          `https://clinic.example.com:443${path}?a=1&b=2`,
          params,
        ),
        params,
      ),
    ).toBe(true);
  });

  it("never trusts the request's host, and refuses a wrong token or no signature", () => {
    expect(
      verifyTwilioRequest(
        request(`http://evil.example${path}`, `http://evil.example${path}`, params),
        params,
      ),
    ).toBe(false);
    expect(
      verifyTwilioRequest(
        request(
          `http://10.0.0.7:3000${path}`,
          `https://clinic.example.com${path}`,
          params,
          "another-token-0123456789",
        ),
        params,
      ),
    ).toBe(false);
    const unsigned = request(
      `http://10.0.0.7:3000${path}`,
      `https://clinic.example.com${path}`,
      params,
    );
    unsigned.headers.delete("x-twilio-signature");
    expect(verifyTwilioRequest(unsigned, params)).toBe(false);
    // A signature over other parameters does not cover these.
    expect(
      verifyTwilioRequest(
        request(`http://10.0.0.7:3000${path}`, `https://clinic.example.com${path}`, params),
        { ...params, MessageStatus: "read" },
      ),
    ).toBe(false);
  });

  it("checks a JSON body against bodySHA256 when Twilio signs that way", () => {
    const body = JSON.stringify({ hello: "world" });
    const signedUrl = `https://clinic.example.com${path}?bodySHA256=${twilio.getExpectedBodyHash(body)}`;
    const make = () =>
      request(
        `http://10.0.0.7:3000${path}?bodySHA256=${twilio.getExpectedBodyHash(body)}`,
        signedUrl,
        {},
      );
    expect(verifyTwilioRequest(make(), {}, body)).toBe(true);
    expect(verifyTwilioRequest(make(), {}, JSON.stringify({ hello: "tampered" }))).toBe(false);
    expect(verifyTwilioRequest(make(), {})).toBe(false);
  });
});
