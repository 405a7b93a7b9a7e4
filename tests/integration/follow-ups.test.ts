import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Client } from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";

import { renewClaim } from "@/lib/db/follow-ups";
import { wrap } from "@/lib/db/transaction";
import { signAgentRequest, verifyAgentRequest } from "@/lib/follow-up/signature";
import { SimulatedCall } from "@/lib/simulator/client";
import { runScenario } from "@/lib/simulator/scenarios";

import { startAppServer, type AppServer } from "../../scripts/lib/app-server";
import { ownerClient } from "../helpers/db";
import {
  eventually,
  followUpsOf,
  inboundSms,
  runWorker,
  statusCallback,
  textsTo,
  twilioMode,
} from "../helpers/follow-ups";
import { CLINIC_NUMBER, newCall, simulator } from "../helpers/vapi";
import {
  AGENT_SECRET,
  AUTH_JWT_SECRET,
  CRON_SECRET,
  TWILIO_ACCOUNT_SID,
  TWILIO_AUTH_TOKEN,
} from "./global-setup";

let db: Client;
beforeAll(async () => {
  db = await ownerClient();
});
afterAll(async () => {
  await db.end();
});
afterEach(() => twilioMode("ok"));

/** A call that asks about `procedure` and hangs up without booking. */
async function askAndHangUp(procedure = "facelift", callerNumber?: string) {
  const call = newCall(callerNumber);
  await call.status("in-progress");
  await call.tool("lookup_procedure", { query: procedure });
  await call.end();
  await call.report("customer-ended-call", [
    { role: "user", message: `I'm just asking about a ${procedure}, I'll think about it.` },
  ]);
  return call;
}

