import { randomBytes, randomInt } from "node:crypto";
import type { Client } from "pg";
import twilio from "twilio";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";

import type { Claims } from "@/lib/auth/claims";
import { closePool } from "@/lib/db/pool";
import {
  loadReminderEffect,
  loadReminderSettings,
  updateReminderSettings,
} from "@/lib/reminders/service";

import { addStaff, createClinic, type TestClinic } from "../helpers/clinic";
import { claimsFor, ownerClient } from "../helpers/db";
import { eventually, runWorker, textsTo, twilioMode } from "../helpers/follow-ups";
import { AUTH_JWT_SECRET, TWILIO_AUTH_TOKEN } from "./global-setup";

// Appointment texts through the real server, its worker and the Twilio double: confirmations
// with a calendar link, reminders (planned by the database, exactly once under concurrent
// workers, quiet hours, withdrawn on move and cancel, opt-outs), and replies 1 / YES / 2.
// Each test owns its clinic and numbers; "time passing" is a job's next_attempt_at set to now.
let db: Client;
let clinic: TestClinic;

const number = () => `+1558${String(randomInt(1_000_000, 10_000_000))}`;

beforeAll(async () => {
  process.env.DATABASE_URL = inject("databaseUrl");
  process.env.AUTH_JWT_SECRET = AUTH_JWT_SECRET;
  db = await ownerClient();
  clinic = await createClinic(db, { name: "Reminder Clinic" });
  // No quiet hours here, so the worker sends whatever the time of day; quiet hours have their own clinic.
  await db.query(
    "insert into public.reminder_settings (clinic_id, quiet_start, quiet_end) values ($1, null, null)",
    [clinic.id],
  );
});
afterAll(async () => {
  await db.end();
  await closePool();
});
afterEach(() => twilioMode("ok"));

interface Job {
  id: string;
  kind: string;
  status: string;
  attempts: number;
  next_attempt_at: Date;
  appointment_starts_at: Date;
  previous_starts_at: Date | null;
  skip_reason: string | null;
  texts: number;
}

/** An appointment `at` (SQL timestamptz expression) for `phone`, inserted as the diary would. */
async function book(
  phone: string,
  at = "now() + interval '3 days'",
  options: { status?: "pending" | "confirmed"; name?: string; on?: TestClinic } = {},
) {
  const on = options.on ?? clinic;
  const { rows } = await db.query<{ id: string; starts_at: Date }>(
    `insert into public.bookings (clinic_id, patient_name, patient_phone, practitioner_id, appointment_type_id,
                                  starts_at, ends_at, source, status)
     values ($1, $2, $3, $4, $5, date_trunc('minute', ${at}), date_trunc('minute', ${at}) + interval '30 minutes', 'staff', $6)
     returning id, starts_at`,
    [
      on.id,
      options.name ?? "Ana Reyes",
      phone,
      on.practitionerIds[0],
      on.typeId,
      options.status ?? "confirmed",
    ],
  );
  return rows[0]!;
}

async function jobsOf(bookingId: string): Promise<Job[]> {
  const { rows } = await db.query<Job>(
    `select t.id, t.kind, t.status, t.attempts, t.next_attempt_at, t.appointment_starts_at, t.previous_starts_at,
            t.skip_reason, (select count(*)::int from public.sms_messages m where m.appointment_text_id = t.id) as texts
       from public.appointment_texts t where t.booking_id = $1 order by t.created_at, t.kind`,
    [bookingId],
  );
  return rows;
}

/** Time passes: the booking's pending jobs of `kinds` are due now. */
async function dueNow(bookingId: string, kinds: string[]) {
  await db.query(
    "update public.appointment_texts set next_attempt_at = now() where booking_id = $1 and kind = any($2) and status = 'pending'",
    [bookingId, kinds],
  );
}

const textsFrom = async (to: string, from = clinic.phoneNumber) =>
  (await textsTo(to)).filter((text) => text.from === from);

