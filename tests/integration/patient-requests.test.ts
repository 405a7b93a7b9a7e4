import { randomBytes, randomInt } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Client } from "pg";
import twilio from "twilio";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import type { Claims } from "@/lib/auth/claims";
import { closePool } from "@/lib/db/pool";
import { cancelAppointment } from "@/lib/diary/service";
import { savePatientDetails } from "@/lib/patients/service";
import {
  AREA_INFO,
  AREAS,
  IDENTIFIER_COLUMN,
  NOT_PERSONAL,
  PERSONAL_COLUMNS,
} from "@/lib/privacy/registry";
import { loadAccessLog } from "@/lib/privacy/service";

import {
  addFacelift,
  addSlots,
  addStaff,
  callTo,
  createClinic,
  type TestClinic,
} from "../helpers/clinic";
import { claimsFor, ownerClient } from "../helpers/db";
import { eventually, textsTo } from "../helpers/follow-ups";
import { sessionCookie } from "../helpers/session";
import { AUTH_JWT_SECRET, TWILIO_AUTH_TOKEN } from "./global-setup";

// Requests from patients (issue 16): search, export and erasure through the real routes, on a
// clinic of this file's own. The patient reaches the clinic through the real paths (a simulated
// Vapi call with tools, a booking, a message, an aftercare text with its link, inbound texts, a
// STOP, staff adding an email); after the erasure no column of any table in public or private,
// nor any file in the store, holds their number (E.164, national, last 7 digits), name or email.
let db: Client;
let clinic: TestClinic;
let admin: string;
let desk: string;
let adminCookie: string;
let deskCookie: string;

const digits = String(randomInt(1_000_000, 10_000_000));
const NUMBER = `+1557${digits}`;
const NATIONAL = `557${digits}`;
const SUFFIX = randomInt(100_000, 1_000_000).toString(36);
const FIRST = `Zephyrine${SUFFIX}`;
const NAME = `${FIRST} Quackenbush`;
const EMAIL = `zq.${SUFFIX}@mailbox.example`;

beforeAll(async () => {
  process.env.DATABASE_URL = inject("databaseUrl");
  process.env.AUTH_JWT_SECRET = AUTH_JWT_SECRET;
  process.env.DATA_DIR = inject("dataDir");
  db = await ownerClient();
  clinic = await createClinic(db, { name: "Patient Requests Clinic" });
  await addFacelift(db, clinic);
  await addSlots(db, clinic, { day: 2, times: ["10:00", "11:00"] });
  admin = await addStaff(db, [{ clinic, role: "admin" }]);
  desk = await addStaff(db, [{ clinic, role: "receptionist" }]);
  adminCookie = await sessionCookie(admin, "privacy-admin@test-clinic.test");
  deskCookie = await sessionCookie(desk, "privacy-desk@test-clinic.test");
});
afterAll(async () => {
  await db.end();
  await closePool();
});

const api = (suffix: string) => `${inject("appUrl")}/api/clinics/${clinic.id}/privacy${suffix}`;
const get = (suffix: string, cookie = adminCookie) => fetch(api(suffix), { headers: { cookie } });
const erase = (body: unknown, cookie = adminCookie) =>
  fetch(api("/erasures"), {
    method: "POST",
    headers: { cookie, "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
const q = (phone: string) => `phone=${encodeURIComponent(phone)}`;

/** A Twilio-signed inbound text from `from` to this clinic's number. */
function textIn(from: string, body: string) {
  const url = `${inject("appUrl")}/api/webhooks/twilio/inbound-sms`;
  const params = {
    From: from,
    To: clinic.phoneNumber,
    Body: body,
    MessageSid: `SM${randomBytes(16).toString("hex")}`,
  };
  return fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-twilio-signature": twilio.getExpectedTwilioSignature(TWILIO_AUTH_TOKEN, url, params),
    },
    body: new URLSearchParams(params).toString(),
  });
}

