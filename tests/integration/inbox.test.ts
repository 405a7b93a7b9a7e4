import { randomBytes, randomInt, randomUUID } from "node:crypto";
import type { Client } from "pg";
import twilio from "twilio";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";

import type { Claims } from "@/lib/auth/claims";
import { closePool } from "@/lib/db/pool";
import { markRead } from "@/lib/inbox/service";

import { addStaff, createClinic, type TestClinic } from "../helpers/clinic";
import { canJoin, claimsFor, ownerClient } from "../helpers/db";
import { textsTo, twilioMode, waitFor } from "../helpers/follow-ups";
import { openStream, sessionCookie } from "../helpers/session";
import { AUTH_JWT_SECRET, TWILIO_AUTH_TOKEN } from "./global-setup";

// The inbox through the real server: texts patients send (signed Twilio webhooks) kept and
// grouped per patient, live on the clinic's inbox stream (ids only), unread until read, linked
// to the appointment they name; staff replies through the real Twilio SDK to the Twilio double,
// recorded with who sent them, refused for opted-out numbers, never sent twice for one press,
// and moved on by Twilio's signed delivery reports. A clinic of this file's own.
let db: Client;
let clinic: TestClinic;
let other: TestClinic;
let receptionist: string;
let cookie: string;
let stranger: string;

const ACCOUNT = `AC${"0".repeat(32)}`;
const number = () => `+1557${String(randomInt(1_000_000, 10_000_000))}`;
const messageSid = () => `SM${randomBytes(16).toString("hex")}`;

beforeAll(async () => {
  process.env.DATABASE_URL = inject("databaseUrl");
  process.env.AUTH_JWT_SECRET = AUTH_JWT_SECRET;
  db = await ownerClient();
  clinic = await createClinic(db, { name: "Inbox Test Clinic", timezone: "Europe/London" });
  other = await createClinic(db, { name: "Inbox Other Clinic" });
  receptionist = await addStaff(db, [{ clinic, role: "receptionist" }]);
  await db.query(
    "update public.clinic_members set display_name = 'Robin Front' where user_id = $1",
    [receptionist],
  );
  stranger = await addStaff(db, [{ clinic: other, role: "admin" }]);
  cookie = await sessionCookie(receptionist);
});
afterAll(async () => {
  await twilioMode("ok");
  await db.end();
  await closePool();
});
afterEach(async () => {
  await twilioMode("ok");
});

/** A text to the clinic's number, signed as Twilio signs it. */
async function inbound(from: string, body: string, extra: Record<string, string> = {}) {
  const url = `${inject("appUrl")}/api/webhooks/twilio/inbound-sms`;
  const params = {
    AccountSid: ACCOUNT,
    MessageSid: messageSid(),
    From: from,
    To: clinic.phoneNumber,
    Body: body,
    NumMedia: "0",
    ...extra,
  };
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-twilio-signature": twilio.getExpectedTwilioSignature(TWILIO_AUTH_TOKEN, url, params),
    },
    body: new URLSearchParams(params).toString(),
  });
  expect(response.status).toBe(200);
  return params.MessageSid;
}

const api = (path: string, init: RequestInit & { as?: string | null } = {}) =>
  fetch(`${inject("appUrl")}/api/clinics/${clinic.id}/inbox${path}`, {
    ...init,
    headers: {
      ...(init.as === null ? {} : { cookie: init.as ?? cookie }),
      ...(init.body ? { "content-type": "application/json" } : {}),
    },
  });

async function patientOf(phone: string, clinicId = clinic.id): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    "select id from public.patients where clinic_id = $1 and phone = $2",
    [clinicId, phone],
  );
  return rows[0]!.id;
}

interface Conversation {
  patient: { id: string; phone: string };
  messages: {
    id: string;
    direction: string;
    body: string;
    mediaCount: number;
    status: string;
    sentBy: string | null;
    bookingId: string | null;
    readAt: string | null;
    errorCode: number | null;
  }[];
}
const conversation = async (patientId: string): Promise<Conversation> =>
  (await api(`/${patientId}`)).json();

const reply = (patientId: string, body: string, replyKey: string = randomUUID(), as?: string) =>
  api(`/${patientId}/replies`, { method: "POST", body: JSON.stringify({ body, replyKey }), as });

const rowsFor = async (phone: string) =>
  (
    await db.query<{ direction: string; body: string; status: string; sent_by: string | null }>(
      `select direction, body, status, sent_by from public.sms_messages
        where clinic_id = $1 and (from_number = $2 or to_number = $2) order by created_at`,
      [clinic.id, phone],
    )
  ).rows;

