import { randomUUID } from "node:crypto";
import type { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ownerClient } from "../helpers/db";
import { upgradeDatabase, type UpgradeDatabase } from "../helpers/upgrade";

/**
 * The patients migration's data step on an upgraded database: a clinic with calls, bookings
 * and texts from before patients existed gets one patient per number, named from the bookings
 * first (what people gave for their appointment), then the calls, with every row linked. In a
 * throw-away database on the same server, as the diary's upgrade tests do.
 */
const PATIENTS_MIGRATION = "20261201000100";
let db: Client;
let scratch: UpgradeDatabase;
let upgrade: Client;

beforeAll(async () => {
  db = await ownerClient();
  scratch = await upgradeDatabase(db, "patients");
  upgrade = scratch.client;
});
afterAll(async () => {
  await scratch?.drop();
  await db?.end();
});

describe("upgrading to patients", () => {
  it("files existing calls, bookings and texts under one patient per number", async () => {
    const patientsFile = await scratch.migrateBefore(PATIENTS_MIGRATION);

    const clinicId = randomUUID();
    await upgrade.query(
      `insert into public.clinics (id, slug, name, timezone, phone_number)
       values ($1, 'old-clinic', 'Old Clinic', 'Europe/London', '+15550000020')`,
      [clinicId],
    );
    const practitioner = (
      await upgrade.query<{ id: string }>(
        "insert into public.practitioners (clinic_id, name) values ($1, 'Dr Old') returning id",
        [clinicId],
      )
    ).rows[0]!.id;
    // Ann called twice (once giving "Annie"), then booked as "Ann Lee" and was texted; Bo only
    // called, without a name; a staff booking has no number; a withheld number called.
    const calls = await upgrade.query<{ id: string; vapi_call_id: string }>(
      `insert into public.calls (clinic_id, vapi_call_id, caller_number, caller_name, started_at) values
         ($1, 'old-1', '+447700900001', 'Annie', now() - interval '3 days'),
         ($1, 'old-2', '+447700900001', null, now() - interval '2 days'),
         ($1, 'old-3', '+447700900002', null, now() - interval '1 day'),
         ($1, 'old-4', null, null, now())
       returning id, vapi_call_id`,
      [clinicId],
    );
    const callId = Object.fromEntries(calls.rows.map((row) => [row.vapi_call_id, row.id]));
    await upgrade.query(
      `insert into public.bookings (clinic_id, call_id, patient_name, patient_phone, practitioner_id, starts_at, ends_at, source) values
         ($1, $2, 'Ann Lee', '+447700900001', $3, now() + interval '2 days', now() + interval '2 days 30 minutes', 'assistant'),
         ($1, null, 'Walk In', null, $3, now() + interval '3 days', now() + interval '3 days 30 minutes', 'staff')`,
      [clinicId, callId["old-2"], practitioner],
    );
    await upgrade.query(
      `insert into public.sms_messages (clinic_id, direction, to_number, from_number, body, provider, status) values
         ($1, 'outbound', '+447700900001', '+15550000020', 'Hi', 'outbox', 'sent'),
         ($1, 'inbound', '+15550000020', '+447700900003', '', 'twilio', 'received')`,
      [clinicId],
    );

    await scratch.apply(patientsFile);

    const patients = await upgrade.query<{ phone: string | null; full_name: string | null }>(
      "select phone, full_name from public.patients where clinic_id = $1 order by phone nulls last",
      [clinicId],
    );
    expect(patients.rows).toEqual([
      { phone: "+447700900001", full_name: "Ann Lee" },
      { phone: "+447700900002", full_name: null },
      { phone: "+447700900003", full_name: null },
      { phone: null, full_name: "Walk In" },
    ]);
    const unlinked = await upgrade.query(
      `select 'booking' as kind from public.bookings where clinic_id = $1 and patient_id is null
       union all select 'call' from public.calls where clinic_id = $1 and caller_number is not null and patient_id is null
       union all select 'sms' from public.sms_messages where clinic_id = $1 and patient_id is null`,
      [clinicId],
    );
    expect(unlinked.rows).toEqual([]);
    const ann = await upgrade.query(
      `select (select count(*)::int from public.calls c where c.patient_id = p.id) as calls,
              (select count(*)::int from public.bookings b where b.patient_id = p.id) as bookings,
              (select count(*)::int from public.sms_messages m where m.patient_id = p.id) as texts
         from public.patients p where p.clinic_id = $1 and p.phone = '+447700900001'`,
      [clinicId],
    );
    expect(ann.rows[0]).toEqual({ calls: 2, bookings: 1, texts: 1 });
    const withheld = await upgrade.query(
      "select patient_id from public.calls where vapi_call_id = 'old-4'",
    );
    expect(withheld.rows[0].patient_id).toBeNull();
  });
});
