import { VapiClient } from "@vapi-ai/server-sdk";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { claimsSchema } from "@/lib/auth/claims";

import { addStaff, callTo, createClinic, type TestClinic } from "../helpers/clinic";
import { claimsFor, ownerClient } from "../helpers/db";
import { eventually, textsTo } from "../helpers/follow-ups";
import { sessionCookie } from "../helpers/session";
import { AUTH_JWT_SECRET, VAPI_API_KEY } from "./global-setup";

// Issue 18's remaining routing, through the real server: the clinic's number connected to Vapi
// (the server's Vapi base URL is the double's, global-setup), transfers nobody answered,
// special hours on a date, "Test the transfer" against the webhook, and missed-call texts
// under concurrency. Each test owns its clinic and numbers.

process.env.DATABASE_URL = inject("databaseUrl");
process.env.AUTH_JWT_SECRET = AUTH_JWT_SECRET;
const { closePool } = await import("@/lib/db/pool");
const { withService } = await import("@/lib/db/transaction");
const { pushClinicNumber } = await import("@/lib/vapi/number-service");
const { loadTransferPreview } = await import("@/lib/hours/service");
const config = await import("@/lib/diary/config-service");

let db: Client;
beforeAll(async () => {
  db = await ownerClient();
});
afterAll(async () => {
  await db.end();
  await closePool();
});

const claims = (userId: string) => claimsSchema.parse(claimsFor(userId));
const vapi = () => new VapiClient({ token: VAPI_API_KEY, baseUrl: inject("vapiUrl") });