/** An appointment for `phone` at clinic-local `date` `time` (London), as staff book it. */
async function appointment(phone: string, localStart: string) {
  const { rows } = await db.query<{ id: string }>(
    `insert into public.bookings (clinic_id, patient_name, patient_phone, practitioner_id,
                                  appointment_type_id, starts_at, ends_at, source, status)
     values ($1, 'Ada Lovelace', $2, $3, $4, ($5::timestamp at time zone 'Europe/London'),
             ($5::timestamp at time zone 'Europe/London') + interval '30 minutes', 'staff', 'confirmed')
     returning id`,
    [clinic.id, phone, clinic.practitionerIds[0], clinic.typeId, localStart],
  );
  return rows[0]!.id;
}

/** A clinic-local date `days` ahead, "yyyy-mm-dd", and its weekday name. */
async function localDay(days: number) {
  const { rows } = await db.query<{ date: string; weekday: string; label: string }>(
    `select to_char(d, 'YYYY-MM-DD') as date, trim(to_char(d, 'FMDay')) as weekday,
            to_char(d, 'FMDD') || ' ' || trim(to_char(d, 'Mon')) as label
       from (select (now() at time zone 'Europe/London')::date + $1::int as d) x`,
    [days],
  );
  return rows[0]!;
}

describe("texts patients send", () => {
  it("are kept as written, grouped per patient, unread, with media only counted", async () => {
    const phone = number();
    await inbound(phone, "Hi, is there parking near the clinic?");
    await inbound(phone, "", {
      NumMedia: "2",
      MediaUrl0: `https://api.twilio.com/2010-04-01/Accounts/${ACCOUNT}/Messages/MM1/Media/ME1`,
      MediaUrl1: `https://api.twilio.com/2010-04-01/Accounts/${ACCOUNT}/Messages/MM1/Media/ME2`,
    });
    const patientId = await patientOf(phone);
    const { conversations, unread } = await (await api("")).json();
    expect(unread).toBeGreaterThanOrEqual(2);
    const mine = conversations.find((c: { patientId: string }) => c.patientId === patientId);
    expect(mine).toMatchObject({ phone, unread: 2, lastDirection: "inbound", lastMediaCount: 2 });
    const { messages } = await conversation(patientId);
    expect(messages.map((m) => [m.direction, m.body, m.mediaCount, m.readAt])).toEqual([
      ["inbound", "Hi, is there parking near the clinic?", 0, null],
      ["inbound", "", 2, null],
    ]);
  });

  it("are stored once when Twilio delivers the same MessageSid again", async () => {
    const phone = number();
    const sid = messageSid();
    await Promise.all([
      inbound(phone, "Running 10 minutes late", { MessageSid: sid }),
      inbound(phone, "Running 10 minutes late", { MessageSid: sid }),
    ]);
    await inbound(phone, "Running 10 minutes late", { MessageSid: sid });
    expect(await rowsFor(phone)).toHaveLength(1);
  });

  it("appear live on the clinic's inbox stream, by id only", async () => {
    const phone = number();
    const stream = await openStream(`/api/clinics/${clinic.id}/inbox/stream`, cookie);
    expect(stream.status).toBe(200);
    await stream.waitFor((event) => event.event === "ready");
    await inbound(phone, "Can I bring my sister along?");
    const patientId = await patientOf(phone);
    const event = await stream.waitFor(
      (e) => e.event === "inbox_change" && JSON.parse(e.data).patientId === patientId,
    );
    const payload = JSON.parse(event.data);
    expect(payload).toMatchObject({ clinicId: clinic.id, direction: "inbound" });
    expect(event.data).not.toContain(phone.slice(2));
    expect(event.data).not.toContain("sister");
    stream.close();
  });

  it("streams and conversations only to members of the clinic", async () => {
    expect((await openStream(`/api/clinics/${clinic.id}/inbox/stream`)).status).toBe(401);
    const strangerCookie = await sessionCookie(stranger);
    expect(
      (await openStream(`/api/clinics/${clinic.id}/inbox/stream`, strangerCookie)).status,
    ).toBe(403);
    const phone = number();
    await inbound(phone, "Private question about my consultation");
    const patientId = await patientOf(phone);
    expect((await api("", { as: null })).status).toBe(401);
    expect((await api(`/${patientId}`, { as: strangerCookie })).status).toBe(403);
    // Through the stranger's own clinic: RLS shows no such patient.
    const theirs = await fetch(`${inject("appUrl")}/api/clinics/${other.id}/inbox/${patientId}`, {
      headers: { cookie: strangerCookie },
    });
    expect(theirs.status).toBe(404);
  });

  it("may be heard on Supabase Realtime by the clinic's members only", async () => {
    const topic = `clinic:${clinic.id}:inbox`;
    expect(await canJoin(db, receptionist, topic)).toBe(true);
    expect(await canJoin(db, stranger, topic)).toBe(false);
    expect(await canJoin(db, stranger, `clinic:${other.id}:inbox`)).toBe(true);
  });

  it("are read once a member opens the conversation, for the whole front desk", async () => {
    const phone = number();
    await inbound(phone, "Thanks!");
    await inbound(phone, "See you then");
    const patientId = await patientOf(phone);
    const member: Claims = { ...claimsFor(receptionist), role: "authenticated" };
    const before = (await (await api("")).json()).unread as number;
    expect(await markRead(member, clinic.id, patientId)).toBe(2);
    expect(await markRead(member, clinic.id, patientId)).toBe(0);
    expect((await (await api("")).json()).unread).toBe(before - 2);
    const { rows } = await db.query(
      "select read_by from public.sms_messages where patient_id = $1",
      [patientId],
    );
    expect(rows).toEqual([{ read_by: receptionist }, { read_by: receptionist }]);
    // Someone from another clinic marks nothing.
    const outsider: Claims = { ...claimsFor(stranger), role: "authenticated" };
    await inbound(phone, "One more thing");
    await expect(markRead(outsider, clinic.id, patientId)).rejects.toThrow(/not a member/);
    expect((await conversation(patientId)).messages.at(-1)!.readAt).toBeNull();
  });
});