describe("the aftercare follow-up", () => {
  it("texts a caller who asked about a facelift and did not book, once, within the window, with a link that opens the PDF", async () => {
    const call = await askAndHangUp("face lift");
    const texts = await eventually(
      () => textsTo(call.callerNumber),
      (found) => found.length > 0,
    );
    expect(texts).toHaveLength(1);
    const [text] = texts;
    expect(text!.from).toBe("+15555550199");
    expect(text!.body).toMatch(
      /^Hi, it's Sarah from Harbour Aesthetics\. .*Facelift aftercare guide: http:\/\/127\.0\.0\.1:\d+\/a\/[A-Za-z0-9_-]{22} Reply STOP to opt out\.$/,
    );
    expect(text!.body).not.toMatch(/warfarin|diabet|pregnan/i);

    // The text is recorded just after the provider accepts it.
    const [followUp] = await eventually(
      () => followUpsOf(db, call.id),
      (rows) => rows[0]?.status === "sent",
    );
    expect(followUp).toMatchObject({ kind: "aftercare", status: "sent" });
    // Usually one attempt; on a loaded machine the first can outlast the 1 s Twilio timeout this
    // suite sets, and the retry finds the accepted text instead of sending it again. Either way,
    // one text.
    expect(followUp!.attempts).toBeLessThanOrEqual(2);
    expect(await textsTo(call.callerNumber)).toHaveLength(1);
    expect(followUp!.sent_lag_s).toBeLessThan(300);

    // The link opens the clinic's page with the guide; the PDF is its download.
    const link = /http\S+\/a\/\S+/.exec(text!.body)![0];
    const guide = await fetch(link);
    expect(guide.status).toBe(200);
    const html = await guide.text();
    expect(html).toContain("Harbour Aesthetics");
    expect(html).toContain("Facelift Aftercare");
    expect(html).toContain(`${link.replace(/^http:\/\/[^/]+/, "")}/pdf`);
    const pdf = await fetch(`${link}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    const opened = await db.query(
      "select open_count from public.aftercare_links l join public.follow_ups f on f.id = l.follow_up_id join public.calls c on c.id = f.call_id where c.vapi_call_id = $1",
      [call.id],
    );
    expect(opened.rows[0].open_count).toBe(1);

    // Twilio's signed delivery reports were recorded.
    const sms = await eventually(
      () =>
        db
          .query("select status from public.sms_messages where provider_sid = $1", [text!.sid])
          .then((result) => result.rows[0]?.status),
      (status) => status === "delivered",
    );
    expect(sms).toBe("delivered");

    // Twilio retrying a status callback changes nothing; a late "sent" never undoes "delivered".
    const retried = await statusCallback(text!.sid, "sent");
    expect(retried).toMatchObject({ ok: true });
    expect((await statusCallback(text!.sid, "sent")).duplicate).toBe(true);
    const after = await db.query("select status from public.sms_messages where provider_sid = $1", [
      text!.sid,
    ]);
    expect(after.rows[0].status).toBe("delivered");
  });

  it("sends no follow-up after a booked call: only the appointment's own text that it is booked", async () => {
    const run = await runScenario("books", simulator());
    await runWorker();
    const { rows } = await db.query(
      "select caller_number from public.calls where vapi_call_id = $1",
      [run.vapiCallId],
    );
    expect(await followUpsOf(db, run.vapiCallId)).toEqual([]);
    // The appointment is pending (the type needs confirming): its text says booked, asks for a 1.
    const texts = await eventually(
      () => textsTo(rows[0].caller_number),
      (found) => found.length > 0,
    );
    expect(texts).toHaveLength(1);
    expect(texts[0]!.body).toMatch(
      /^Hi( \w+)?, it's Sarah from Harbour Aesthetics\. Your appointment .*is booked for .+ Reply 1 to confirm or 2 to change or cancel\. Reply STOP to opt out\.$/,
    );
  });

  it("confirms by text, once, a booking of a type confirmed at once (anti-wrinkle injections)", async () => {
    const call = newCall();
    await call.status("in-progress");
    const availability = await call.tool("check_availability", {
      procedure: "anti-wrinkle injections",
    });
    expect(availability.result?.appointmentType).toMatchObject({ confirmation: "instant" });
    // Other files book the seeded injector too: take the first offered time still free.
    let slotId: string | undefined;
    for (const slot of availability.result?.slots ?? []) {
      const hold = await call.tool("hold_slot", { slotId: slot.slotId });
      if (hold.result?.held) {
        slotId = slot.slotId;
        break;
      }
    }
    expect(slotId, "no offered time could be held").toBeDefined();
    const booking = await call.tool("confirm_booking", {
      slotId: slotId!,
      patientName: "Iris Instant",
      procedure: "botox",
    });
    expect(booking.result?.booked).toBe(true);
    await call.end();
    await call.report("customer-ended-call", [
      { role: "user", message: "Thursday works, thank you." },
    ]);
    await runWorker();
    const texts = await eventually(
      () => textsTo(call.callerNumber),
      (found) => found.length > 0,
    );
    expect(texts).toHaveLength(1);
    // The appointment's own confirmation (lib/reminders), with its calendar link; no follow-up.
    expect(texts[0]!.body).toMatch(
      /^Hi( \w+)?, it's Sarah from Harbour Aesthetics\. Your appointment \(Anti-wrinkle injections\) is confirmed for .+ with Nurse Chloe Bennett\. Add it to your calendar: http:\/\/127\.0\.0\.1:\d+\/m\/[A-Za-z0-9_-]{22}\/calendar\.ics Reply 2 to change or cancel\. Reply STOP to opt out\.$/,
    );
    expect(await followUpsOf(db, call.id)).toEqual([]);
    // A repeated report and more workers change nothing.
    await call.report("customer-ended-call", [{ role: "user", message: "Thanks." }]);
    await Promise.all([runWorker(), runWorker()]);
    expect(await textsTo(call.callerNumber)).toHaveLength(1);
  });

  it("stays one text through duplicate reports, repeated hand-offs and concurrent workers", async () => {
    const call = await askAndHangUp();
    await call.report("customer-ended-call", [{ role: "user", message: "facelift please" }]);
    await call.end();
    await Promise.all([runWorker(), runWorker(), runWorker(), runWorker()]);
    await eventually(
      () => textsTo(call.callerNumber),
      (found) => found.length > 0,
    );
    await Promise.all([runWorker(), runWorker()]);
    expect(await textsTo(call.callerNumber)).toHaveLength(1);
    expect(await followUpsOf(db, call.id)).toHaveLength(1);
  });

  it("keeps a worker whose claim expired mid-pass off a job another worker has taken", async () => {
    const call = await askAndHangUp();
    await eventually(
      () => followUpsOf(db, call.id),
      (rows) => rows[0]?.status === "sent",
    );
    const { rows } = await db.query(
      "select f.id from public.follow_ups f join public.calls c on c.id = f.call_id where c.vapi_call_id = $1",
      [call.id],
    );
    const id: string = rows[0].id;
    const tx = wrap(db);
    expect(await renewClaim(tx, { id, attempts: 1 })).toBe(false);
    // Another worker claimed it again (attempt 2) after our claim (attempt 1) expired. A fresh
    // claim, so the running workers leave it alone while we look.
    await db.query(
      "update public.follow_ups set status = 'sending', attempts = 2, locked_at = now() where id = $1",
      [id],
    );
    try {
      expect(await renewClaim(tx, { id, attempts: 1 })).toBe(false);
      expect(await renewClaim(tx, { id, attempts: 2 })).toBe(true);
    } finally {
      await db.query(
        "update public.follow_ups set status = 'sent', attempts = 1, locked_at = null where id = $1",
        [id],
      );
    }
  });

  it("records why when there is no aftercare PDF for the procedure", async () => {
    const call = await askAndHangUp("botox");
    const [followUp] = await eventually(
      () => followUpsOf(db, call.id),
      (rows) => rows.length > 0,
    );
    expect(followUp).toMatchObject({
      kind: "aftercare",
      status: "skipped",
      skip_reason: "No aftercare document for Botox.",
    });
    expect(await textsTo(call.callerNumber)).toEqual([]);
  });

  it("texts 'we got cut off' and raises a call-back when a call drops while booking", async () => {
    const run = await runScenario("drops-during-hold", simulator());
    const [followUp] = await eventually(
      () => followUpsOf(db, run.vapiCallId),
      (rows) => rows[0]?.status === "sent",
    );
    expect(followUp).toMatchObject({ kind: "cut_off", status: "sent" });
    const task = await db.query(
      "select reason, done_at from public.callback_tasks t join public.calls c on c.id = t.call_id where c.vapi_call_id = $1",
      [run.vapiCallId],
    );
    expect(task.rows).toEqual([{ reason: "Cut off while booking", done_at: null }]);
  });
});

describe("opt-outs", () => {
  it("never texts a number that replied STOP, and texts it again after START", async () => {
    const number = `+1555${Math.floor(1_000_000 + Math.random() * 8_999_999)}`;
    expect((await inboundSms(number, "STOP")).status).toBe(200);
    const quiet = await askAndHangUp("facelift", number);
    const [skipped] = await eventually(
      () => followUpsOf(db, quiet.id),
      (rows) => rows.length > 0,
    );
    expect(skipped).toMatchObject({
      status: "skipped",
      skip_reason: "The caller has opted out of texts.",
    });
    expect(await textsTo(number)).toEqual([]);

    await inboundSms(number, "start");
    await askAndHangUp("rhinoplasty", number);
    expect(
      (
        await eventually(
          () => textsTo(number),
          (found) => found.length > 0,
        )
      ).map((text) => text.body),
    ).toEqual([expect.stringContaining("Rhinoplasty aftercare guide")]);
  });

  it("answers HELP with how to reach the clinic", async () => {
    const response = await inboundSms("+15550001234", "help");
    expect(response.headers.get("content-type")).toBe("text/xml");
    expect(await response.text()).toContain(
      "<Message>Harbour Aesthetics: call us on (555) 555-0199. Reply STOP to opt out.</Message>",
    );
  });

  it("treats Twilio error 21610 as an opt-out: recorded, skipped, never retried", async () => {
    await twilioMode("unsubscribed");
    const call = await askAndHangUp();
    const [followUp] = await eventually(
      () => followUpsOf(db, call.id),
      (rows) => rows[0]?.status === "skipped",
    );
    expect(followUp).toMatchObject({
      status: "skipped",
      skip_reason: expect.stringContaining("21610"),
    });
    const optOut = await db.query(
      "select source from public.sms_opt_outs where phone_number = $1",
      [call.callerNumber],
    );
    expect(optOut.rows).toEqual([{ source: "error_21610" }]);
  });
});

describe("when Twilio fails", () => {
  it("retries a 500 with backoff inside the window, then fails visibly; and recovers", async () => {
    await twilioMode("fail500");
    const call = await askAndHangUp();
    const [first] = await eventually(
      () => followUpsOf(db, call.id),
      (rows) => (rows[0]?.attempts ?? 0) >= 1 && rows[0]?.status === "pending",
    );
    expect(first).toMatchObject({ status: "pending", last_error: "Twilio 500 (error 20500)" });
    // Fast-forward: the next attempt is due now, and the 5-minute window ends before a third.
    await db.query(
      `update public.follow_ups f set next_attempt_at = now(), due_by = now() + interval '5 seconds'
         from public.calls c where c.id = f.call_id and c.vapi_call_id = $1`,
      [call.id],
    );
    const [last] = await eventually(
      () => followUpsOf(db, call.id),
      (rows) => rows[0]?.status === "failed",
    );
    expect(last).toMatchObject({
      status: "failed",
      attempts: 2,
      last_error: "Twilio 500 (error 20500)",
    });
    expect(await textsTo(call.callerNumber)).toEqual([]);

    await twilioMode("ok");
    const next = await askAndHangUp();
    expect(
      await eventually(
        () => textsTo(next.callerNumber),
        (found) => found.length > 0,
      ),
    ).toHaveLength(1);
  });

  it("treats a timeout as retryable", async () => {
    await twilioMode("timeout");
    const call = await askAndHangUp();
    const [followUp] = await eventually(
      () => followUpsOf(db, call.id),
      (rows) => rows[0]?.status === "pending" && (rows[0]?.attempts ?? 0) >= 1,
    );
    expect(followUp!.last_error).toMatch(/Twilio unreachable/);
  });

  it("does not text twice when Twilio accepted a text but answered too late: the retry finds it and records it", async () => {
    await twilioMode("accept-timeout");
    const call = await askAndHangUp();
    await eventually(
      () => followUpsOf(db, call.id),
      (rows) =>
        rows[0]?.status === "pending" && rows[0]?.last_error?.includes("unreachable") === true,
    );
    const [accepted] = await textsTo(call.callerNumber);
    expect(accepted).toBeDefined();

    await twilioMode("ok");
    await db.query(
      "update public.follow_ups f set next_attempt_at = now() from public.calls c where c.id = f.call_id and c.vapi_call_id = $1",
      [call.id],
    );
    const [followUp] = await eventually(
      () => followUpsOf(db, call.id),
      (rows) => rows[0]?.status === "sent",
    );
    expect(followUp).toMatchObject({ status: "sent", attempts: 2 });
    expect(await textsTo(call.callerNumber)).toHaveLength(1);
    const recorded = await db.query<{ provider_sid: string; body: string }>(
      "select m.provider_sid, m.body from public.sms_messages m join public.follow_ups f on f.id = m.follow_up_id join public.calls c on c.id = f.call_id where c.vapi_call_id = $1",
      [call.id],
    );
    // Recorded as sent, with the link's token masked: only its hash is stored.
    expect(recorded.rows).toEqual([
      {
        provider_sid: accepted!.sid,
        body: accepted!.body.replace(/(\/a\/)[A-Za-z0-9_-]{22}/, "$1[private link]"),
      },
    ]);
    expect(recorded.rows[0]!.body).not.toBe(accepted!.body);
    // The link in the text the caller has still opens the PDF: the retry issued no new one.
    const link = /http\S+\/a\/\S+/.exec(accepted!.body)![0];
    expect((await fetch(`${link}/pdf`)).headers.get("content-type")).toBe("application/pdf");
  });
});

describe("the follow-up agent's webhook", () => {
  const url = () => `${inject("appUrl")}/api/agents/follow-up`;
  it("refuses unsigned, mis-signed and replayed hand-offs", async () => {
    const body = JSON.stringify({ handoffId: "00000000-0000-4000-8000-000000000000" });
    expect((await fetch(url(), { method: "POST", body })).status).toBe(401);
    expect(
      (
        await fetch(url(), {
          method: "POST",
          body,
          headers: signAgentRequest("wrong-secret-wrong-secret", body),
        })
      ).status,
    ).toBe(401);
    const stale = signAgentRequest(AGENT_SECRET, body, Date.now() - 6 * 60_000);
    expect((await fetch(url(), { method: "POST", body, headers: stale })).status).toBe(401);
    const malformed = await fetch(url(), {
      method: "POST",
      body,
      headers: signAgentRequest(AGENT_SECRET, body),
    });
    expect(malformed.status).toBe(422);
  });
});

describe("a follow-up agent deployed on its own (FOLLOW_UP_AGENT_URL)", () => {
  // The shared server plays the agent. A second deployment answers the calls and hands each one
  // over the signed webhook, through a proxy that records what crossed it.
  const crossed: { signed: boolean; handoffId: string }[] = [];
  let proxy: Server;
  let voice: AppServer;
  beforeAll(async () => {
    proxy = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", async () => {
        const body = Buffer.concat(chunks).toString();
        const headers = new Headers({ "content-type": "application/json" });
        for (const name of ["x-callwaiting-signature", "x-callwaiting-timestamp"])
          headers.set(name, String(request.headers[name] ?? ""));
        crossed.push({
          signed: verifyAgentRequest(headers, body, AGENT_SECRET),
          handoffId: JSON.parse(body).handoffId,
        });
        const answer = await fetch(`${inject("appUrl")}${request.url}`, {
          method: "POST",
          headers,
          body,
        });
        response
          .writeHead(answer.status, { "content-type": "application/json" })
          .end(await answer.text());
      });
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    voice = await startAppServer({
      DATABASE_URL: inject("databaseUrl"),
      DATA_DIR: inject("dataDir"),
      AUTH_JWT_SECRET,
      VAPI_WEBHOOK_SECRET: inject("webhookSecret"),
      TWILIO_AUTH_TOKEN,
      TWILIO_ACCOUNT_SID,
      TWILIO_API_BASE_URL: inject("twilioUrl"),
      TWILIO_TIMEOUT_MS: "1000",
      SMS_PROVIDER: "twilio",
      CRON_SECRET,
      FOLLOW_UP_AGENT_SECRET: AGENT_SECRET,
      FOLLOW_UP_AGENT_URL: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/api/agents/follow-up`,
    });
  });
  afterAll(async () => {
    await voice?.stop();
    await new Promise((resolve) => proxy?.close(resolve));
  });

  it("hands the call over the signed webhook, and the agent texts the caller once", async () => {
    const call = new SimulatedCall({
      url: voice.url,
      secret: inject("webhookSecret"),
      clinicNumber: CLINIC_NUMBER,
      speed: 0,
    });
    await call.status("in-progress");
    await call.tool("lookup_procedure", { query: "facelift" });
    await call.end();
    const [text] = await eventually(
      () => textsTo(call.callerNumber),
      (found) => found.length > 0,
    );
    expect(text!.body).toContain("Facelift aftercare guide");
    const { rows } = await db.query<{ id: string; acknowledged: boolean }>(
      "select h.id, h.delivered_at >= h.updated_at as acknowledged from public.handoffs h join public.calls c on c.id = h.call_id where c.vapi_call_id = $1",
      [call.id],
    );
    expect(rows).toEqual([{ id: expect.any(String), acknowledged: true }]);
    const deliveries = crossed.filter((delivery) => delivery.handoffId === rows[0]!.id);
    expect(deliveries.length).toBeGreaterThan(0);
    expect(deliveries.every((delivery) => delivery.signed)).toBe(true);
    await runWorker();
    expect(await textsTo(call.callerNumber)).toHaveLength(1);
  });
});