describe("Connect number to Vapi", () => {
  let clinic: TestClinic;
  let admin: string;
  let desk: string;
  const path = () => `${inject("appUrl")}/api/clinics/${clinic.id}/vapi/phone-number`;
  const post = async (userId: string) => {
    const response = await fetch(path(), {
      method: "POST",
      headers: { cookie: await sessionCookie(userId) },
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const stored = async () =>
    (
      await db.query(
        `select vapi_phone_number_id, vapi_number_fallback, vapi_number_error,
                vapi_number_synced_at is not null as synced
           from public.clinics where id = $1`,
        [clinic.id],
      )
    ).rows[0];
  const inVapi = async () =>
    (await vapi().phoneNumbers.list()).filter((number) => number.number === clinic.phoneNumber);

  beforeAll(async () => {
    clinic = await createClinic(db);
    admin = await addStaff(db, [{ clinic, role: "admin" }]);
    desk = await addStaff(db, [{ clinic, role: "receptionist" }]);
  });

  it("explains a clinic with no front desk number, sending and storing nothing", async () => {
    const refused = await post(admin);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatch(/^The clinic has no front desk number: set one/);
    expect(await stored()).toMatchObject({ vapi_phone_number_id: null, synced: false });
    expect(await inVapi()).toEqual([]);
  });

  it("imports the number with the front desk as fallback, then updates it: one number in Vapi", async () => {
    await db.query("update public.clinics set front_desk_number = '+15557778800' where id = $1", [
      clinic.id,
    ]);
    const first = await post(admin);
    expect(first).toMatchObject({
      status: 200,
      body: { ok: true, action: "created", fallback: "+15557778800" },
    });
    const [number] = await inVapi();
    expect(number).toMatchObject({
      provider: "twilio",
      id: first.body.id,
      fallbackDestination: { type: "number", number: "+15557778800" },
      server: { url: `${inject("appUrl")}/api/webhooks/vapi`, timeoutSeconds: 20 },
    });
    expect(await stored()).toMatchObject({
      vapi_phone_number_id: first.body.id,
      vapi_number_fallback: "+15557778800",
      vapi_number_error: null,
      synced: true,
    });

    await db.query("update public.clinics set front_desk_number = '+15557778801' where id = $1", [
      clinic.id,
    ]);
    const second = await post(admin);
    expect(second.body).toMatchObject({ action: "updated", id: first.body.id });
    expect((await inVapi()).map((item) => item.fallbackDestination)).toEqual([
      expect.objectContaining({ number: "+15557778801" }),
    ]);
    // Members read the last push; the page shows it.
    const status = await fetch(path(), { headers: { cookie: await sessionCookie(desk) } });
    expect(await status.json()).toMatchObject({
      status: { vapiPhoneNumberId: first.body.id, fallback: "+15557778801", error: null },
    });
  });

  it("lets only admins connect it", async () => {
    const refused = await post(desk);
    expect(refused).toMatchObject({ status: 403, body: { code: "forbidden" } });
  });

  it("records Vapi's refusal in words, keeping the id (wrong Twilio account)", async () => {
    const before = await stored();
    const result = await pushClinicNumber(withService, clinic.id, {
      APP_URL: inject("appUrl"),
      VAPI_API_KEY,
      VAPI_API_BASE_URL: inject("vapiUrl"),
      TWILIO_ACCOUNT_SID: `AC${"f".repeat(32)}`,
      TWILIO_AUTH_TOKEN: "someone-elses-token-0123456789",
    });
    expect(result).toEqual({
      ok: false,
      reason: "vapi",
      message:
        "Vapi refused the number: Twilio Error: Authentication failed. Check your Twilio Account SID and Auth Token..",
    });
    expect(await stored()).toMatchObject({
      vapi_phone_number_id: before.vapi_phone_number_id,
      vapi_number_error: result.message,
    });
  });

  it("explains a server without VAPI_API_KEY or Twilio credentials, sending nothing", async () => {
    const received = (await inVapi()).length;
    const result = await pushClinicNumber(withService, clinic.id, { APP_URL: inject("appUrl") });
    expect(result.ok).toBe(false);
    expect(result).toMatchObject({ reason: "missing_setup" });
    expect(result.message).toContain("VAPI_API_KEY is not set on the server");
    expect(result.message).toContain("TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN are not both set");
    expect((await inVapi()).length).toBe(received);
  });
});

describe("transfers nobody answered", () => {
  let clinic: TestClinic;
  beforeAll(async () => {
    clinic = await createClinic(db, { timezone: "America/New_York" });
    await db.query(
      "insert into public.opening_hours (clinic_id, weekday, opens, closes) select $1, d, '09:00', '17:00' from generate_series(1, 5) d",
      [clinic.id],
    );
    await db.query("update public.clinics set front_desk_number = '+15557779900' where id = $1", [
      clinic.id,
    ]);
  });
  const row = async (vapiCallId: string) =>
    (
      await db.query(
        `select c.transfer_outcome, t.reason, t.urgency, t.message,
                (select count(*)::int from public.callback_tasks x where x.call_id = c.id) as tasks,
                (select count(*)::int from public.call_events e where e.call_id = c.id and e.event = 'transfer.unanswered') as notes
           from public.calls c left join public.callback_tasks t on t.call_id = c.id
          where c.vapi_call_id = $1`,
        [vapiCallId],
      )
    ).rows[0];
  /** A call at Monday 2026-12-07 10:00 EST that asks for a person and is offered the front desk. */
  async function transferred() {
    const call = callTo(clinic);
    const timestamp = new Date("2026-12-07T15:00:00Z").getTime();
    await call.send("status-update", { status: "in-progress", timestamp });
    const sent = await call.send("transfer-destination-request", { timestamp: timestamp + 100 });
    expect((sent.body as { destination?: { number: string } }).destination?.number).toBe(
      "+15557779900",
    );
    await call.send("transfer-update", {
      timestamp: timestamp + 200,
      destination: { type: "number", number: "+15557779900", description: "Front desk" },
    });
    return call;
  }

  it("opens one call-back task when Vapi reports the transfer failed, however often it says so", async () => {
    const call = await transferred();
    const report = () =>
      call.report("call.in-progress.error-transfer-failed", [
        { role: "user", message: "Can I speak to someone please?" },
      ]);
    // The report, its retry and a concurrent duplicate, plus the status-update's end.
    const results = await Promise.all([
      report(),
      report(),
      call.end("call.in-progress.error-transfer-failed"),
    ]);
    expect(results.map((result) => result.status)).toEqual([200, 200, 200]);
    expect((await report()).status).toBe(200);
    expect(await row(call.id)).toEqual({
      transfer_outcome: "unanswered",
      reason: "Transfer to the front desk not answered; the caller left no message",
      urgency: "routine",
      message: null,
      tasks: 1,
      notes: 1,
    });
  });

  it("opens one when the caller hangs up back with Voxanne, without leaving a message", async () => {
    const call = await transferred();
    await call.end("customer-ended-call");
    await call.report("customer-ended-call", [{ role: "user", message: "Hello?" }]);
    expect(await row(call.id)).toMatchObject({
      transfer_outcome: "unanswered",
      tasks: 1,
      notes: 1,
    });
  });

  it("keeps the message's task when one was taken, and opens none for a call put through", async () => {
    const messaged = await transferred();
    await messaged.tool("take_message", { message: "Please call me back about my appointment" });
    await messaged.report("customer-ended-call", [{ role: "user", message: "Call me back" }]);
    expect(await row(messaged.id)).toMatchObject({
      transfer_outcome: "unanswered",
      reason: "Message after an unanswered transfer",
      message: "Please call me back about my appointment",
      tasks: 1,
      notes: 0,
    });
    const answered = await transferred();
    await answered.report("assistant-forwarded-call", [
      { role: "user", message: "Reception please" },
    ]);
    expect(await row(answered.id)).toMatchObject({
      transfer_outcome: "transferred",
      tasks: 0,
      notes: 0,
    });
  });
});

describe("special hours on a date, and Test the transfer", () => {
  let clinic: TestClinic;
  let admin: string;
  let desk: string;
  beforeAll(async () => {
    clinic = await createClinic(db, { timezone: "Europe/London" });
    admin = await addStaff(db, [{ clinic, role: "admin" }]);
    desk = await addStaff(db, [{ clinic, role: "receptionist" }]);
    await db.query(
      "insert into public.opening_hours (clinic_id, weekday, opens, closes) select $1, d, '09:00', '17:00' from generate_series(1, 5) d",
      [clinic.id],
    );
    await db.query(
      "update public.clinics set front_desk_number = '+447700900100', emergency_number = '999' where id = $1",
      [clinic.id],
    );
    await db.query(
      `insert into public.on_call_rota (clinic_id, weekday, clinician_name, phone_number)
       values ($1, 4, 'Dr Thursday', '+447700900144')`,
      [clinic.id],
    );
  });

  it("saves special hours as the admin, refusing overlaps, bad times and a receptionist", async () => {
    expect(
      await config.addDateHours(claims(admin), clinic.id, {
        onDate: "2026-12-24",
        opens: "09:00",
        closes: "13:00",
        reason: "Christmas Eve",
      }),
    ).toMatchObject({ id: expect.any(String) });
    expect(
      await config.addDateHours(claims(admin), clinic.id, {
        onDate: "2026-12-24",
        opens: "12:00",
        closes: "14:00",
        reason: "",
      }),
    ).toEqual({
      fieldErrors: {
        opens: "These hours overlap hours already set on that date. Delete or adjust those first.",
      },
    });
    expect(
      await config.addDateHours(claims(admin), clinic.id, {
        onDate: "2026-12-31",
        opens: "15:00",
        closes: "10:00",
        reason: "",
      }),
    ).toEqual({ fieldErrors: { closes: "Closing time must be after opening time" } });
    expect(
      await config.addDateHours(claims(desk), clinic.id, {
        onDate: "2026-12-31",
        opens: "09:00",
        closes: "10:00",
        reason: "",
      }),
    ).toMatchObject({ error: expect.any(String) });
    const rows = await db.query(
      "select to_char(on_date, 'YYYY-MM-DD') as on_date, opens::text, closes::text from public.opening_hours_dates where clinic_id = $1",
      [clinic.id],
    );
    expect(rows.rows).toEqual([{ on_date: "2026-12-24", opens: "09:00:00", closes: "13:00:00" }]);
  });

  it("follows them in assistant-request and transfer-destination-request", async () => {
    // Thursday 24 December, 12:30 GMT: open until 13:00 (an ordinary Thursday: 17:00).
    const call = callTo(clinic);
    const timestamp = new Date("2026-12-24T12:30:00Z").getTime();
    const answer = (await call.send("assistant-request", { timestamp })).body as {
      assistantOverrides: { variableValues: Record<string, string> };
    };
    expect(answer.assistantOverrides.variableValues).toEqual({
      clinicStatus: "Open until 13:00",
      specialHours: "Thursday 24 December 09:00–13:00 (Christmas Eve)",
    });
    const open = await call.send("transfer-destination-request", { timestamp: timestamp + 100 });
    expect((open.body as { destination?: { number: string } }).destination?.number).toBe(
      "+447700900100",
    );
    // 14:00 the same day: closed, though a Thursday is open until 17:00.
    const later = callTo(clinic);
    const afternoon = new Date("2026-12-24T14:00:00Z").getTime();
    await later.send("status-update", { status: "in-progress", timestamp: afternoon });
    const closed = await later.send("transfer-destination-request", { timestamp: afternoon + 100 });
    expect((closed.body as { error?: string }).error).toMatch(
      /front desk is closed until tomorrow 09:00/,
    );
  });

  it("previews exactly what the webhook answers, at a chosen moment or now", async () => {
    const preview = await loadTransferPreview(claims(desk), clinic.id, "2026-12-24T14:00");
    expect("preview" in preview).toBe(true);
    if (!("preview" in preview)) return;
    expect(preview.preview).toMatchObject({
      local: "2026-12-24 14:00",
      state: "Closed until tomorrow 09:00",
      onCall: { clinicianName: "Dr Thursday" },
    });
    expect(preview.preview.cases.map((item) => item.destination)).toEqual([
      "No transfer",
      "Dr Thursday (on call), +447700900144",
      "No transfer",
    ]);
    // The webhook for an urgent caller at that moment goes to the same number.
    const call = callTo(clinic);
    const timestamp = new Date("2026-12-24T14:00:00Z").getTime();
    await call.send("status-update", { status: "in-progress", timestamp });
    const answer = await call.send("transfer-destination-request", {
      timestamp: timestamp + 100,
      artifact: {
        messages: [{ role: "user", message: "my wound is bleeding and I have a fever" }],
      },
    });
    const urgent = preview.preview.cases[1]!.choice;
    expect(urgent.kind).toBe("on_call");
    expect((answer.body as { destination?: { number: string } }).destination?.number).toBe(
      urgent.kind === "none" ? "(none)" : urgent.number,
    );
    expect(await loadTransferPreview(claims(desk), clinic.id, "24/12 2pm")).toEqual({
      error: '"24/12 2pm" is not a date and time: pick one, e.g. 2026-12-24 10:30.',
    });
    const now = await loadTransferPreview(claims(desk), clinic.id, undefined);
    expect("preview" in now && now.preview.cases).toHaveLength(3);
  });
});

describe("missed-call texts under concurrency", () => {
  let clinic: TestClinic;
  beforeAll(async () => {
    clinic = await createClinic(db);
  });
  const missedCallTexts = (number: string) =>
    db.query<{ status: string }>(
      "select status from public.follow_ups where clinic_id = $1 and to_number = $2 and kind = 'missed_call'",
      [clinic.id, number],
    );
  /** Waits until every missed-call text owed to `number` is settled: the worker posts to Twilio, then marks the row sent. */
  const settled = (number: string) =>
    eventually(
      () => missedCallTexts(number),
      (result) =>
        result.rows.length > 0 &&
        result.rows.every((row) => !["pending", "sending"].includes(row.status)),
    );
  const delivered = (ids: string[]) =>
    eventually(
      () =>
        db.query(
          `select count(*)::int as n from public.handoffs h join public.calls c on c.id = h.call_id
            where c.vapi_call_id = any ($1) and h.delivered_at is not null`,
          [ids],
        ),
      (result) => result.rows[0]?.n === ids.length,
    );

  it("texts once for two missed calls from one number ending at once", async () => {
    const number = `+1554${String(Date.now()).slice(-7)}`;
    const calls = [callTo(clinic, number), callTo(clinic, number)];
    await Promise.all(calls.map((call) => call.status("ringing")));
    const ended = await Promise.all(calls.map((call) => call.end("customer-ended-call")));
    expect(ended.map((result) => result.status)).toEqual([200, 200]);
    await delivered(calls.map((call) => call.id));
    // The text reaches Twilio before its row says "sent": wait for the row, then count.
    expect((await settled(number)).rows).toEqual([{ status: "sent" }]);
    expect(await textsTo(number)).toHaveLength(1);
  });

  it("texts once when the same end arrives twice at once (a webhook retry)", async () => {
    const number = `+1553${String(Date.now()).slice(-7)}`;
    const call = callTo(clinic, number);
    await call.status("ringing");
    const timestamp = Date.now();
    const [first, second] = await Promise.all([
      call.send("status-update", {
        status: "ended",
        endedReason: "customer-ended-call",
        timestamp,
      }),
      call.send("status-update", {
        status: "ended",
        endedReason: "customer-ended-call",
        timestamp,
      }),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    await delivered([call.id]);
    expect((await settled(number)).rows).toEqual([{ status: "sent" }]);
    expect(await textsTo(number)).toHaveLength(1);
  });
});
