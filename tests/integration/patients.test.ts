import { randomInt, randomUUID } from "node:crypto";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { createManageLink, openManageLink, revokeManageLinks } from "@/lib/db/manage-links";
import { findPatientByPhone, getPatient } from "@/lib/db/patients";
import { closePool } from "@/lib/db/pool";
import { withService } from "@/lib/db/transaction";

import { createClinic, type TestClinic } from "../helpers/clinic";
import { ownerClient } from "../helpers/db";
import { AUTH_JWT_SECRET } from "./global-setup";

// Patients are filed by the database: every call, booking and text is linked to the patient
// with its number, created the first time. A clinic of this file's own; numbers unique per run.
let db: Client;
let clinic: TestClinic;

const number = () => `+1557${String(randomInt(1_000_000, 10_000_000))}`;

async function newCall(phone: string | null, name: string | null = null) {
  const { rows } = await db.query<{ id: string; patient_id: string | null }>(
    `insert into public.calls (clinic_id, vapi_call_id, caller_number, caller_name, started_at)
     values ($1, $2, $3, $4, now()) returning id, patient_id`,
    [clinic.id, `patients-${randomUUID()}`, phone, name],
  );
  return rows[0]!;
}

async function newBooking(phone: string | null, name: string, dayOffset = 3) {
  const { rows } = await db.query<{ id: string; patient_id: string }>(
    `insert into public.bookings (clinic_id, patient_name, patient_phone, practitioner_id,
                                  appointment_type_id, starts_at, ends_at, source)
     values ($1, $2, $3, $4, $5, now() + make_interval(days => $6), now() + make_interval(days => $6, mins => 30), 'staff')
     returning id, patient_id`,
    [clinic.id, name, phone, clinic.practitionerIds[0], clinic.typeId, dayOffset],
  );
  return rows[0]!;
}

async function newSms(direction: "inbound" | "outbound", patientPhone: string) {
  const [to, from] =
    direction === "inbound"
      ? [clinic.phoneNumber, patientPhone]
      : [patientPhone, clinic.phoneNumber];
  const { rows } = await db.query<{ patient_id: string }>(
    `insert into public.sms_messages (clinic_id, direction, to_number, from_number, body, provider, status)
     values ($1, $2, $3, $4, '', 'outbox', $5) returning patient_id`,
    [clinic.id, direction, to, from, direction === "inbound" ? "received" : "queued"],
  );
  return rows[0]!.patient_id;
}

const patientCount = async (phone: string) =>
  Number(
    (
      await db.query("select count(*) from public.patients where clinic_id = $1 and phone = $2", [
        clinic.id,
        phone,
      ])
    ).rows[0].count,
  );

beforeAll(async () => {
  // lib/db reads its configuration through lib/env: point it at the integration database.
  process.env.DATABASE_URL = inject("databaseUrl");
  process.env.AUTH_JWT_SECRET = AUTH_JWT_SECRET;
  db = await ownerClient();
  clinic = await createClinic(db, { name: "Patients Test Clinic" });
});
afterAll(async () => {
  await db.end();
  await closePool();
});