describe("the patient's link", () => {
  it("shows a friendly page when expired, revoked or unknown", async () => {
    const call = await askAndHangUp();
    const [text] = await eventually(
      () => textsTo(call.callerNumber),
      (found) => found.length > 0,
    );
    const link = /http\S+\/a\/\S+/.exec(text!.body)![0];
    const token = link.split("/a/")[1]!;
    const hash = (await import("node:crypto")).createHash("sha256").update(token).digest("hex");
    await db.query(
      "update public.aftercare_links set expires_at = now() - interval '1 minute' where token_hash = $1",
      [hash],
    );
    // An expired or withdrawn link's page names the clinic and how to reach it; its PDF
    // download goes back to that page. An unknown link says so in general words.
    const expired = await fetch(link);
    expect(expired.status).toBe(200);
    const expiredHtml = await expired.text();
    expect(expiredHtml).toContain("This link has expired");
    expect(expiredHtml).toContain("Harbour Aesthetics");
    expect(expiredHtml).toContain('href="tel:');
    expect(expiredHtml).not.toContain("Facelift Aftercare");
    const download = await fetch(`${link}/pdf`, { redirect: "manual" });
    expect(download.status).toBe(303);
    expect(download.headers.get("location")).toMatch(/\/a\/[A-Za-z0-9_-]{22}$/);
    await db.query("update public.aftercare_links set revoked_at = now() where token_hash = $1", [
      hash,
    ]);
    expect(await (await fetch(link)).text()).toContain("This link is no longer active");
    const unknown = await (await fetch(`${inject("appUrl")}/a/${"x".repeat(22)}`)).text();
    expect(unknown).toContain("We couldn&#x27;t find that link");
    expect(unknown).not.toContain("Harbour Aesthetics");
    const page = await fetch(`${inject("appUrl")}/a/unavailable?reason=expired`);
    expect(await page.text()).toContain("This link has expired");
  });
});