/** A Twilio-signed inbound text to the clinic's number, with the MessageSid given (to replay it). */
async function reply(from: string, body: string, sid = `SM${randomBytes(16).toString("hex")}`) {
  const url = `${inject("appUrl")}/api/webhooks/twilio/inbound-sms`;
  const params = { From: from, To: clinic.phoneNumber, Body: body, MessageSid: sid };
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-twilio-signature": twilio.getExpectedTwilioSignature(TWILIO_AUTH_TOKEN, url, params),
    },
    body: new URLSearchParams(params).toString(),
  });
  expect(response.status).toBe(200);
  return sid;
}

describe("planning", () => {
  it("plans a confirmation now and reminders 24 h and 2 h before when an appointment is made", async () => {
    const booking = await book(number());
    const jobs = await jobsOf(booking.id);
    expect(jobs.map((job) => job.kind).sort()).toEqual([
      "confirmation",
      "reminder_24h",
      "reminder_2h",
    ]);
    const at = (kind: string) => jobs.find((job) => job.kind === kind)!.next_attempt_at.getTime();
    expect(at("reminder_24h")).toBe(booking.starts_at.getTime() - 24 * 3_600_000);
    expect(at("reminder_2h")).toBe(booking.starts_at.getTime() - 2 * 3_600_000);
    expect(Math.abs(at("confirmation") - Date.now())).toBeLessThan(60_000);
  });

  it("plans no reminder whose time has passed, and none for an appointment without a number", async () => {
    const soon = await book(number(), "now() + interval '3 hours'");
    expect((await jobsOf(soon.id)).map((job) => job.kind).sort()).toEqual([
      "confirmation",
      "reminder_2h",
    ]);
    const { rows } = await db.query<{ id: string }>(
      `insert into public.bookings (clinic_id, patient_name, practitioner_id, appointment_type_id, starts_at, ends_at, source, status)
       values ($1, 'No Number', $2, $3, now() + interval '3 days', now() + interval '3 days 30 minutes', 'staff', 'confirmed') returning id`,
      [clinic.id, clinic.practitionerIds[0], clinic.typeId],
    );
    expect(await jobsOf(rows[0]!.id)).toEqual([]);
  });

  it("re-plans pending reminders when the clinic turns one off", async () => {
    const other = await createClinic(db, { name: "Settings Clinic" });
    const booking = await book(number(), "now() + interval '3 days'", { on: other });
    await db.query(
      "insert into public.reminder_settings (clinic_id, remind_24h, remind_2h, quiet_start, quiet_end) values ($1, false, true, null, null)",
      [other.id],
    );
    const live = (await jobsOf(booking.id)).filter((job) => job.status !== "withdrawn");
    expect(live.map((job) => job.kind).sort()).toEqual(["confirmation", "reminder_2h"]);
  });
});

describe("settings", () => {
  it("lets admins change them (re-planning pending reminders) and refuses receptionists, who see them", async () => {
    const own = await createClinic(db, { name: "Admin Clinic" });
    const admin = claimsFor(await addStaff(db, [{ clinic: own, role: "admin" }])) as Claims;
    const desk = claimsFor(await addStaff(db, [{ clinic: own, role: "receptionist" }])) as Claims;
    expect((await loadReminderSettings(desk, own.id)).settings).toEqual({
      remind24h: true,
      remind2h: true,
      quietStart: "21:00",
      quietEnd: "08:00",
    });
    const booking = await book(number(), "now() + interval '3 days'", { on: own });
    await expect(
      updateReminderSettings(desk, own.id, {
        remind24h: false,
        remind2h: false,
        quietStart: null,
        quietEnd: null,
      }),
    ).rejects.toThrow("Only clinic admins can change reminders.");
    await updateReminderSettings(admin, own.id, {
      remind24h: true,
      remind2h: false,
      quietStart: "22:00",
      quietEnd: "07:00",
    });
    expect((await loadReminderSettings(desk, own.id)).settings).toEqual({
      remind24h: true,
      remind2h: false,
      quietStart: "22:00",
      quietEnd: "07:00",
    });
    const live = (await jobsOf(booking.id)).filter((job) => job.status !== "withdrawn");
    expect(live.map((job) => job.kind).sort()).toEqual(["confirmation", "reminder_24h"]);
    const { rows } = await db.query(
      "select actor_id from public.audit_log where table_name = 'reminder_settings' and clinic_id = $1",
      [own.id],
    );
    expect(rows.map((row) => row.actor_id)).toEqual([admin.sub]);
  });
});