const requestsOf = async () =>
  (
    await db.query<{ kind: string; subject_masked: string; found: Record<string, number> }>(
      "select kind, subject_masked, found from public.privacy_requests where clinic_id = $1 order by at",
      [clinic.id],
    )
  ).rows;

/** Every text, json or array column of every table in public and private, as `schema.table.column`. */
async function textColumns(): Promise<{ schema: string; table: string; column: string }[]> {
  const { rows } = await db.query<{ schema: string; table: string; column: string }>(
    `select c.table_schema as schema, c.table_name as "table", c.column_name as column
       from information_schema.columns c
       join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema in ('public', 'private') and t.table_type = 'BASE TABLE'
        and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY', 'USER-DEFINED')
      order by 1, 2, 3`,
  );
  return rows;
}

/** Where any needle appears (case-insensitive) in any such column, or in the file store. */
async function findEverywhere(needles: string[]): Promise<string[]> {
  const hits: string[] = [];
  for (const { schema, table, column } of await textColumns()) {
    const { rows } = await db.query<{ value: string }>(
      `select "${column}"::text as value from "${schema}"."${table}"
        where "${column}"::text ilike any ($1::text[])`,
      [needles.map((needle) => `%${needle}%`)],
    );
    for (const row of rows) hits.push(`${schema}.${table}.${column}: ${row.value.slice(0, 200)}`);
  }
  const walk = async (dir: string): Promise<string[]> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    const files: string[] = [];
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) files.push(...(await walk(full)));
      else files.push(full);
    }
    return files;
  };
  for (const file of await walk(path.join(inject("dataDir"), "storage"))) {
    const text = (await readFile(file)).toString("latin1").toLowerCase();
    for (const needle of needles)
      if (text.includes(needle.toLowerCase()) || file.includes(needle))
        hits.push(`file ${file}: ${needle}`);
  }
  return hits;
}

describe("the registry of personal columns", () => {
  it("names every column that looks like it holds an identifier, as personal or not, and nothing that is gone", async () => {
    const columns = (await textColumns()).map((c) => `${c.schema}.${c.table}.${c.column}`);
    const unlisted = columns.filter(
      (column) =>
        IDENTIFIER_COLUMN.test(column.split(".")[2]!) &&
        !(column in PERSONAL_COLUMNS) &&
        !(column in NOT_PERSONAL),
    );
    expect(unlisted, "add these to lib/privacy/registry.ts (and the erasure)").toEqual([]);
    const stale = [...Object.keys(PERSONAL_COLUMNS), ...Object.keys(NOT_PERSONAL)].filter(
      (column) => !columns.includes(column),
    );
    expect(stale).toEqual([]);
    // Every personal column's table is an area the search and erasure cover.
    const areaTables = new Set(Object.values(AREA_INFO).map((info) => info.table));
    for (const column of Object.keys(PERSONAL_COLUMNS))
      expect(areaTables, column).toContain(column.split(".").slice(0, 2).join("."));
  });
});

