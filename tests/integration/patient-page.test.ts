import { randomInt, randomUUID } from "node:crypto";
import type { Client } from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import type { Claims } from "@/lib/auth/claims";
import { closePool } from "@/lib/db/pool";
import { loadAttendance } from "@/lib/insights/attendance";
import { loadPatientPage, loadPatients, savePatientDetails } from "@/lib/patients/service";
import { patientDetailsSchema } from "@/lib/validations/patient";

import { addStaff, createClinic, type TestClinic } from "../helpers/clinic";
import { claimsFor, ownerClient } from "../helpers/db";
import { AUTH_JWT_SECRET } from "./global-setup";

// The patients list and a patient's page, as staff see them: their appointments, calls and
// texts, edits to name, email and consent (audited, RLS as everywhere), and the Insights
// attendance card's weekly no-show and confirmation rates. A clinic of this file's own.
let db: Client;
let clinic: TestClinic;
let other: TestClinic;
let member: Claims;
let outsider: Claims;
let memberId: string;

const number = () => `+1558${String(randomInt(1_000_000, 10_000_000))}`;
const claims = (sub: string): Claims => ({ ...claimsFor(sub), role: "authenticated" });

beforeAll(async () => {
  process.env.DATABASE_URL = inject("databaseUrl");
  process.env.AUTH_JWT_SECRET = AUTH_JWT_SECRET;
  db = await ownerClient();
  clinic = await createClinic(db, { name: "Patient Page Clinic", timezone: "Europe/London" });
  other = await createClinic(db, { name: "Patient Page Other" });
  memberId = await addStaff(db, [{ clinic, role: "receptionist" }]);
  member = claims(memberId);
  outsider = claims(await addStaff(db, [{ clinic: other, role: "admin" }]));
});
afterAll(async () => {
  await db.end();
  await closePool();
});

/** A booking at clinic-local `local` ("2026-11-02 10:00"), with a status and confirmation. */
async function booking(
  phone: string,
  name: string,
  local: string,
  status = "confirmed",
  confirmedBeforeStart = true,
) {
  const { rows } = await db.query<{ id: string; patient_id: string }>(
    `insert into public.bookings (clinic_id, patient_name, patient_phone, practitioner_id,
                                  appointment_type_id, starts_at, ends_at, source, status)
     values ($1, $2, $3, $4, $5, ($6::timestamp at time zone 'Europe/London'),
             ($6::timestamp at time zone 'Europe/London') + interval '30 minutes', 'staff', $7)
     returning id, patient_id`,
    [clinic.id, name, phone, clinic.practitionerIds[0], clinic.typeId, local, status],
  );
  // Statuses after the fact (arrived, no-show) and when it was confirmed, as the diary leaves them.
  await db.query(
    `update public.bookings set confirmed_at = case when $2 then starts_at - interval '1 day' else null end
      where id = $1`,
    [rows[0]!.id, confirmedBeforeStart],
  );
  return rows[0]!;
}