describe("quiet hours", () => {
  it("moves a reminder due in quiet hours to their end, or to just before them when the end is too late", async () => {
    const quiet = await createClinic(db, { name: "Quiet Clinic", timezone: "Europe/London" });
    await db.query(
      "insert into public.reminder_settings (clinic_id, quiet_start, quiet_end) values ($1, '21:00', '08:00')",
      [quiet.id],
    );
    const local = (day: number, time: string) =>
      `(((now() at time zone 'Europe/London')::date + ${day}) + time '${time}') at time zone 'Europe/London'`;
    const nine = await book(number(), local(3, "09:00"), { on: quiet });
    const early = await book(number(), local(4, "08:15"), { on: quiet });
    const when = async (bookingId: string, kind: string) => {
      const job = (await jobsOf(bookingId)).find((row) => row.kind === kind)!;
      const { rows } = await db.query<{ local: string }>(
        "select to_char($1::timestamptz at time zone 'Europe/London', 'YYYY-MM-DD HH24:MI') as local",
        [job.next_attempt_at],
      );
      return rows[0]!.local;
    };
    const day = async (offset: number) =>
      (
        await db.query<{ d: string }>(
          `select to_char((now() at time zone 'Europe/London')::date + ${offset}, 'YYYY-MM-DD') as d`,
        )
      ).rows[0]!.d;
    // 09:00: the 2 h reminder (07:00) waits for 08:00; the 24 h one (09:00 the day before) is outside.
    expect(await when(nine.id, "reminder_2h")).toBe(`${await day(3)} 08:00`);
    expect(await when(nine.id, "reminder_24h")).toBe(`${await day(2)} 09:00`);
    // 08:15: 08:00 would leave 15 minutes, so the 2 h reminder goes the evening before, at 20:59.
    expect(await when(early.id, "reminder_2h")).toBe(`${await day(3)} 20:59`);
    expect(await when(early.id, "reminder_24h")).toBe(`${await day(3)} 08:15`);
  });

  it("sends no reminder while the clinic is in quiet hours, and sends it once they are over", async () => {
    const quiet = await createClinic(db, { name: "Night Clinic" });
    // Quiet hours around the clinic's current time.
    await db.query(
      `insert into public.reminder_settings (clinic_id, quiet_start, quiet_end)
       select $1, (now() at time zone $2)::time - interval '1 hour', (now() at time zone $2)::time + interval '1 hour'`,
      [quiet.id, quiet.timezone],
    );
    const phone = number();
    const booking = await book(phone, "now() + interval '3 days'", { on: quiet });
    await dueNow(booking.id, ["reminder_24h"]);
    await runWorker();
    await runWorker();
    const during = (await jobsOf(booking.id)).find((job) => job.kind === "reminder_24h")!;
    expect(during.status).toBe("pending");
    expect(
      (await textsFrom(phone, quiet.phoneNumber)).filter((t) => /reminder/.test(t.body)),
    ).toEqual([]);

    // Quiet hours end (changed without re-planning, as if the clock had moved on).
    await db.query("set session_replication_role = replica");
    try {
      await db.query(
        `update public.reminder_settings set quiet_start = (now() at time zone $2)::time + interval '2 hours',
                quiet_end = (now() at time zone $2)::time + interval '3 hours' where clinic_id = $1`,
        [quiet.id, quiet.timezone],
      );
    } finally {
      await db.query("set session_replication_role = origin");
    }
    const after = await eventually(
      () => jobsOf(booking.id),
      (jobs) => jobs.find((job) => job.kind === "reminder_24h")!.status === "sent",
    );
    expect(after.find((job) => job.kind === "reminder_24h")).toMatchObject({
      status: "sent",
      texts: 1,
    });
    expect(
      (await textsFrom(phone, quiet.phoneNumber)).filter((t) => /A reminder of/.test(t.body)),
    ).toHaveLength(1);
  });
});

