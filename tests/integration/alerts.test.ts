import { randomBytes, randomInt } from "node:crypto";
import type { Client } from "pg";
import twilio from "twilio";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import type { AlertCounts } from "@/types/alerts";
import { closePool } from "@/lib/db/pool";

import {
  addSlots,
  addStaff,
  callTo,
  createClinic,
  localDate,
  type TestClinic,
} from "../helpers/clinic";
import { asActor, canJoin, errorOf, ownerClient } from "../helpers/db";
import { openStream, sessionCookie } from "../helpers/session";
import { AUTH_JWT_SECRET, TWILIO_AUTH_TOKEN } from "./global-setup";

// Alerts (issue 20) through the real server: what needs the front desk, counted in one RLS query
// for a clinic of this file's own (so nothing another file does moves a count), live on the
// clinic's alerts stream (the clinic's id and a kind only), and each staff member's own choice
// of sound and notifications, which nobody else can read or change.
let db: Client;
let clinic: TestClinic;
let other: TestClinic;
let receptionist: string;
let colleague: string;
let stranger: string;
let cookie: string;

const caller = () => `+1557${String(randomInt(1_000_000, 10_000_000))}`;

beforeAll(async () => {
  process.env.DATABASE_URL = inject("databaseUrl");
  process.env.AUTH_JWT_SECRET = AUTH_JWT_SECRET;
  db = await ownerClient();
  clinic = await createClinic(db, { name: "Alerts Test Clinic" });
  other = await createClinic(db, { name: "Alerts Other Clinic" });
  receptionist = await addStaff(db, [{ clinic, role: "receptionist" }]);
  colleague = await addStaff(db, [{ clinic, role: "admin" }]);
  stranger = await addStaff(db, [{ clinic: other, role: "admin" }]);
  cookie = await sessionCookie(receptionist);
  await addSlots(db, clinic, { day: 2, times: ["09:00", "10:00", "11:00", "14:00"] });
});
afterAll(async () => {
  await db.end();
  await closePool();
});

const get = (path: string, as: string | null = cookie) =>
  fetch(`${inject("appUrl")}${path}`, { headers: as ? { cookie: as } : {} });
const alerts = async (): Promise<AlertCounts> => {
  const response = await get(`/api/clinics/${clinic.id}/alerts`);
  expect(response.status).toBe(200);
  expect(response.headers.get("cache-control")).toContain("no-store");
  return response.json();
};

async function callId(vapiCallId: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    "select id from public.calls where vapi_call_id = $1",
    [vapiCallId],
  );
  return rows[0]!.id;
}

/** A call that holds one of the clinic's times; returns the call and the offered slot id. */
async function holdingCall() {
  const call = callTo(clinic, caller());
  await call.status("in-progress");
  await call.speech("user", "started", 1);
  const date = await localDate(db, clinic, 2);
  const slots = (await call.tool("check_availability", { procedure: clinic.procedure, date }))
    .result!.slots;
  const slotId = slots[0]!.slotId;
  await call.tool("hold_slot", { slotId });
  return { call, slotId };
}

