import { createHash, randomInt, randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Client } from "pg";
import { inject } from "vitest";

import { SimulatedCall } from "@/lib/simulator/client";
import { LocalFileStore } from "@/lib/storage/local";

import { simulator } from "./vapi";

/**
 * A clinic a test makes for itself: its own number, diary and staff, so neither the time of
 * day (the seeded clinics' diaries follow their opening hours in their own time zones) nor
 * another test file (which books, holds and counts in the seeded clinics) can change what the
 * test sees. Left in the throw-away database afterwards: background work (the follow-up
 * worker, the hold sweeper) may still be finishing with its rows.
 */
export interface TestClinic {
  id: string;
  name: string;
  timezone: string;
  phoneNumber: string;
  practitionerIds: string[];
  /** The procedure its diary books ("Skin consultation"): pass it to check_availability. */
  procedure: string;
  procedureId: string;
  /** Its consultation type: `minutes` long, no buffers, performed by every practitioner. */
  typeId: string;
}

export interface ClinicOptions {
  name?: string;
  timezone?: string;
  practitioners?: number;
  /** Length of its consultation type (default 30). */
  minutes?: number;
}

/**
 * A clinic with one procedure and its consultation type, and no working hours: its diary is
 * exactly the times the test adds (addSlots), so what is offered never depends on the time of day.
 */
export async function createClinic(
  owner: Client,
  options: ClinicOptions = {},
): Promise<TestClinic> {
  const id = randomUUID();
  const name = options.name ?? `Test Clinic ${id.slice(0, 8)}`;
  const timezone = options.timezone ?? "America/New_York";
  for (let attempt = 0; ; attempt++) {
    // +1 556 ... : never one of the seeded numbers (+1 555 ...), and unique per run.
    const phoneNumber = `+1556${String(randomInt(1_000_000, 10_000_000))}`;
    try {
      await owner.query(
        `insert into public.clinics (id, slug, name, timezone, phone_number, settings) values ($1, $2, $3, $4, $5, '{"slot_minutes": 30}')`,
        [id, `test-${id}`, name, timezone, phoneNumber],
      );
      const practitioners = await owner.query<{ id: string }>(
        "insert into public.practitioners (clinic_id, name) select $1, 'Dr Test ' || n from generate_series(1, $2::int) n order by n returning id",
        [id, options.practitioners ?? 1],
      );
      const practitionerIds = practitioners.rows.map((row) => row.id);
      const diary = await owner.query<{ procedure_id: string; type_id: string }>(
        `with proc as (insert into public.procedures (clinic_id, name, synonyms, duration_minutes)
                       values ($1, 'Skin consultation', '{"skin check"}', $2) returning id),
              type as (insert into public.appointment_types (clinic_id, procedure_id, kind, name, duration_minutes)
                       select $1, id, 'consultation', 'Skin consultation', $2 from proc returning id),
              who as (insert into public.appointment_type_practitioners (clinic_id, appointment_type_id, practitioner_id)
                      select $1, type.id, p from type, unnest($3::uuid[]) p returning 1)
         select proc.id as procedure_id, type.id as type_id from proc, type, (select count(*) from who) w`,
        [id, options.minutes ?? 30, practitionerIds],
      );
      return {
        id,
        name,
        timezone,
        phoneNumber,
        practitionerIds,
        procedure: "Skin consultation",
        procedureId: diary.rows[0]!.procedure_id,
        typeId: diary.rows[0]!.type_id,
      };
    } catch (error) {
      if ((error as { code?: string }).code !== "23505" || attempt > 5) throw error;
    }
  }
}

export interface OwnSlot {
  startsAt: Date;
}

/**
 * Bookable times: the practitioner works exactly [time, time + minutes) at each clinic-local
 * `times` ("HH:MM") on the day `day` days from the clinic's today (extra-hours overrides), so
 * with the clinic's consultation of the same length each time is one offer. Keep `day` >= 1 and
 * times in the daytime: then every time is hours away whenever the test runs, and none falls in
 * a DST gap.
 */