describe("sending", () => {
  it("texts the confirmation once, with a calendar link that serves the appointment's .ics and no patient data in the URL", async () => {
    const phone = number();
    const booking = await book(phone, "now() + interval '3 days'", { name: "Ana Reyes" });
    const [text] = await eventually(
      () => textsFrom(phone),
      (found) => found.length > 0,
    );
    expect(text!.body).toMatch(
      /^Hi Ana, it's Sarah from Reminder Clinic\. Your appointment \(Skin consultation\) is confirmed for \w+day, \w+ \d+ at \d+:\d\d [AP]M with Dr Test 1\. Add it to your calendar: http:\/\/127\.0\.0\.1:\d+\/m\/[A-Za-z0-9_-]{22}\/calendar\.ics Reply 2 to change or cancel\. Reply STOP to opt out\.$/,
    );
    const link = text!.body.match(/(http\S+\/calendar\.ics)/)![1]!;
    expect(link).not.toContain(phone.slice(1));
    const response = await fetch(link);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/calendar/);
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    const ics = await response.text();
    expect(ics).toContain("BEGIN:VEVENT");
    expect(ics).toContain(`UID:${booking.id}@callwaiting.ai`);
    const utc = booking.starts_at
      .toISOString()
      .replace(/[-:]/g, "")
      .replace(/\.\d{3}/, "");
    expect(ics).toContain(`DTSTART:${utc}`);
    expect(ics).toContain("Skin consultation at Reminder Clinic");
    expect(ics).not.toContain("Ana");

    // A tampered token opens nothing.
    const tampered = link.replace(/\/m\/(.)/, (_, c: string) => `/m/${c === "A" ? "B" : "A"}`);
    expect((await fetch(tampered)).status).toBe(404);
    // Cancelled: the file is gone.
    await db.query(
      "update public.bookings set status = 'cancelled', cancel_reason = 'Patient asked' where id = $1",
      [booking.id],
    );
    expect((await fetch(link)).status).toBe(410);

    await Promise.all([runWorker(), runWorker()]);
    expect(await textsFrom(phone)).toHaveLength(1);
    const confirmation = (await jobsOf(booking.id)).find((job) => job.kind === "confirmation")!;
    expect(confirmation).toMatchObject({ status: "sent", texts: 1 });
  });

  it("sends each due reminder exactly once with several workers racing for them", async () => {
    const phones = Array.from({ length: 30 }, number);
    const bookings = await Promise.all(phones.map((phone) => book(phone)));
    for (const booking of bookings) await dueNow(booking.id, ["reminder_24h"]);
    await Promise.all([runWorker(), runWorker(), runWorker(), runWorker()]);
    const jobs = await eventually(
      () => Promise.all(bookings.map((booking) => jobsOf(booking.id))),
      (all) =>
        all.every((rows) => rows.find((job) => job.kind === "reminder_24h")!.status === "sent"),
    );
    await Promise.all([runWorker(), runWorker()]);
    for (const [i, phone] of phones.entries()) {
      const reminders = (await textsFrom(phone)).filter((t) => /A reminder of/.test(t.body));
      expect(reminders, `reminders to booking ${i}`).toHaveLength(1);
      expect(reminders[0]!.body).toMatch(
        /^Hi Ana, it's Sarah from Reminder Clinic\. A reminder of your appointment \(Skin consultation\) on \w+day, .+ with Dr Test 1\. Reply 1 to confirm or 2 to change or cancel\. Reply STOP to opt out\.$/,
      );
      expect(jobs[i]!.find((job) => job.kind === "reminder_24h")).toMatchObject({
        status: "sent",
        attempts: 1,
        texts: 1,
      });
      // The 2 h reminder is still to come.
      expect(jobs[i]!.find((job) => job.kind === "reminder_2h")!.status).toBe("pending");
    }
  });

  it("asks Twilio before a retry: a text accepted but never answered is recorded, not sent again", async () => {
    const phone = number();
    const booking = await book(phone);
    await eventually(
      () => jobsOf(booking.id),
      (jobs) => jobs.find((job) => job.kind === "confirmation")!.status === "sent",
    );
    await twilioMode("accept-timeout");
    await dueNow(booking.id, ["reminder_24h"]);
    await eventually(
      () => jobsOf(booking.id),
      (jobs) => jobs.find((job) => job.kind === "reminder_24h")!.attempts >= 1,
    );
    await eventually(
      () => jobsOf(booking.id),
      (jobs) => jobs.find((job) => job.kind === "reminder_24h")!.status === "pending",
    );
    await twilioMode("ok");
    await dueNow(booking.id, ["reminder_24h"]);
    const jobs = await eventually(
      () => jobsOf(booking.id),
      (rows) => rows.find((job) => job.kind === "reminder_24h")!.status === "sent",
    );
    expect(jobs.find((job) => job.kind === "reminder_24h")).toMatchObject({
      status: "sent",
      attempts: 2,
      texts: 1,
    });
    expect((await textsFrom(phone)).filter((t) => /A reminder of/.test(t.body))).toHaveLength(1);
  });

  it("retries a Twilio 5xx and, past the deadline, fails visibly", async () => {
    const phone = number();
    const booking = await book(phone);
    await twilioMode("fail500");
    await eventually(
      () => jobsOf(booking.id),
      (jobs) => jobs.find((job) => job.kind === "confirmation")!.attempts >= 1,
    );
    const [retrying] = (await jobsOf(booking.id)).filter((job) => job.kind === "confirmation");
    expect(retrying).toMatchObject({ status: "pending" });
    // The deadline passes while Twilio is still failing.
    await db.query(
      "update public.appointment_texts set due_by = now() + interval '1 second', next_attempt_at = now() where id = $1",
      [retrying!.id],
    );
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const failed = await eventually(
      () => jobsOf(booking.id),
      (jobs) => jobs.find((job) => job.kind === "confirmation")!.status === "failed",
    );
    const row = await db.query("select last_error from public.appointment_texts where id = $1", [
      failed.find((job) => job.kind === "confirmation")!.id,
    ]);
    expect(row.rows[0].last_error).toMatch(/deadline|Twilio 500/);
    expect(await textsFrom(phone)).toEqual([]);
  });
});

