import { randomBytes, randomInt, randomUUID } from "node:crypto";
import type { Client } from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import type { Claims } from "@/lib/auth/claims";
import { changeBookingStatus } from "@/lib/bookings/service";
import { closePool } from "@/lib/db/pool";

import { addStaff, createClinic, type TestClinic } from "../helpers/clinic";
import { claimsFor, ownerClient } from "../helpers/db";
import { eventually, runWorker, textsTo, twilioMode } from "../helpers/follow-ups";
import { sessionCookie } from "../helpers/session";
import { AUTH_JWT_SECRET } from "./global-setup";

// Issue 20, "Staff can act" and "Patient-facing pages", through the real server: who sees a
// patient's full number (decided by public.staff_phone, per role), the access log for pages and
// call history exports, the text a staff cancellation sends (once, opt-outs by keyed hash
// honoured, failures visible), and the patient's aftercare and appointment pages in the clinic's
// name. A clinic of this file's own, its own numbers.
let db: Client;
let clinic: TestClinic;
let other: TestClinic;
let adminId: string;
let receptionistId: string;
let outsiderId: string;
let admin: string;
let receptionist: string;
let outsider: string;

const number = () => `+1557${String(randomInt(1_000_000, 10_000_000))}`;
const claims = (sub: string): Claims => ({ ...claimsFor(sub), role: "authenticated" });
const appUrl = () => inject("appUrl");

beforeAll(async () => {
  process.env.DATABASE_URL = inject("databaseUrl");
  process.env.AUTH_JWT_SECRET = AUTH_JWT_SECRET;
  db = await ownerClient();
  clinic = await createClinic(db, { name: "Act Clinic" });
  other = await createClinic(db, { name: "Act Other Clinic" });
  // No quiet hours: the cancellation text is not held back by them anyway, but reminders are.
  await db.query(
    "insert into public.reminder_settings (clinic_id, quiet_start, quiet_end) values ($1, null, null)",
    [clinic.id],
  );
  await db.query("update public.clinics set front_desk_number = $2 where id = $1", [
    clinic.id,
    "+15550107788",
  ]);
  adminId = await addStaff(db, [{ clinic, role: "admin" }]);
  receptionistId = await addStaff(db, [{ clinic, role: "receptionist" }]);
  outsiderId = await addStaff(db, [{ clinic: other, role: "admin" }]);
  admin = await sessionCookie(adminId, "act-admin@test-clinic.test");
  receptionist = await sessionCookie(receptionistId, "act-reception@test-clinic.test");
  outsider = await sessionCookie(outsiderId, "act-outsider@test-clinic.test");
});
afterAll(async () => {
  await db.end();
  await closePool();
});

const page = async (path: string, cookie: string) => {
  const response = await fetch(`${appUrl()}${path}`, { headers: { cookie }, redirect: "manual" });
  // React's text separators out, so a sentence reads as the browser shows it.
  return { status: response.status, html: (await response.text()).replaceAll("<!-- -->", "") };
};

/** A call from `phone` that ended with a call-back owed, and its patient. */
async function callWithCallback(phone: string) {
  const { rows } = await db.query<{ id: string }>(
    `insert into public.calls (clinic_id, vapi_call_id, caller_number, caller_name, state, started_at, ended_at)
     values ($1, $2, $3, 'Grace Hopper', 'ended', now() - interval '5 minutes', now()) returning id`,
    [clinic.id, `act-${randomUUID()}`, phone],
  );
  const callId = rows[0]!.id;
  await db.query(
    "insert into public.callback_tasks (clinic_id, call_id, reason) values ($1, $2, 'Cut off while booking')",
    [clinic.id, callId],
  );
  const patient = await db.query<{ id: string }>(
    "select id from public.patients where clinic_id = $1 and phone = $2",
    [clinic.id, phone],
  );
  return { callId, patientId: patient.rows[0]?.id ?? null };
}

/** An appointment three days ahead for `phone`, as the diary inserts it. */
async function book(phone: string, name = "Ada Lovelace") {
  const { rows } = await db.query<{ id: string; patient_id: string }>(
    `insert into public.bookings (clinic_id, patient_name, patient_phone, practitioner_id, appointment_type_id,
                                  starts_at, ends_at, source, status)
     values ($1, $2, $3, $4, $5, date_trunc('minute', now() + interval '3 days'),
             date_trunc('minute', now() + interval '3 days') + interval '30 minutes', 'staff', 'confirmed')
     returning id, patient_id`,
    [clinic.id, name, phone, clinic.practitionerIds[0], clinic.typeId],
  );
  return rows[0]!;
}