describe("the alert counts", () => {
  it("start at nothing for a new clinic, and are for its members only", async () => {
    expect(await alerts()).toMatchObject({
      pendingBookings: 0,
      dueCallbacks: 0,
      urgentCallbacks: 0,
      transfers: [],
      holdsExpiring: 0,
      newestPendingBookingAt: null,
      newestUrgentCallbackAt: null,
      nextChangeAt: null,
    });
    expect((await get(`/api/clinics/${clinic.id}/alerts`, null)).status).toBe(401);
    const strangers = await get(`/api/clinics/${clinic.id}/alerts`, await sessionCookie(stranger));
    expect(strangers.status).toBe(403);
    expect((await strangers.json()).error).toMatch(/not a member/);
    expect((await get(`/api/clinics/not-a-clinic/alerts`)).status).toBe(403);
    expect((await get(`/api/clinics/${clinic.id}/alerts/stream`, null)).status).toBe(401);
  });

  it("count a hold, then the booking it becomes until staff confirm it, live on the stream", async () => {
    const stream = await openStream(`/api/clinics/${clinic.id}/alerts/stream`, cookie);
    expect(stream.status).toBe(200);
    await stream.waitFor((event) => event.event === "ready");

    const { call, slotId } = await holdingCall();
    const held = await stream.waitFor(
      (event) => event.event === "alerts_change" && JSON.parse(event.data).kind === "hold",
    );
    expect(JSON.parse(held.data)).toMatchObject({ clinicId: clinic.id, kind: "hold" });
    expect(held.data).not.toContain(call.callerNumber.slice(-7));

    // A fresh 90 s hold is not about to expire; the counts say when it will be.
    const { rows } = await db.query<{ held_until: Date }>(
      "select held_until from public.reservations where call_id = $1 and kind = 'hold'",
      [await callId(call.id)],
    );
    const heldUntil = rows[0]!.held_until.getTime();
    const holding = await alerts();
    expect(holding.holdsExpiring).toBe(0);
    expect(Date.parse(holding.nextChangeAt!)).toBe(heldUntil - 30_000);

    const booked = await call.tool("confirm_booking", {
      slotId,
      patientName: "Ada Alerts",
      procedure: clinic.procedure,
    });
    expect(booked.status).toBe(200);
    await stream.waitFor(
      (event) => event.event === "alerts_change" && JSON.parse(event.data).kind === "booking",
    );
    const pending = await alerts();
    expect(pending.pendingBookings).toBe(1);
    expect(pending.holdsExpiring).toBe(0);
    expect(pending.nextChangeAt).toBeNull();
    expect(pending.newestPendingBookingAt).not.toBeNull();

    // The receptionist confirms it, as the dashboard does: as themselves, through RLS.
    const seen = stream.events.length;
    await db.query("begin");
    try {
      await db.query(
        "select set_config('role', 'authenticated', true), set_config('request.jwt.claims', $1, true)",
        [JSON.stringify({ sub: receptionist, role: "authenticated" })],
      );
      const confirmed = await db.query(
        "update public.bookings set status = 'confirmed' where clinic_id = $1 and patient_name = 'Ada Alerts'",
        [clinic.id],
      );
      expect(confirmed.rowCount).toBe(1);
      await db.query("commit");
    } catch (error) {
      await db.query("rollback");
      throw error;
    }
    await stream.waitFor(
      (event) =>
        stream.events.indexOf(event) >= seen &&
        event.event === "alerts_change" &&
        JSON.parse(event.data).kind === "booking",
    );
    expect((await alerts()).pendingBookings).toBe(0);
    await call.end("customer-ended-call");
    stream.close();
  });

  it("count a hold in its last 30 seconds as about to expire, and say when it lapses", async () => {
    const { call } = await holdingCall();
    const id = await callId(call.id);
    // As if 70 of its 90 seconds had passed.
    const { rows } = await db.query<{ held_until: Date }>(
      "update public.reservations set held_until = now() + interval '20 seconds' where call_id = $1 and kind = 'hold' returning held_until",
      [id],
    );
    const expiring = await alerts();
    expect(expiring.holdsExpiring).toBe(1);
    expect(Date.parse(expiring.nextChangeAt!)).toBe(rows[0]!.held_until.getTime());

    // Lapsed: no longer counted, though the sweeper has not removed it yet.
    await db.query(
      "update public.reservations set held_until = now() - interval '1 second' where call_id = $1 and kind = 'hold'",
      [id],
    );
    const lapsed = await alerts();
    expect(lapsed.holdsExpiring).toBe(0);
    expect(lapsed.nextChangeAt).toBeNull();
    await call.end("customer-ended-call");
  });

  it("count open call-backs and the urgent ones, until marked done", async () => {
    const call = callTo(clinic, caller());
    await call.status("in-progress");
    await call.end("customer-ended-call");
    const id = await callId(call.id);
    // Calls cut off while holding a time (the tests above) leave call-backs of their own.
    const before = await alerts();
    await db.query(
      "insert into public.callback_tasks (clinic_id, call_id, reason, urgency) values ($1, $2, 'Bleeding after surgery', 'urgent')",
      [clinic.id, id],
    );
    const open = await alerts();
    expect(open).toMatchObject({
      dueCallbacks: before.dueCallbacks + 1,
      urgentCallbacks: before.urgentCallbacks + 1,
    });
    expect(open.newestUrgentCallbackAt).not.toBeNull();

    await db.query("update public.callback_tasks set done_at = now() where call_id = $1", [id]);
    expect(await alerts()).toMatchObject({
      dueCallbacks: before.dueCallbacks,
      urgentCallbacks: before.urgentCallbacks,
      newestUrgentCallbackAt: before.newestUrgentCallbackAt,
    });
  });

  it("list a transfer to the front desk while it rings, with the number masked, and drop it when it ends", async () => {
    const stream = await openStream(`/api/clinics/${clinic.id}/alerts/stream`, cookie);
    await stream.waitFor((event) => event.event === "ready");
    const number = caller();
    const call = callTo(clinic, number);
    await call.status("in-progress");
    await call.speech("user", "started", 1);
    await call.send("transfer-update", {
      destination: { type: "number", number: "+15557779900", description: "Front desk" },
    });
    await stream.waitFor(
      (event) => event.event === "alerts_change" && JSON.parse(event.data).kind === "transfer",
    );
    const id = await callId(call.id);
    const response = await get(`/api/clinics/${clinic.id}/alerts`);
    const text = await response.text();
    expect(text).not.toContain(number.slice(2));
    const ringing = JSON.parse(text) as AlertCounts;
    expect(ringing.transfers).toEqual([
      {
        callId: id,
        callerName: null,
        callerLast4: number.slice(-4),
        urgency: null,
        urgentSigns: [],
      },
    ]);

    // Put through to the clinician on call instead: nothing for the front desk to pick up.
    await db.query("update public.calls set transfer_target = 'on_call' where id = $1", [id]);
    expect((await alerts()).transfers).toEqual([]);
    await db.query("update public.calls set transfer_target = 'front_desk' where id = $1", [id]);
    expect((await alerts()).transfers).toHaveLength(1);

    const seen = stream.events.length;
    await call.end("assistant-forwarded-call");
    await stream.waitFor(
      (event) =>
        stream.events.indexOf(event) >= seen &&
        event.event === "alerts_change" &&
        JSON.parse(event.data).kind === "transfer",
    );
    expect((await alerts()).transfers).toEqual([]);
    stream.close();
  });

  it("announce a text received, so the sidebar's unread count reloads from the same stream", async () => {
    const stream = await openStream(`/api/clinics/${clinic.id}/alerts/stream`, cookie);
    await stream.waitFor((event) => event.event === "ready");
    const from = caller();
    // A text to the clinic's number, signed as Twilio signs it.
    const url = `${inject("appUrl")}/api/webhooks/twilio/inbound-sms`;
    const params = {
      AccountSid: `AC${"0".repeat(32)}`,
      MessageSid: `SM${randomBytes(16).toString("hex")}`,
      From: from,
      To: clinic.phoneNumber,
      Body: "Is there parking nearby?",
      NumMedia: "0",
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
    const event = await stream.waitFor(
      (e) => e.event === "alerts_change" && JSON.parse(e.data).kind === "text",
    );
    expect(JSON.parse(event.data)).toMatchObject({ clinicId: clinic.id, kind: "text" });
    expect(event.data).not.toContain(from.slice(2));
    expect(event.data).not.toContain("parking");
    stream.close();
  });

  it("reach only members on Supabase Realtime's topic", async () => {
    expect(await canJoin(db, receptionist, `clinic:${clinic.id}:alerts`)).toBe(true);
    expect(await canJoin(db, stranger, `clinic:${clinic.id}:alerts`)).toBe(false);
  });
});

describe("a staff member's alert preferences", () => {
  it("are off until chosen, and each person reads and changes only their own", async () => {
    await asActor(db, { role: "authenticated", sub: receptionist }, async () => {
      const none = await db.query("select * from public.staff_alert_preferences");
      expect(none.rows).toEqual([]);
      await db.query(
        "insert into public.staff_alert_preferences (clinic_id, user_id, sound, notifications) values ($1, $2, true, false)",
        [clinic.id, receptionist],
      );
      // Not for a colleague, and not in a clinic they do not belong to.
      expect(
        (
          await errorOf(
            db,
            "insert into public.staff_alert_preferences (clinic_id, user_id, sound) values ($1, $2, true)",
            [clinic.id, colleague],
          )
        )?.code,
      ).toBe("42501");
      expect(
        (
          await errorOf(
            db,
            "insert into public.staff_alert_preferences (clinic_id, user_id, sound) values ($1, $2, true)",
            [other.id, receptionist],
          )
        )?.code,
      ).toBe("42501");
      const mine = await db.query(
        "select sound, notifications from public.staff_alert_preferences",
      );
      expect(mine.rows).toEqual([{ sound: true, notifications: false }]);
    });

    // The colleague's own row, written as the service side; the receptionist cannot see or change it.
    await db.query(
      "insert into public.staff_alert_preferences (clinic_id, user_id, notifications) values ($1, $2, true) on conflict do nothing",
      [clinic.id, colleague],
    );
    await asActor(db, { role: "authenticated", sub: receptionist }, async () => {
      expect(
        (
          await db.query("select 1 from public.staff_alert_preferences where user_id = $1", [
            colleague,
          ])
        ).rowCount,
      ).toBe(0);
      const changed = await db.query(
        "update public.staff_alert_preferences set notifications = false where user_id = $1",
        [colleague],
      );
      expect(changed.rowCount).toBe(0);
      expect(
        (
          await errorOf(db, "delete from public.staff_alert_preferences where user_id = $1", [
            colleague,
          ])
        )?.code,
      ).toBe("42501");
    });
    const { rows } = await db.query(
      "select notifications from public.staff_alert_preferences where user_id = $1",
      [colleague],
    );
    expect(rows).toEqual([{ notifications: true }]);
  });

  it("go when the membership goes", async () => {
    const leaver = await addStaff(db, [{ clinic, role: "receptionist" }]);
    await db.query(
      "insert into public.staff_alert_preferences (clinic_id, user_id, sound) values ($1, $2, true)",
      [clinic.id, leaver],
    );
    await db.query("delete from public.clinic_members where clinic_id = $1 and user_id = $2", [
      clinic.id,
      leaver,
    ]);
    const { rowCount } = await db.query(
      "select 1 from public.staff_alert_preferences where user_id = $1",
      [leaver],
    );
    expect(rowCount).toBe(0);
  });
});