describe("moves and cancellations", () => {
  it("withdraws the old time's reminders when an appointment moves, and plans and texts the new time", async () => {
    const phone = number();
    const booking = await book(phone, "now() + interval '3 days'");
    await eventually(
      () => jobsOf(booking.id),
      (jobs) => jobs.find((job) => job.kind === "confirmation")!.status === "sent",
    );
    await db.query(
      "update public.bookings set starts_at = starts_at + interval '1 day', ends_at = ends_at + interval '1 day' where id = $1",
      [booking.id],
    );
    const jobs = await jobsOf(booking.id);
    const old = jobs.filter(
      (job) => job.appointment_starts_at.getTime() === booking.starts_at.getTime(),
    );
    expect(old.filter((job) => job.kind !== "confirmation").map((job) => job.status)).toEqual([
      "withdrawn",
      "withdrawn",
    ]);
    expect(old.find((job) => job.kind === "reminder_24h")!.skip_reason).toBe(
      "The appointment was moved.",
    );
    const moved = jobs.filter(
      (job) => job.appointment_starts_at.getTime() !== booking.starts_at.getTime(),
    );
    expect(moved.map((job) => job.kind).sort()).toEqual([
      "confirmation",
      "reminder_24h",
      "reminder_2h",
    ]);
    expect(moved.find((job) => job.kind === "confirmation")!.previous_starts_at).toEqual(
      booking.starts_at,
    );
    const texts = await eventually(
      () => textsFrom(phone),
      (found) => found.length >= 2,
    );
    expect(texts[1]!.body).toMatch(/has moved from \w+day, .+ to \w+day, .+ with Dr Test 1\./);

    // Time passes: only the new time's reminder goes.
    await db.query(
      "update public.appointment_texts set next_attempt_at = now() where booking_id = $1 and kind = 'reminder_24h'",
      [booking.id],
    );
    await Promise.all([runWorker(), runWorker()]);
    await eventually(
      () => jobsOf(booking.id),
      (rows) => rows.some((job) => job.kind === "reminder_24h" && job.status === "sent"),
    );
    expect((await textsFrom(phone)).filter((t) => /A reminder of/.test(t.body))).toHaveLength(1);
  });

  it("withdraws everything pending when an appointment is cancelled: no reminder goes", async () => {
    const phone = number();
    const booking = await book(phone, "now() + interval '3 days'", { status: "pending" });
    await eventually(
      () => jobsOf(booking.id),
      (jobs) => jobs.find((job) => job.kind === "confirmation")!.status === "sent",
    );
    await db.query(
      "update public.bookings set status = 'cancelled', cancel_reason = 'Patient asked' where id = $1",
      [booking.id],
    );
    const jobs = await jobsOf(booking.id);
    expect(jobs.filter((job) => job.kind !== "confirmation").map((job) => job.status)).toEqual([
      "withdrawn",
      "withdrawn",
    ]);
    await dueNow(booking.id, ["reminder_24h", "reminder_2h"]);
    await runWorker();
    expect(await textsFrom(phone)).toHaveLength(1);
  });
});