const accessRows = async (actorId: string, subject: string) =>
  (
    await db.query<{ subject_id: string }>(
      "select subject_id from public.access_log where clinic_id = $1 and actor_id = $2 and subject = $3",
      [clinic.id, actorId, subject],
    )
  ).rows;

describe("full numbers, per role, decided in the database", () => {
  it("gives admins and receptionists the number to call and text; nobody else", async () => {
    const phone = number();
    await db.query("begin");
    try {
      const full = async (userId: string | null) => {
        await db.query("set local role authenticated");
        await db.query("select set_config('request.jwt.claims', $1, true)", [
          JSON.stringify(userId ? { sub: userId, role: "authenticated" } : {}),
        ]);
        const { rows } = await db.query<{ phone: string | null; sees: boolean }>(
          "select public.staff_phone($1, $2) as phone, public.sees_full_numbers($1) as sees",
          [clinic.id, phone],
        );
        await db.query("reset role");
        return rows[0]!;
      };
      expect(await full(adminId)).toEqual({ phone, sees: true });
      expect(await full(receptionistId)).toEqual({ phone, sees: true });
      // A member of another clinic, and a session that is no one's: the last four digits only.
      expect(await full(outsiderId)).toEqual({ phone: null, sees: false });
      expect(await full(null)).toEqual({ phone: null, sees: false });
    } finally {
      await db.query("rollback");
    }
    // anon may not ask at all.
    await db.query("begin");
    try {
      await db.query("set local role anon");
      await expect(
        db.query("select public.staff_phone($1, $2)", [clinic.id, phone]),
      ).rejects.toThrow(/permission denied/);
    } finally {
      await db.query("rollback");
    }
  });

  it("shows call-to and text links on call-backs, bookings, the call and the patient's page", async () => {
    const phone = number();
    const { callId, patientId } = await callWithCallback(phone);
    const booking = await book(phone);
    expect(patientId).toBe(booking.patient_id);
    const tel = `href="tel:${phone}"`;
    const text = `href="/messages?patient=${booking.patient_id}"`;

    for (const cookie of [receptionist, admin]) {
      const bookings = await page("/bookings", cookie);
      expect(bookings.status).toBe(200);
      expect(bookings.html).toContain(tel);
      expect(bookings.html).toContain(text);
      const call = await page(`/calls/${callId}`, cookie);
      expect(call.html).toContain(tel);
      expect(call.html).toContain(text);
      const patient = await page(`/patients/${booking.patient_id}`, cookie);
      expect(patient.html).toContain(tel);
      expect(patient.html).toContain(text);
    }
    // Another clinic's admin finds neither the call nor the patient, nor the number anywhere.
    const foreign = await page(`/calls/${callId}`, outsider);
    expect(foreign.html).not.toContain(phone);
    expect(foreign.html).not.toContain("Grace Hopper");
    expect((await page(`/patients/${booking.patient_id}`, outsider)).html).not.toContain(phone);
  });

  it("records opening the call and the patient's page, not each list render", async () => {
    const phone = number();
    const { callId } = await callWithCallback(phone);
    const booking = await book(phone);
    const cookie = await sessionCookie(receptionistId, "act-reception@test-clinic.test");
    const before = {
      call: (await accessRows(receptionistId, "call")).length,
      patient: (await accessRows(receptionistId, "patient")).length,
    };
    await page("/bookings", cookie);
    expect((await accessRows(receptionistId, "call")).length).toBe(before.call);
    expect((await accessRows(receptionistId, "patient")).length).toBe(before.patient);
    await page(`/calls/${callId}`, cookie);
    await page(`/patients/${booking.patient_id}`, cookie);
    expect((await accessRows(receptionistId, "call")).map((row) => row.subject_id)).toContain(
      callId,
    );
    expect((await accessRows(receptionistId, "patient")).map((row) => row.subject_id)).toContain(
      booking.patient_id,
    );
  });
});

describe("the call history export", () => {
  it("is recorded in the access log every time, for admins only", async () => {
    const path = `/api/clinics/${clinic.id}/calls/export`;
    const before = (await accessRows(adminId, "calls_export")).length;
    for (let i = 0; i < 2; i++) {
      const response = await fetch(`${appUrl()}${path}`, { headers: { cookie: admin } });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/text\/csv/);
      await response.text();
    }
    const rows = await accessRows(adminId, "calls_export");
    expect(rows).toHaveLength(before + 2);
    expect(rows.every((row) => row.subject_id === clinic.id)).toBe(true);

    const refused = await fetch(`${appUrl()}${path}`, { headers: { cookie: receptionist } });
    expect(refused.status).toBe(403);
    expect(await accessRows(receptionistId, "calls_export")).toEqual([]);

    // The admins' Privacy page lists it in words.
    const privacy = await page("/admin/privacy", admin);
    expect(privacy.html).toContain("Downloaded the call history (CSV)");
  });
});