describe("a patient's request", () => {
  let patientId: string;

  it("finds the patient everywhere the real paths put them", async () => {
    // A call asking about a facelift without booking: an aftercare text with its link.
    const enquiry = callTo(clinic, NUMBER);
    await enquiry.status("in-progress");
    await enquiry.tool("lookup_procedure", { query: "facelift" });
    await enquiry.end();
    await enquiry.report("customer-ended-call", [
      { role: "bot", message: "Thank you for calling, who am I speaking with?" },
      { role: "user", message: `It's ${NAME}, just asking about a facelift for now.` },
    ]);
    const texts = await eventually(
      () => textsTo(NUMBER),
      (sent) => sent.length > 0,
      30_000,
    );
    expect(texts[0]!.body).toContain("Facelift aftercare guide");
    const link = /http\S+\/a\/\S+/.exec(texts[0]!.body)![0];
    expect((await fetch(link)).status).toBe(200);

    // A second call books a consultation under the name and leaves a message.
    const booking = callTo(clinic, NUMBER);
    await booking.status("in-progress");
    const { result } = await booking.tool("check_availability", { procedure: clinic.procedure });
    const slotId = result!.slots[0]!.slotId;
    expect((await booking.tool("hold_slot", { slotId })).result!.held).toBe(true);
    const booked = await booking.tool("confirm_booking", { slotId, patientName: NAME });
    expect(booked.result!.booked).toBe(true);
    await booking.tool("take_message", {
      message: `Please ask the nurse to call ${FIRST} back about the consultation.`,
      callerName: NAME,
    });
    await booking.end();
    await booking.report("customer-ended-call", [
      { role: "user", message: `Book me in please, the name is ${NAME}.` },
    ]);

    // The front desk cancels it, naming the patient in the reason: the audit trail copies it.
    await cancelAppointment(claimsFor(desk) as Claims, clinic.id, {
      bookingId: booked.result!.bookingId!,
      reason: `${NAME} rang from ${NATIONAL} to cancel; ${FIRST} will email from ${EMAIL}`,
    });

    // Texts in: a question with the email, then STOP.
    expect((await textIn(NUMBER, `Hi, ${NAME} here, my email is ${EMAIL}`)).status).toBe(200);
    expect((await textIn(NUMBER, "STOP")).status).toBe(200);

    const patient = await db.query<{ id: string }>(
      "select id from public.patients where clinic_id = $1 and phone = $2",
      [clinic.id, NUMBER],
    );
    patientId = patient.rows[0]!.id;
    // Staff add the email on the patient's page.
    await savePatientDetails(claimsFor(admin) as Claims, clinic.id, {
      patientId,
      fullName: NAME,
      email: EMAIL,
      smsConsent: true,
    });
    // Staff open the patient's page: an access log entry about them.
    await fetch(`${inject("appUrl")}/patients/${patientId}`, {
      headers: { cookie: adminCookie },
    });

    const response = await get(
      `/search?${q(` +1 (557) ${digits.slice(0, 3)}-${digits.slice(3)}`)}`,
    );
    expect(response.status).toBe(200);
    const found = (await response.json()) as {
      found: Record<string, number>;
      patients: { id: string; fullName: string; email: string }[];
      total: number;
    };
    expect(found.patients).toEqual([{ id: patientId, fullName: NAME, email: EMAIL }]);
    for (const area of [
      "patients",
      "calls",
      "bookings",
      "callEvents",
      "transcripts",
      "handoffs",
      "followUps",
      "smsMessages",
      "optOuts",
      "appointmentTexts",
      "callbackTasks",
      "aftercareLinks",
      "webhookReceipts",
    ])
      expect(found.found[area], area).toBeGreaterThan(0);
    // The search returns only areas the registry lists.
    for (const area of Object.keys(found.found)) expect(AREAS).toContain(area);
    // The scan that proves the erasure finds the patient before it.
    const before = await findEverywhere([NUMBER, NAME, EMAIL]);
    for (const where of [
      "public.patients.",
      "public.calls.",
      "public.sms_messages.",
      "public.bookings.",
      "public.audit_log.",
    ])
      expect(
        before.some((hit) => hit.startsWith(where)),
        where,
      ).toBe(true);
    // A search is not an export: nothing recorded.
    expect(await requestsOf()).toEqual([]);
  });

  it("refuses a receptionist everything, with a sentence, and records nothing", async () => {
    for (const response of [
      await get(`/search?${q(NUMBER)}`, deskCookie),
      await get(`/export?${q(NUMBER)}&format=json`, deskCookie),
      await get("/requests", deskCookie),
      await erase({ subject: { phone: NUMBER }, confirm: NUMBER }, deskCookie),
    ]) {
      expect(response.status).toBe(403);
      expect((await response.json()).error).toBe(
        "Only the clinic's admins can search, export or erase a patient's data.",
      );
    }
    const signedOut = await fetch(api(`/search?${q(NUMBER)}`));
    expect(signedOut.status).toBe(401);
    expect(await requestsOf()).toEqual([]);
  });

  it("refuses bad input with a 400 sentence, and an unknown number with a 404, changing nothing", async () => {
    const bad = await get(`/search?phone=12345`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toBe(
      "Enter the patient's number in international format, e.g. +15555550100.",
    );
    expect((await get("/search")).status).toBe(400);
    expect((await get(`/export?${q(NUMBER)}&format=pdf`)).status).toBe(400);
    expect((await get(`/search?patient=not-a-uuid`)).status).toBe(400);
    expect((await erase("{not json")).status).toBe(400);
    const mismatch = await erase({ subject: { phone: NUMBER }, confirm: "+15550000000" });
    expect(mismatch.status).toBe(400);
    expect((await mismatch.json()).error).toBe(
      "Type the number again exactly to confirm the erasure.",
    );

    const unknown = "+15579999999";
    const search = await get(`/search?${q(unknown)}`);
    expect(await search.json()).toEqual({ found: {}, patients: [], total: 0 });
    const gone = await erase({ subject: { phone: unknown }, confirm: unknown });
    expect(gone.status).toBe(404);
    expect((await gone.json()).error).toBe(
      "The clinic holds nothing about this number or patient, so there is nothing to export or erase.",
    );
    expect((await get(`/export?${q(unknown)}&format=json`)).status).toBe(404);
    expect(await requestsOf()).toEqual([]);
    // Still all there.
    expect(
      (
        await db.query("select 1 from public.patients where id = $1 and phone = $2", [
          patientId,
          NUMBER,
        ])
      ).rowCount,
    ).toBe(1);
  });

  it("exports everything as a JSON file and a printable summary, each recorded", async () => {
    const json = await get(`/export?${q(NUMBER)}&format=json`);
    expect(json.status).toBe(200);
    expect(json.headers.get("content-type")).toContain("application/json");
    expect(json.headers.get("content-disposition")).toMatch(
      new RegExp(`^attachment; filename="patient-data-1557${digits}-\\d{4}-\\d{2}-\\d{2}\\.json"$`),
    );
    const data = (await json.json()) as {
      clinic: string;
      subject: { phone: string };
      areas: { area: string; table: string; count: number; rows: Record<string, unknown>[] }[];
    };
    expect(data.clinic).toBe("Patient Requests Clinic");
    expect(data.subject.phone).toBe(NUMBER);
    const area = (name: string) => data.areas.find((a) => a.area === name);
    expect(area("patients")!.rows[0]).toMatchObject({
      full_name: NAME,
      email: EMAIL,
      phone: NUMBER,
    });
    expect(area("bookings")!.rows[0]).toMatchObject({ patient_name: NAME, patient_phone: NUMBER });
    expect(area("calls")!.count).toBe(2);
    expect(area("smsMessages")!.rows.map((row) => row.body)).toEqual(
      expect.arrayContaining([`Hi, ${NAME} here, my email is ${EMAIL}`, "STOP"]),
    );
    expect(area("callbackTasks")!.rows[0]!.message).toContain("call");
    expect(area("optOuts")!.rows[0]).toMatchObject({ phone_number: NUMBER, source: "keyword" });
    expect(area("optOuts")!.rows[0]).not.toHaveProperty("phone_hash");
    expect(area("aftercareLinks")!.rows[0]).not.toHaveProperty("token_hash");
    for (const a of data.areas) expect(a.count).toBe(a.rows.length);

    const html = await get(`/export?${q(NUMBER)}&format=html`);
    expect(html.status).toBe(200);
    expect(html.headers.get("content-type")).toContain("text/html");
    expect(html.headers.get("content-disposition")).toMatch(/^attachment; filename=".*\.html"$/);
    const page = await html.text();
    expect(page).toContain(`Data Patient Requests Clinic holds about ${NUMBER}`);
    expect(page).toContain(NAME);
    expect(page).toContain("Appointments");
    expect(page).not.toContain("<script");

    const requests = await requestsOf();
    expect(requests.map((r) => r.kind)).toEqual(["export", "export"]);
    expect(requests[0]!.subject_masked).toBe(`+1••••••${digits.slice(-4)}`);
    expect(requests[0]!.found.patients).toBe(1);
    const logged = await db.query(
      "select actor_id from public.access_log where clinic_id = $1 and subject = 'export'",
      [clinic.id],
    );
    expect(logged.rows).toEqual([{ actor_id: admin }, { actor_id: admin }]);
    // Admins read them in the access log, labelled with the masked number only.
    const access = await loadAccessLog(claimsFor(admin) as Claims, clinic.id, {});
    expect(access.rows.filter((row) => row.subject === "export").map((row) => row.label)).toEqual([
      requests[0]!.subject_masked,
      requests[0]!.subject_masked,
    ]);
  });

  it("erases every identifier everywhere, keeps the appointment anonymised, and the number stays opted out", async () => {
    const response = await erase({ subject: { phone: NUMBER }, confirm: ` ${NUMBER} ` });
    expect(response.status).toBe(201);
    const result = (await response.json()) as { removed: Record<string, number> };
    expect(result.removed).toMatchObject({ patients: 1, calls: 2, bookings: 1, optOuts: 1 });
    expect(result.removed.smsMessages).toBeGreaterThanOrEqual(3);
    // The cancellation's audit row had the name, number and email in its copied reason.
    expect(result.removed.auditTrail).toBeGreaterThanOrEqual(1);

    const hits = await findEverywhere([NUMBER, NATIONAL, digits, NAME, FIRST, EMAIL]);
    expect(hits).toEqual([]);

    // The appointment is still in the diary, anonymised; the patient row is pseudonymised.
    const kept = await db.query(
      "select b.patient_name, b.patient_phone, b.status, p.full_name, p.phone, p.email from public.bookings b join public.patients p on p.id = b.patient_id where b.clinic_id = $1",
      [clinic.id],
    );
    expect(kept.rows).toEqual([
      {
        patient_name: "Erased patient",
        patient_phone: null,
        status: "cancelled",
        full_name: "Erased patient",
        phone: null,
        email: null,
      },
    ]);
    const requests = await requestsOf();
    expect(requests.map((r) => r.kind)).toEqual(["export", "export", "erasure"]);
    expect(
      (
        await db.query(
          "select 1 from public.access_log where clinic_id = $1 and subject = 'erasure' and actor_id = $2",
          [clinic.id, admin],
        )
      ).rowCount,
    ).toBe(1);
    // The history is readable by the admin through the route.
    const history = await (await get("/requests")).json();
    expect(history[0]).toMatchObject({
      kind: "erasure",
      subjectMasked: requests[0]!.subject_masked,
    });

    // Searching again finds nothing; erasing again is a 404.
    expect(await (await get(`/search?${q(NUMBER)}`)).json()).toMatchObject({ total: 0 });
    expect((await erase({ subject: { phone: NUMBER }, confirm: NUMBER })).status).toBe(404);

    // The opt-out holds by its hash: the number calls again, asks about a facelift, and is not
    // texted (the follow-up is skipped as opted out); a staff reply is refused too.
    expect(
      (await db.query("select public.sms_opted_out($1, $2) as o", [clinic.id, NUMBER])).rows[0].o,
    ).toBe(true);
    const before = (await textsTo(NUMBER)).length;
    const again = callTo(clinic, NUMBER);
    await again.status("in-progress");
    await again.tool("lookup_procedure", { query: "facelift" });
    await again.end();
    await again.report("customer-ended-call", [{ role: "user", message: "Just a question." }]);
    const followUp = await eventually(
      () =>
        db
          .query<{ status: string; skip_reason: string | null }>(
            "select f.status, f.skip_reason from public.follow_ups f join public.calls c on c.id = f.call_id where c.vapi_call_id = $1",
            [again.id],
          )
          .then((r) => r.rows),
      (rows) => rows.length > 0 && rows[0]!.status !== "pending",
      30_000,
    );
    expect(followUp[0]).toMatchObject({ status: "skipped" });
    expect(followUp[0]!.skip_reason).toMatch(/opted out/i);
    expect(await textsTo(NUMBER)).toHaveLength(before);
  });
});