describe("opt-outs and consent", () => {
  it("never texts a number that opted out, nor a patient without consent", async () => {
    const optedOut = number();
    await db.query(
      "insert into public.sms_opt_outs (clinic_id, phone_number, source) values ($1, $2, 'keyword')",
      [clinic.id, optedOut],
    );
    const a = await book(optedOut);
    const noConsent = number();
    await db.query(
      "insert into public.patients (clinic_id, phone, full_name, sms_consent) values ($1, $2, 'Ana Reyes', false)",
      [clinic.id, noConsent],
    );
    const b = await book(noConsent);
    await dueNow(a.id, ["reminder_24h"]);
    await dueNow(b.id, ["reminder_24h"]);
    const [jobsA, jobsB] = await eventually(
      () => Promise.all([jobsOf(a.id), jobsOf(b.id)]),
      ([x, y]) =>
        x.filter((job) => job.kind !== "reminder_2h").every((job) => job.status === "skipped") &&
        y.filter((job) => job.kind !== "reminder_2h").every((job) => job.status === "skipped"),
    );
    expect(jobsA.find((job) => job.kind === "reminder_24h")!.skip_reason).toMatch(/opted out/);
    expect(jobsB.find((job) => job.kind === "reminder_24h")!.skip_reason).toMatch(/not agreed/);
    expect(await textsFrom(optedOut)).toEqual([]);
    expect(await textsFrom(noConsent)).toEqual([]);
  });

  it("stops reminding a patient who replied STOP after their confirmation", async () => {
    const phone = number();
    const booking = await book(phone);
    await eventually(
      () => textsFrom(phone),
      (found) => found.length > 0,
    );
    await reply(phone, "STOP");
    await dueNow(booking.id, ["reminder_24h"]);
    await eventually(
      () => jobsOf(booking.id),
      (jobs) => jobs.find((job) => job.kind === "reminder_24h")!.status === "skipped",
    );
    expect(await textsFrom(phone)).toHaveLength(1);
  });
});