describe("cancelling an appointment", () => {
  const cancellationJobs = (bookingId: string) =>
    db
      .query<{ status: string; skip_reason: string | null; last_error: string | null }>(
        "select status, skip_reason, last_error from public.appointment_texts where booking_id = $1 and kind = 'cancellation'",
        [bookingId],
      )
      .then((result) => result.rows);
  const cancelledTexts = async (phone: string) =>
    (await textsTo(phone)).filter((sms) => /cancel your/.test(sms.body));

  it("texts the patient once, keeps the reason, and shows both on Bookings", async () => {
    const phone = number();
    const booking = await book(phone, "Hedy Lamarr");
    const result = await changeBookingStatus(claims(receptionistId), booking.id, {
      status: "cancelled",
      reason: "Dr Test 1 is unwell",
    });
    expect(result).toEqual({ ok: true });
    // Workers racing for it send it once.
    await Promise.all([runWorker(), runWorker(), runWorker()]);

    const jobs = await eventually(
      () => cancellationJobs(booking.id),
      (rows) => rows[0]?.status === "sent",
    );
    expect(jobs).toEqual([{ status: "sent", skip_reason: null, last_error: null }]);
    const texts = await cancelledTexts(phone);
    expect(texts).toHaveLength(1);
    expect(texts[0]!.body).toMatch(
      /^Hi Hedy, it's Sarah from Act Clinic\. We're sorry, we have had to cancel your .+ on \w+day, \w+ \d+ at \d+:\d\d [AP]M with Dr Test 1\. To book another time, call us on \(\d{3}\) \d{3}-\d{4} or reply to this text\. Reply STOP to opt out\.$/,
    );
    // The reason stays with the clinic: on the booking, never in the text.
    expect(texts[0]!.body).not.toContain("unwell");

    const bookings = await page("/bookings?status=cancelled", receptionist);
    const row = bookings.html.slice(bookings.html.indexOf("Hedy Lamarr"));
    expect(row).toContain("Reason: Dr Test 1 is unwell");
    expect(row).toContain("The patient was told by text.");
  });

  it("never texts a number that opted out, even one kept only as its keyed hash", async () => {
    const phone = number();
    const booking = await book(phone, "Mary Somerville");
    // As an erasure leaves it: no number, only the clinic-keyed hash.
    await db.query(
      `insert into public.sms_opt_outs (clinic_id, phone_number, phone_hash, source)
       values ($1, null, private.subject_hash($1, $2), 'keyword')`,
      [clinic.id, phone],
    );
    await changeBookingStatus(claims(receptionistId), booking.id, {
      status: "cancelled",
      reason: "Clinic closed that day",
    });
    const jobs = await eventually(
      () => cancellationJobs(booking.id),
      (rows) => rows[0]?.status === "skipped",
    );
    expect(jobs).toEqual([
      { status: "skipped", skip_reason: "The patient has opted out of texts.", last_error: null },
    ]);
    expect(await textsTo(phone)).toEqual([]);
    const bookings = await page("/bookings?status=cancelled", receptionist);
    expect(bookings.html.slice(bookings.html.indexOf("Mary Somerville"))).toContain(
      "The patient was not texted: The patient has opted out of texts.",
    );
  });

  it("shows a text that could not be sent as failed, with why", async () => {
    const phone = number();
    const booking = await book(phone, "Emmy Noether");
    // Twilio keeps failing until the text's deadline has passed: then it is failed, with why.
    await twilioMode("fail500");
    try {
      await changeBookingStatus(claims(adminId), booking.id, {
        status: "cancelled",
        reason: "Patient moved away",
      });
      await eventually(
        () => cancellationJobs(booking.id),
        (rows) => rows[0]?.status === "pending" && rows[0]?.last_error !== null,
      );
      await db.query(
        `update public.appointment_texts set due_by = now() - interval '1 second', next_attempt_at = now()
          where booking_id = $1 and kind = 'cancellation'`,
        [booking.id],
      );
      const jobs = await eventually(
        () => cancellationJobs(booking.id),
        (rows) => rows[0]?.status === "failed",
      );
      expect(jobs[0]).toMatchObject({
        status: "failed",
        last_error: "Not sent before its deadline.",
      });
    } finally {
      await twilioMode("ok");
    }
    expect(await textsTo(phone)).toEqual([]);
    const bookings = await page("/bookings?status=cancelled", admin);
    const row = bookings.html.slice(bookings.html.indexOf("Emmy Noether"));
    expect(row).toContain("The text to the patient failed:");
    expect(row).toContain('data-status="failed"');
  });

  it("does not text when the database cancels without a member of staff (the patient did)", async () => {
    const phone = number();
    const booking = await book(phone);
    await db.query(
      "update public.bookings set status = 'cancelled', cancel_reason = 'Cancelled by the patient' where id = $1",
      [booking.id],
    );
    expect(await cancellationJobs(booking.id)).toEqual([]);
  });
});