describe("a text that names an appointment", () => {
  it("links to it by day and time, and to nothing when it is ambiguous", async () => {
    const phone = number();
    const day = await localDay(3);
    const first = await appointment(phone, `${day.date} 10:30`);
    await appointment(phone, `${day.date} 15:00`);
    await inbound(phone, `Can I move my ${day.weekday} 10:30 appointment?`);
    await inbound(phone, `About ${day.label}: is it still on?`); // two that day: no link
    await inbound(phone, "Where do I park?"); // no appointment named
    const { messages } = await conversation(await patientOf(phone));
    // The patient's own texts (the appointments' confirmations may be in the conversation too,
    // whenever the reminders worker sent them).
    const theirs = messages.filter((m) => m.direction === "inbound");
    expect(theirs.map((m) => m.bookingId)).toEqual([first, null, null]);
  });

  it("links a question about 'my appointment' to the patient's only upcoming one", async () => {
    const phone = number();
    const day = await localDay(5);
    const only = await appointment(phone, `${day.date} 09:00`);
    await inbound(phone, "Do I need to shave before my consultation?");
    const { messages } = await conversation(await patientOf(phone));
    expect(messages.find((m) => m.direction === "inbound")!.bookingId).toBe(only);
  });
});

describe("replies from the inbox", () => {
  it("go through Twilio, are recorded with who sent them, and show delivery reports", async () => {
    const phone = number();
    await inbound(phone, "Is the clinic open on Saturday?");
    const patientId = await patientOf(phone);
    const response = await reply(patientId, "Yes, 9am to 1pm. See you soon!");
    expect(response.status).toBe(201);
    const sent = await response.json();
    expect(sent).toMatchObject({ status: "queued", duplicate: false });
    const texts = await textsTo(phone);
    expect(texts.map((text) => [text.from, text.body])).toEqual([
      [clinic.phoneNumber, "Yes, 9am to 1pm. See you soon!"],
    ]);
    expect(texts[0]!.statusCallback).toMatch(/\/api\/webhooks\/twilio\/sms-status$/);
    // The double reports sent, then delivered, signed; the conversation shows it.
    const last = await waitFor(
      async () => (await conversation(patientId)).messages.at(-1)!,
      (message) => message.status === "delivered",
    );
    expect(last).toMatchObject({
      id: sent.messageId,
      direction: "outbound",
      body: "Yes, 9am to 1pm. See you soon!",
      sentBy: "Robin Front",
      status: "delivered",
    });
    const { rows } = await db.query(
      "select sent_by, provider_sid from public.sms_messages where id = $1",
      [sent.messageId],
    );
    expect(rows[0]).toEqual({ sent_by: receptionist, provider_sid: texts[0]!.sid });
  });

  it("are sent once for one press of Send, however often it is repeated", async () => {
    const phone = number();
    await inbound(phone, "Hello?");
    const patientId = await patientOf(phone);
    const key = randomUUID();
    const answers = await Promise.all([
      reply(patientId, "Hello! How can we help?", key),
      reply(patientId, "Hello! How can we help?", key),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 201]);
    const again = await reply(patientId, "Hello! How can we help?", key);
    expect(again.status).toBe(200);
    expect((await again.json()).duplicate).toBe(true);
    expect(await textsTo(phone)).toHaveLength(1);
    expect((await rowsFor(phone)).filter((row) => row.direction === "outbound")).toHaveLength(1);
  });

  it("are refused to a number that replied STOP, with a sentence, and nothing is stored", async () => {
    const phone = number();
    await inbound(phone, "STOP");
    const patientId = await patientOf(phone);
    const response = await reply(patientId, "Sorry to see you go");
    expect(response.status).toBe(409);
    expect((await response.json()).error).toMatch(
      /opted out of texts \(they replied STOP on .+\), so nothing was sent\. They can text START/,
    );
    expect(await textsTo(phone)).toEqual([]);
    expect((await rowsFor(phone)).map((row) => row.direction)).toEqual(["inbound"]);
    // START opts back in: replies go again.
    await inbound(phone, "START");
    expect((await reply(patientId, "Welcome back")).status).toBe(201);
    expect(await textsTo(phone)).toHaveLength(1);
  });

  it("record Twilio's 21610 as an opt-out and keep the text as failed", async () => {
    const phone = number();
    await inbound(phone, "Hi");
    const patientId = await patientOf(phone);
    await twilioMode("unsubscribed");
    const response = await reply(patientId, "Hello there");
    expect(response.status).toBe(409);
    expect((await response.json()).error).toMatch(/opted out of texts/);
    const { rows } = await db.query(
      "select source from public.sms_opt_outs where clinic_id = $1 and phone_number = $2",
      [clinic.id, phone],
    );
    expect(rows).toEqual([{ source: "error_21610" }]);
    const last = (await conversation(patientId)).messages.at(-1)!;
    expect(last).toMatchObject({ direction: "outbound", status: "failed", errorCode: 21610 });
  });

  it("keep a text Twilio failed to take as failed, and say so", async () => {
    const phone = number();
    await inbound(phone, "Hi");
    const patientId = await patientOf(phone);
    await twilioMode("fail500");
    const response = await reply(patientId, "Hello there");
    expect(response.status).toBe(503);
    expect((await response.json()).error).toMatch(/could not be sent/);
    expect((await rowsFor(phone)).at(-1)).toMatchObject({
      status: "failed",
      sent_by: receptionist,
    });
  });

  it("record a text Twilio accepted but answered too late as sent, not failed", async () => {
    const phone = number();
    await inbound(phone, "Hi");
    const patientId = await patientOf(phone);
    await twilioMode("accept-timeout");
    const response = await reply(patientId, "Sorry for the wait, yes we can.");
    expect(response.status).toBe(201);
    const texts = await textsTo(phone);
    expect(texts).toHaveLength(1);
    const { rows } = await db.query(
      "select status, provider_sid from public.sms_messages where id = $1",
      [(await response.json()).messageId],
    );
    expect(rows).toEqual([{ status: "sent", provider_sid: texts[0]!.sid }]);
  });

  it("refuse bad input and other clinics' patients, storing nothing", async () => {
    const phone = number();
    await inbound(phone, "Hi");
    const patientId = await patientOf(phone);
    for (const body of ["", "   ", "x".repeat(1601)]) {
      const response = await reply(patientId, body);
      expect(response.status).toBe(422);
    }
    expect(
      (
        await api(`/${patientId}/replies`, {
          method: "POST",
          body: JSON.stringify({ body: "hi", replyKey: "not-a-uuid" }),
        })
      ).status,
    ).toBe(422);
    expect((await api(`/${patientId}/replies`, { method: "POST", body: "{not json" })).status).toBe(
      400,
    );
    expect((await reply(patientId, "hi", randomUUID(), await sessionCookie(stranger))).status).toBe(
      403,
    );
    expect((await reply(patientId, "hi", randomUUID(), "")).status).toBe(401);
    // A patient of another clinic, asked for through this one: not found.
    const theirs = number();
    const { rows } = await db.query<{ patient_id: string }>(
      `insert into public.sms_messages (clinic_id, direction, to_number, from_number, body, provider, status)
       values ($1, 'inbound', $2, $3, 'hello', 'twilio', 'received') returning patient_id`,
      [other.id, other.phoneNumber, theirs],
    );
    expect((await reply(rows[0]!.patient_id, "hi")).status).toBe(404);
    expect((await rowsFor(phone)).map((row) => row.direction)).toEqual(["inbound"]);
    expect(await textsTo(phone)).toEqual([]);
  });
});