describe("replies", () => {
  const status = async (bookingId: string) =>
    (await db.query("select status from public.bookings where id = $1", [bookingId])).rows[0]
      .status as string;

  /** A pending appointment whose reminder has gone out. */
  async function reminded(phone: string) {
    const booking = await book(phone, "now() + interval '3 days'", { status: "pending" });
    await dueNow(booking.id, ["reminder_24h"]);
    await eventually(
      () => jobsOf(booking.id),
      (jobs) =>
        jobs.filter((job) => job.kind !== "reminder_2h").every((job) => job.status === "sent"),
    );
    await eventually(
      () => textsFrom(phone),
      (found) => found.some((t) => /A reminder of/.test(t.body)),
    );
    return booking;
  }

  it('"1" confirms the appointment the reminder was about, once: a replayed text changes nothing', async () => {
    const phone = number();
    const booking = await reminded(phone);
    expect(await status(booking.id)).toBe("pending");
    const sid = await reply(phone, " 1 ");
    expect(await status(booking.id)).toBe("confirmed");
    const answer = await eventually(
      () => textsFrom(phone),
      (found) => found.some((t) => /is confirmed\. Reply 2/.test(t.body)),
    );
    expect(answer.at(-1)!.body).toMatch(
      /^Hi Ana, thank you: your appointment at Reminder Clinic on \w+day, .+ is confirmed\. Reply 2 to change or cancel\. Reply STOP to opt out\.$/,
    );
    const before = (await textsFrom(phone)).length;
    await reply(phone, "1", sid);
    await Promise.all([runWorker(), runWorker()]);
    expect(await textsFrom(phone)).toHaveLength(before);
    expect((await jobsOf(booking.id)).filter((job) => job.kind === "reply_confirmed")).toHaveLength(
      1,
    );
  });

  it("YES confirms too", async () => {
    const phone = number();
    const booking = await reminded(phone);
    await reply(phone, "Yes");
    expect(await status(booking.id)).toBe("confirmed");
  });

  it('"2" texts a manage link to that appointment', async () => {
    const phone = number();
    const booking = await reminded(phone);
    await reply(phone, "2");
    const texts = await eventually(
      () => textsFrom(phone),
      (found) => found.some((t) => /\/m\//.test(t.body) && !/calendar/.test(t.body)),
    );
    const text = texts.find((t) => /\/m\//.test(t.body) && !/calendar/.test(t.body))!;
    expect(text.body).toMatch(
      /^Hi Ana, to change or cancel your appointment at Reminder Clinic on .+, open http:\/\/127\.0\.0\.1:\d+\/m\/[A-Za-z0-9_-]{22} Reply STOP to opt out\.$/,
    );
    expect(await status(booking.id)).toBe("pending");
    const { rows } = await db.query(
      "select count(*)::int as n from public.appointment_links where booking_id = $1 and purpose = 'manage'",
      [booking.id],
    );
    expect(rows[0].n).toBe(1);
  });

  it("never treats CANCEL (or any opt-out word) as a command, and leaves other texts for the inbox", async () => {
    const phone = number();
    const booking = await reminded(phone);
    const before = (await textsFrom(phone)).length;
    await reply(phone, "Can I come at 3 instead?");
    await reply(phone, "1 maybe");
    expect(await status(booking.id)).toBe("pending");
    await reply(phone, "CANCEL");
    expect(await status(booking.id)).toBe("pending");
    const { rows } = await db.query(
      "select 1 from public.sms_opt_outs where clinic_id = $1 and phone_number = $2",
      [clinic.id, phone],
    );
    expect(rows).toHaveLength(1);
    await runWorker();
    expect(await textsFrom(phone)).toHaveLength(before);
    expect((await jobsOf(booking.id)).filter((job) => job.kind.startsWith("reply_"))).toEqual([]);
  });

  it("does nothing for a reply from a number with no appointment texted", async () => {
    const stranger = number();
    await reply(stranger, "1");
    await reply(stranger, "2");
    await runWorker();
    expect(await textsFrom(stranger)).toEqual([]);
  });
});

describe("insights", () => {
  it("compares the no-show rate of reminded and unreminded appointments with a known outcome", async () => {
    const own = await createClinic(db, { name: "Insights Clinic" });
    const admin = claimsFor(await addStaff(db, [{ clinic: own, role: "admin" }])) as Claims;
    const outcomes: { reminded: boolean; status: "arrived" | "no_show" | "confirmed" }[] = [
      { reminded: true, status: "arrived" },
      { reminded: true, status: "no_show" },
      { reminded: true, status: "arrived" },
      { reminded: false, status: "no_show" },
      { reminded: false, status: "no_show" },
      { reminded: false, status: "arrived" },
      // Outcome unknown: not counted.
      { reminded: true, status: "confirmed" },
    ];
    for (const outcome of outcomes) {
      const booking = await book(number(), "now() - interval '1 day'", { on: own });
      if (outcome.reminded)
        await db.query(
          `insert into public.appointment_texts (clinic_id, booking_id, kind, appointment_starts_at, status, to_number, due_by, sent_at)
           select clinic_id, id, 'reminder_24h', starts_at, 'sent', patient_phone, starts_at, starts_at - interval '1 day'
             from public.bookings where id = $1`,
          [booking.id],
        );
      if (outcome.status !== "confirmed")
        await db.query("update public.bookings set status = $2 where id = $1", [
          booking.id,
          outcome.status,
        ]);
    }
    const { rows } = await db.query<{ from: string; to: string }>(
      `select to_char((now() at time zone $1)::date - 3, 'YYYY-MM-DD') as from,
              to_char((now() at time zone $1)::date, 'YYYY-MM-DD') as to`,
      [own.timezone],
    );
    expect(await loadReminderEffect(admin, own.id, rows[0]!)).toEqual({
      reminded: { appointments: 3, noShows: 1 },
      notReminded: { appointments: 3, noShows: 2 },
    });
  });
});