describe("the patient's pages, in the clinic's name", () => {
  async function aftercareLink(options: { body: unknown; expired?: boolean }) {
    const token = randomBytes(16).toString("base64url");
    const hash = (await import("node:crypto")).createHash("sha256").update(token).digest("hex");
    const file = `${randomUUID()}.pdf`;
    await db.query(
      `with doc as (
         insert into public.aftercare_documents (clinic_id, title, storage_path, file_name, size_bytes, sha256, body)
         values ($1::uuid, 'Brow Lift Aftercare', $1::text || '/aftercare/' || $2, $2, 10, repeat('a', 64), $3) returning id)
       insert into public.aftercare_links (clinic_id, token_hash, aftercare_document_id, expires_at)
       select $1::uuid, $4, id, now() + case when $5 then interval '-1 minute' else interval '7 days' end from doc`,
      [
        clinic.id,
        file,
        options.body === null ? null : JSON.stringify(options.body),
        hash,
        options.expired ?? false,
      ],
    );
    return { token, hash };
  }

  it("shows the aftercare guide as a page with the clinic's name, number and the PDF", async () => {
    const { token, hash } = await aftercareLink({
      body: {
        subtitle: "Caring for yourself after your brow lift",
        intro: "Thank you for choosing {clinicName}.",
        sections: [
          {
            heading: "When to call us",
            intro: "Call us on {clinicPhone} if you notice:",
            bullets: ["Swelling on one side that is increasing."],
          },
        ],
      },
    });
    const response = await fetch(`${appUrl()}/a/${token}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    const html = await response.text();
    expect(html).toContain("Act Clinic");
    expect(html).toContain('href="tel:+15550107788"');
    expect(html).toContain("Brow Lift Aftercare");
    expect(html).toContain("Thank you for choosing Act Clinic.");
    expect(html).toContain("Call us on +15550107788 if you notice:");
    expect(html).toContain("Swelling on one side that is increasing.");
    expect(html).toContain(`href="/a/${token}/pdf"`);
    expect(html).toContain('name="viewport"');
    const opened = await db.query<{ open_count: number }>(
      "select open_count from public.aftercare_links where token_hash = $1",
      [hash],
    );
    expect(opened.rows[0]!.open_count).toBe(1);
  });

  it("offers the PDF alone for a guide without its text", async () => {
    const { token } = await aftercareLink({ body: null });
    const html = await (await fetch(`${appUrl()}/a/${token}`)).text();
    expect(html).toContain("Act Clinic");
    expect(html).toContain("guide is a PDF");
    expect(html).toContain(`href="/a/${token}/pdf"`);
  });

  it("names the clinic and its number on an expired link; nothing on an unknown one", async () => {
    const { token } = await aftercareLink({ body: null, expired: true });
    const expired = await (await fetch(`${appUrl()}/a/${token}`)).text();
    expect(expired).toContain("This link has expired");
    expect(expired).toContain("Call Act Clinic on");
    expect(expired).toContain('href="tel:+15550107788"');
    expect(expired).not.toContain("Brow Lift Aftercare");
    const unknown = await (
      await fetch(`${appUrl()}/a/${randomBytes(16).toString("base64url")}`)
    ).text();
    expect(unknown).toContain("find that link");
    expect(unknown).not.toContain("Act Clinic");
    expect(unknown).toContain("Call the clinic that texted you");
  });

  it("names the clinic on the appointment page and on its expired link", async () => {
    const booking = await book(number(), "Hedy Lamarr");
    const token = randomBytes(16).toString("base64url");
    const hash = (await import("node:crypto")).createHash("sha256").update(token).digest("hex");
    await db.query(
      `insert into public.appointment_links (clinic_id, booking_id, token_hash, purpose, expires_at)
       values ($1, $2, $3, 'manage', now() + interval '1 day')`,
      [clinic.id, booking.id, hash],
    );
    const live = await (await fetch(`${appUrl()}/m/${token}`)).text();
    expect(live).toContain("Act Clinic");
    expect(live).toContain('href="tel:+15550107788"');
    await db.query(
      "update public.appointment_links set expires_at = now() - interval '1 minute' where token_hash = $1",
      [hash],
    );
    const expired = await (await fetch(`${appUrl()}/m/${token}`)).text();
    expect(expired).toContain("This link has expired");
    expect(expired).toContain("Call Act Clinic on");
    expect(expired).not.toContain("Hedy");
  });
});