describe("patients, filed by number", () => {
  it("files a caller's calls, bookings and texts under one patient, created on first contact", async () => {
    const phone = number();
    const first = await newCall(phone);
    expect(first.patient_id).not.toBeNull();
    const second = await newCall(phone);
    const booking = await newBooking(phone, "Amelia Hart");
    const inbound = await newSms("inbound", phone);
    const outbound = await newSms("outbound", phone);
    expect(new Set([second.patient_id, booking.patient_id, inbound, outbound])).toEqual(
      new Set([first.patient_id]),
    );
    expect(await patientCount(phone)).toBe(1);

    const patient = await withService((tx) => findPatientByPhone(tx, clinic.id, phone));
    expect(patient).toMatchObject({ id: first.patient_id, fullName: "Amelia Hart", phone });
  });

  it("keeps the first name given; a call that learns the caller's name fills an empty one", async () => {
    const phone = number();
    const call = await newCall(phone);
    const before = await withService((tx) => getPatient(tx, clinic.id, call.patient_id!));
    expect(before?.fullName).toBeNull();
    await db.query("update public.calls set caller_name = 'Ben Okafor' where id = $1", [call.id]);
    await newBooking(phone, "Benjamin Okafor");
    const after = await withService((tx) => getPatient(tx, clinic.id, call.patient_id!));
    expect(after?.fullName).toBe("Ben Okafor");
  });

  it("gives a booking without a number a patient of its own, and a withheld number none", async () => {
    const [a, b] = [await newBooking(null, "No Phone"), await newBooking(null, "No Phone")];
    expect(a.patient_id).not.toEqual(b.patient_id);
    const withheld = await newCall(null);
    expect(withheld.patient_id).toBeNull();
  });

  it("moves a booking to the new number's patient when its number is corrected", async () => {
    const [wrong, right] = [number(), number()];
    const booking = await newBooking(wrong, "Cara Lind");
    const rightPatient = (await newCall(right)).patient_id;
    const { rows } = await db.query<{ patient_id: string }>(
      "update public.bookings set patient_phone = $2 where id = $1 returning patient_id",
      [booking.id, right],
    );
    expect(rows[0]!.patient_id).toBe(rightPatient);
  });

  it("creates one patient when twenty first contacts from one number race", async () => {
    const phone = number();
    const clients = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const client = new Client({ connectionString: inject("databaseUrl") });
        await client.connect();
        return client;
      }),
    );
    try {
      const ids = await Promise.all(
        clients.map(async (client, index) => {
          const { rows } = await client.query<{ patient_id: string }>(
            `insert into public.calls (clinic_id, vapi_call_id, caller_number, caller_name, started_at)
             values ($1, $2, $3, $4, now()) returning patient_id`,
            [
              clinic.id,
              `patients-race-${randomUUID()}`,
              phone,
              index % 2 ? `Caller ${index}` : null,
            ],
          );
          return rows[0]!.patient_id;
        }),
      );
      expect(new Set(ids).size).toBe(1);
      expect(await patientCount(phone)).toBe(1);
    } finally {
      await Promise.all(clients.map((client) => client.end()));
    }
  });

  it("shows a number's opt-out on its patient", async () => {
    const phone = number();
    await newCall(phone);
    await db.query(
      "insert into public.sms_opt_outs (clinic_id, phone_number, source) values ($1, $2, 'keyword')",
      [clinic.id, phone],
    );
    const patient = await withService((tx) => findPatientByPhone(tx, clinic.id, phone));
    expect(patient?.optedOutAt).toBeInstanceOf(Date);
  });
});

describe("manage links", () => {
  it("open the appointment they were made for until revoked; a tampered or unknown token opens nothing", async () => {
    const booking = await newBooking(number(), "Dana Reyes");
    const token = await withService((tx) =>
      createManageLink(tx, { clinicId: clinic.id, bookingId: booking.id }),
    );
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const stored = await db.query(
      "select token_hash, expires_at <= (select ends_at from public.bookings where id = $1) as capped from public.appointment_links where booking_id = $1",
      [booking.id],
    );
    expect(stored.rows[0].token_hash).not.toContain(token);
    expect(stored.rows[0].capped).toBe(true);

    const opened = await withService((tx) => openManageLink(tx, token));
    expect(opened).toMatchObject({ status: "ok", bookingId: booking.id, clinicId: clinic.id });
    const tampered = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
    expect(await withService((tx) => openManageLink(tx, tampered))).toEqual({ status: "unknown" });
    expect(await withService((tx) => openManageLink(tx, "../../etc"))).toEqual({
      status: "unknown",
    });

    expect(await withService((tx) => revokeManageLinks(tx, booking.id))).toBe(1);
    expect(await withService((tx) => openManageLink(tx, token))).toMatchObject({
      status: "revoked",
    });
  });

  it("expire: an expired link says so and opens nothing", async () => {
    const booking = await newBooking(number(), "Eli Stone");
    const token = await withService((tx) =>
      createManageLink(tx, { clinicId: clinic.id, bookingId: booking.id }),
    );
    await db.query(
      "update public.appointment_links set expires_at = now() - interval '1 minute' where booking_id = $1",
      [booking.id],
    );
    expect(await withService((tx) => openManageLink(tx, token))).toMatchObject({
      status: "expired",
    });
  });
});