export async function addSlots(
  owner: Client,
  clinic: TestClinic,
  {
    day,
    times,
    practitioner = 0,
    minutes = 30,
  }: { day: number; times: string[]; practitioner?: number; minutes?: number },
): Promise<OwnSlot[]> {
  const { rows } = await owner.query<OwnSlot>(
    `with added as (
       insert into public.schedule_overrides (clinic_id, practitioner_id, on_date, kind, opens, closes)
       select $1, $2, (now() at time zone $3)::date + $4::int, 'extra', t.at, t.at + make_interval(mins => $6)
         from unnest($5::time[]) as t (at)
       returning on_date, opens)
     select (on_date + opens) at time zone $3 as "startsAt" from added`,
    [clinic.id, clinic.practitionerIds[practitioner], clinic.timezone, day, times, minutes],
  );
  return rows.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/**
 * Offers made directly (what check_availability records), one per call, of the clinic's
 * consultation at `startsAt` for `minutes`: for races that skip the HTTP round trip. Their ids,
 * in the order of `callIds`.
 */
export async function addOffers(
  owner: Client,
  clinic: TestClinic,
  callIds: string[],
  at: {
    startsAt: Date;
    minutes?: number;
    practitioner?: number;
    /** Another type than the clinic's consultation, and its procedure. */
    type?: { id: string; procedureId: string };
  },
): Promise<string[]> {
  const ids = callIds.map(() => randomUUID());
  await owner.query(
    `insert into public.slot_offers (id, clinic_id, call_id, appointment_type_id, procedure_id, practitioner_id,
                                     starts_at, ends_at, occupied)
     select o.id, $1, o.call_id, $2, $3, $4, $5::timestamptz, $5::timestamptz + make_interval(mins => $6),
            tstzrange($5::timestamptz, $5::timestamptz + make_interval(mins => $6))
       from unnest($7::uuid[], $8::uuid[]) as o (id, call_id)`,
    [
      clinic.id,
      at.type?.id ?? clinic.typeId,
      at.type?.procedureId ?? clinic.procedureId,
      clinic.practitionerIds[at.practitioner ?? 0],
      at.startsAt,
      at.minutes ?? 30,
      ids,
      callIds,
    ],
  );
  return ids;
}

/** The clinic-local date `day` days from the clinic's today, as YYYY-MM-DD. */
export async function localDate(owner: Client, clinic: TestClinic, day: number): Promise<string> {
  const { rows } = await owner.query<{ day: string }>(
    "select to_char((now() at time zone $1)::date + $2::int, 'YYYY-MM-DD') as day",
    [clinic.timezone, day],
  );
  return rows[0]!.day;
}

/** Staff of their own: an auth user who is a member of each clinic given, in the role given. */
export async function addStaff(
  owner: Client,
  memberships: { clinic: TestClinic; role: "admin" | "receptionist" }[],
): Promise<string> {
  const userId = randomUUID();
  await owner.query(
    `insert into auth.users (id, aud, role, email, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
     values ($1, 'authenticated', 'authenticated', $2, '{}', '{}', now(), now())`,
    [userId, `staff-${userId}@test-clinic.test`],
  );
  for (const { clinic, role } of memberships) {
    await owner.query(
      "insert into public.clinic_members (clinic_id, user_id, role) values ($1, $2, $3)",
      [clinic.id, userId, role],
    );
  }
  return userId;
}

/**
 * The Facelift procedure as the seed has it, with its aftercare PDF stored where the server
 * reads it (the shared DATA_DIR), so an enquiry is owed an aftercare text whose link opens.
 */
export async function addFacelift(owner: Client, clinic: TestClinic): Promise<string> {
  const bytes = new Uint8Array(await readFile("supabase/seed/aftercare/facelift-aftercare.pdf"));
  const storagePath = `${clinic.id}/aftercare/facelift-aftercare.pdf`;
  await new LocalFileStore(inject("dataDir")).put("aftercare", storagePath, bytes);
  const { rows } = await owner.query<{ id: string }>(
    `with doc as (
       insert into public.aftercare_documents (clinic_id, title, storage_path, file_name, size_bytes, sha256)
       values ($1, 'Facelift Aftercare', $2, 'facelift-aftercare.pdf', $3, $4) returning id)
     insert into public.procedures (clinic_id, name, synonyms, duration_minutes, description, aftercare_document_id)
     select $1, 'Facelift', '{"face lift","face-lift","rhytidectomy","lower facelift","mini facelift","neck lift"}', 240,
            'Surgery that lifts and tightens the lower face and neck.', id from doc
     returning id`,
    [clinic.id, storagePath, bytes.length, createHash("sha256").update(bytes).digest("hex")],
  );
  return rows[0]!.id;
}

/** A consultation type for one of the clinic's procedures, `minutes` long, done by all its practitioners. */
export async function addConsultation(
  owner: Client,
  clinic: TestClinic,
  procedureId: string,
  { name = "Consultation", minutes = 30 }: { name?: string; minutes?: number } = {},
): Promise<{ id: string; procedureId: string }> {
  const { rows } = await owner.query<{ id: string }>(
    `with t as (insert into public.appointment_types (clinic_id, procedure_id, kind, name, duration_minutes)
                values ($1, $2, 'consultation', $3, $4) returning id),
          w as (insert into public.appointment_type_practitioners (clinic_id, appointment_type_id, practitioner_id)
                select $1, t.id, p from t, unnest($5::uuid[]) p returning 1)
     select t.id from t, (select count(*) from w) n`,
    [clinic.id, procedureId, name, minutes, clinic.practitionerIds],
  );
  return { id: rows[0]!.id, procedureId };
}

/** Simulator options for calls to this clinic's number on the shared server. */
export function simulatorFor(clinic: TestClinic) {
  return { ...simulator(), clinicNumber: clinic.phoneNumber };
}

/** A simulated call to this clinic. */
export function callTo(clinic: TestClinic, callerNumber?: string) {
  return new SimulatedCall(simulatorFor(clinic), callerNumber);
}