describe("a patient's page", () => {
  it("shows their appointments, calls and texts, and only to their clinic", async () => {
    const phone = number();
    const { patient_id: patientId, id: bookingId } = await booking(
      phone,
      "Mary Somerville",
      "2030-01-07 10:00",
    );
    const { rows: calls } = await db.query<{ id: string }>(
      `insert into public.calls (clinic_id, vapi_call_id, caller_number, started_at)
       values ($1, $2, $3, now()) returning id`,
      [clinic.id, `patient-page-${randomUUID()}`, phone],
    );
    await db.query(
      `insert into public.sms_messages (clinic_id, direction, to_number, from_number, body, provider, status)
       values ($1, 'inbound', $2, $3, 'See you on the 7th', 'twilio', 'received')`,
      [clinic.id, clinic.phoneNumber, phone],
    );
    const page = await loadPatientPage(member, clinic.id, patientId);
    expect(page.patient).toMatchObject({ fullName: "Mary Somerville", phone });
    expect(page.appointments.map((a) => a.id)).toEqual([bookingId]);
    expect(page.calls.map((c) => c.id)).toEqual([calls[0]!.id]);
    // Their text, and the appointment's own confirmation when the reminders worker has sent it.
    const bodies = page.texts.map((t) => t.body);
    expect(bodies).toContain("See you on the 7th");
    expect(
      bodies.filter((body) => body !== "See you on the 7th" && !/Your appointment/.test(body)),
    ).toEqual([]);

    await expect(loadPatientPage(outsider, clinic.id, patientId)).rejects.toThrow(
      /not in your clinic/,
    );
    await expect(loadPatientPage(outsider, other.id, patientId)).rejects.toThrow(
      /not in your clinic/,
    );
    expect(await loadPatients(outsider, clinic.id)).toEqual([]);
  });

  it("lists patients, searchable by name or by the digits of a number", async () => {
    const phone = number();
    await booking(phone, "Lise Meitner", "2030-02-04 11:00");
    const byName = await loadPatients(member, clinic.id, "meitner");
    expect(byName.map((p) => p.phone)).toEqual([phone]);
    const byDigits = await loadPatients(member, clinic.id, phone.slice(-7));
    expect(byDigits.map((p) => p.fullName)).toEqual(["Lise Meitner"]);
    expect(await loadPatients(member, clinic.id, "%")).toEqual([]);
  });

  it("takes corrections to name, email and consent, audited, and refuses bad ones", async () => {
    const phone = number();
    const { patient_id: patientId } = await booking(phone, "dorothy hodgkin", "2030-03-04 09:00");
    const input = patientDetailsSchema.parse({
      patientId,
      fullName: "  Dorothy   Hodgkin ",
      email: " Dorothy@Example.COM ",
      smsConsent: false,
    });
    await savePatientDetails(member, clinic.id, input);
    const { rows } = await db.query(
      "select full_name, email, sms_consent from public.patients where id = $1",
      [patientId],
    );
    expect(rows).toEqual([
      { full_name: "Dorothy Hodgkin", email: "dorothy@example.com", sms_consent: false },
    ]);
    const audit = await db.query(
      "select actor_id, changes from public.audit_log where table_name = 'patients' and row_id = $1",
      [patientId],
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]).toMatchObject({ actor_id: memberId });

    const bad = patientDetailsSchema.safeParse({
      patientId,
      fullName: "x".repeat(121),
      email: "not-an-email",
      smsConsent: true,
    });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((issue) => issue.path[0]).sort()).toEqual(["email", "fullName"]);

    // Someone else's clinic: refused, nothing changed.
    await expect(
      savePatientDetails(outsider, other.id, { ...input, fullName: "Hacked", email: null }),
    ).rejects.toThrow(/not in your clinic/);
    const after = await db.query("select full_name from public.patients where id = $1", [
      patientId,
    ]);
    expect(after.rows).toEqual([{ full_name: "Dorothy Hodgkin" }]);
  });
});

describe("the Insights attendance card", () => {
  it("gives no-show and confirmation rates per clinic-local week", async () => {
    // Week of Monday 2 Nov 2026: 4 appointments (3 confirmed beforehand), 2 attended, 1 no-show,
    // 1 never marked; 1 cancelled. Week of 9 Nov: 1 no-show, never confirmed.
    await booking(number(), "A", "2026-11-02 09:00", "completed");
    await booking(number(), "B", "2026-11-03 09:00", "arrived");
    await booking(number(), "C", "2026-11-04 09:00", "no_show");
    await booking(number(), "D", "2026-11-08 23:30", "confirmed", false); // Sunday night, London
    await booking(number(), "E", "2026-11-05 09:00", "cancelled");
    await booking(number(), "F", "2026-11-09 00:15", "no_show", false); // Monday, London
    const { weeks, total } = await loadAttendance(member, clinic.id, {
      from: "2026-11-02",
      to: "2026-11-15",
    });
    expect(weeks).toEqual([
      {
        week: "2026-11-02",
        appointments: 4,
        confirmed: 3,
        attended: 2,
        noShows: 1,
        cancelled: 1,
        noShowRate: 1 / 3,
        confirmationRate: 3 / 4,
      },
      {
        week: "2026-11-09",
        appointments: 1,
        confirmed: 0,
        attended: 0,
        noShows: 1,
        cancelled: 0,
        noShowRate: 1,
        confirmationRate: 0,
      },
    ]);
    expect(total).toMatchObject({ appointments: 5, noShows: 2, noShowRate: 2 / 4 });
    // Another clinic's staff see nothing of it.
    const theirs = await loadAttendance(outsider, clinic.id, {
      from: "2026-11-02",
      to: "2026-11-15",
    });
    expect(theirs.total.appointments).toBe(0);
  });
});
