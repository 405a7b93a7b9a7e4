import { randomInt, randomUUID } from "node:crypto";
import type { Client } from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { claimsSchema } from "@/lib/auth/claims";
import { STARTER_PROCEDURES } from "@/lib/onboarding/starter";
import { SimulatedCall } from "@/lib/simulator/client";

import { asActor, claimsFor, errorOf, ownerClient } from "../helpers/db";
import { sessionCookie } from "../helpers/session";
import { AUTH_JWT_SECRET, VAPI_API_KEY } from "./global-setup";

// The onboarding services run in this process against the server's database; the checklist and
// "Connect to Vapi" go through the real server (which pushes to the Vapi double).
process.env.DATABASE_URL = inject("databaseUrl");
process.env.AUTH_JWT_SECRET = AUTH_JWT_SECRET;
process.env.VAPI_API_KEY = VAPI_API_KEY;
process.env.VAPI_API_BASE_URL = inject("vapiUrl");
const { closePool } = await import("@/lib/db/pool");
const onboarding = await import("@/lib/onboarding/service");

const claims = (userId: string, email: string) =>
  claimsSchema.parse({ ...claimsFor(userId), email });
const appUrl = inject("appUrl");
const address = () => `203.0.113.${randomInt(1, 250)}-${randomUUID().slice(0, 6)}`;
const uniqueEmail = (who: string) => `${who}-${randomUUID().slice(0, 8)}@new-clinic.test`;
const uniqueNumber = () => `+1557${String(randomInt(1_000_000, 10_000_000))}`;

let db: Client;
beforeAll(async () => {
  db = await ownerClient();
});
afterAll(async () => {
  await db.end();
  await closePool();
});

async function signUp(who: string) {
  const email = uniqueEmail(who);
  const result = await onboarding.signUpLocal(
    {
      name: `Owner ${who}`,
      email,
      password: "correct horse battery",
      confirm: "correct horse battery",
    },
    address(),
  );
  if (result.outcome !== "created") throw new Error(`sign-up: ${result.outcome}`);
  return { id: result.userId, email, claims: claims(result.userId, email) };
}

async function checklist(clinicId: string, cookie: string) {
  const response = await fetch(`${appUrl}/api/clinics/${clinicId}/onboarding`, {
    headers: { cookie },
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      steps: { step: string; done: boolean; missing: string }[];
      complete: boolean;
    },
  };
}
const done = (body: { steps: { step: string; done: boolean }[] }) =>
  Object.fromEntries(body.steps.map((step) => [step.step, step.done]));

describe("a new owner from sign-up to a complete checklist", () => {
  it("signs up, creates a clinic, imports procedures, adds a practitioner, connects the number and takes a call", async () => {
    const owner = await signUp("happy");
    const account = await db.query(
      "select raw_user_meta_data ->> 'full_name' as name, encrypted_password <> $2 as hashed from auth.users where id = $1",
      [owner.id, "correct horse battery"],
    );
    expect(account.rows[0]).toEqual({ name: "Owner happy", hashed: true });

    const created = await onboarding.createClinic(owner.claims, {
      name: "Rose & Birch Aesthetics",
      timezone: "Europe/London",
      frontDeskNumber: "+44 20 7946 0018",
    });
    expect(created).toMatchObject({ ok: true });
    const clinicId = (created as { id: string }).id;
    const clinic = await db.query(
      `select c.slug, c.timezone, c.front_desk_number, c.phone_number, m.role, m.display_name
         from public.clinics c join public.clinic_members m on m.clinic_id = c.id where c.id = $1`,
      [clinicId],
    );
    expect(clinic.rows).toEqual([
      {
        slug: expect.stringMatching(/^rose-birch-aesthetics(-\d+)?$/),
        timezone: "Europe/London",
        front_desk_number: "+442079460018",
        phone_number: null,
        role: "admin",
        display_name: "Owner happy",
      },
    ]);
    const audit = await db.query(
      "select table_name, action, actor_id from public.audit_log where clinic_id = $1 order by id",
      [clinicId],
    );
    expect(audit.rows).toEqual(
      expect.arrayContaining([
        { table_name: "clinics", action: "insert", actor_id: owner.id },
        { table_name: "clinic_members", action: "insert", actor_id: owner.id },
      ]),
    );

    const cookie = await sessionCookie(owner.id, owner.email);
    let state = await checklist(clinicId, cookie);
    expect(state.status).toBe(200);
    expect(done(state.body)).toEqual({
      details: true,
      hours: false,
      procedures: false,
      practitioners: false,
      number: false,
      test_call: false,
    });

    // Hours: the opening hours must exist before the step can be marked done.
    expect(await onboarding.confirmHours(owner.claims, clinicId)).toMatchObject({ ok: false });
    await db.query(
      "insert into public.opening_hours (clinic_id, weekday, opens, closes) select $1, d, '09:00', '18:00' from generate_series(1, 5) d",
      [clinicId],
    );
    expect(await onboarding.confirmHours(owner.claims, clinicId)).toEqual({ ok: true });

    // The starter list, edited: Botox renamed and 15-minute consultations, facelift left out.
    const items = STARTER_PROCEDURES.filter((item) => item.key !== "facelift").map((item) => ({
      key: item.key,
      name: item.key === "anti-wrinkle" ? "Botox" : item.name,
      consultationMinutes: item.key === "anti-wrinkle" ? 15 : item.consultationMinutes,
      mainMinutes: item.main.minutes,
    }));
    expect(await onboarding.importStarterProcedures(owner.claims, clinicId, { items })).toEqual({
      ok: true,
      imported: items.length,
      skipped: 0,
    });
    // Importing again adds nothing.
    expect(await onboarding.importStarterProcedures(owner.claims, clinicId, { items })).toEqual({
      ok: true,
      imported: 0,
      skipped: items.length,
    });
    const types = await db.query<{
      id: string;
      name: string;
      kind: string;
      duration: number;
      confirmation: string;
      requires: boolean;
    }>(
      `select t.id, t.name, t.kind, t.duration_minutes as duration, t.confirmation,
              t.requires_consultation as requires
         from public.appointment_types t where t.clinic_id = $1 order by t.name`,
      [clinicId],
    );
    expect(types.rows.find((type) => type.name === "Botox consultation")).toMatchObject({
      kind: "consultation",
      duration: 15,
    });
    expect(types.rows.find((type) => type.name === "Rhinoplasty")).toMatchObject({
      kind: "surgery",
      duration: 180,
      confirmation: "staff",
      requires: true,
    });
    expect(types.rows.some((type) => type.name.startsWith("Facelift"))).toBe(false);
    // HydraFacial has no consultation in the starter list: one type only.
    expect(types.rows.filter((type) => type.name.startsWith("HydraFacial"))).toHaveLength(1);

    const botox = types.rows.filter((type) => type.name.startsWith("Botox")).map((type) => type.id);
    expect(
      await onboarding.addPractitioner(owner.claims, clinicId, {
        name: "Nurse Ada Quinn",
        title: "Nurse injector",
        appointmentTypeIds: botox,
        intervals: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: "09:00", closes: "17:00" })),
      }),
    ).toMatchObject({ ok: true });

    // The number, then "Connect to Vapi" through the server: the Vapi double imports it.
    const number = uniqueNumber();
    expect(
      await onboarding.saveClinicNumber(owner.claims, clinicId, { phoneNumber: number }),
    ).toEqual({ ok: true });
    state = await checklist(clinicId, cookie);
    expect(done(state.body)).toMatchObject({ practitioners: true, number: false });
    const connect = await fetch(`${appUrl}/api/clinics/${clinicId}/onboarding/connect`, {
      method: "POST",
      headers: { cookie },
    });
    const connected = await connect.json();
    expect(connect.status, JSON.stringify(connected)).toBe(200);
    expect(connected.message).toContain(number);
    const vapi = await db.query(
      "select vapi_phone_number_id, vapi_number_fallback, vapi_assistant_id from public.clinics where id = $1",
      [clinicId],
    );
    expect(vapi.rows[0]).toMatchObject({
      vapi_phone_number_id: expect.any(String),
      vapi_number_fallback: "+442079460018",
      vapi_assistant_id: expect.any(String),
    });

    // The test call: a call to the new number arrives at this clinic.
    state = await checklist(clinicId, cookie);
    expect(done(state.body)).toMatchObject({ number: true, test_call: false });
    const call = new SimulatedCall({
      url: appUrl,
      secret: inject("webhookSecret"),
      clinicNumber: number,
      speed: 0,
    });
    await call.status("ringing");
    state = await checklist(clinicId, cookie);
    expect(state.body.complete).toBe(true);
    expect(Object.values(done(state.body)).every(Boolean)).toBe(true);
  });
});

describe("bad input is refused in sentences, and nothing is stored", () => {
  it("refuses weak passwords, invalid and taken emails", async () => {
    const existing = await signUp("taken");
    const before = await db.query("select count(*)::int as n from auth.users");
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ password: "short", confirm: "short" }, "password", /at least 10 characters/],
      [{ password: "aaaaaaaaaaaa", confirm: "aaaaaaaaaaaa" }, "password", /too easy to guess/],
      [{ password: "password1234", confirm: "password1234" }, "password", /too easy to guess/],
      [{ email: "not-an-email" }, "email", /valid email address/],
      [{ confirm: "something else" }, "confirm", /differ/],
    ];
    for (const [patch, field, message] of cases) {
      const result = await onboarding.signUpLocal(
        {
          name: "Someone",
          email: uniqueEmail("bad"),
          password: "correct horse battery",
          confirm: "correct horse battery",
          ...patch,
        },
        address(),
      );
      expect(result.outcome).toBe("invalid");
      expect((result as { fieldErrors: Record<string, string> }).fieldErrors[field]).toMatch(
        message,
      );
    }
    const taken = await onboarding.signUpLocal(
      {
        name: "Again",
        email: existing.email.toUpperCase(),
        password: "another good phrase 9",
        confirm: "another good phrase 9",
      },
      address(),
    );
    expect(taken.outcome).toBe("taken");
    expect((await db.query("select count(*)::int as n from auth.users")).rows[0]).toEqual(
      before.rows[0],
    );
  });

  it("throttles an address that keeps trying taken emails", async () => {
    const existing = await signUp("probe");
    const from = address();
    const outcomes: string[] = [];
    for (let i = 0; i < 7; i++) {
      const result = await onboarding.signUpLocal(
        {
          name: "Probe",
          email: existing.email,
          password: "correct horse battery",
          confirm: "correct horse battery",
        },
        from,
      );
      outcomes.push(result.outcome);
    }
    expect(outcomes.slice(0, 5)).toEqual(Array(5).fill("taken"));
    expect(outcomes).toContain("throttled");
  });

  it("refuses a clinic with a bad name, time zone or front desk number", async () => {
    const owner = await signUp("badclinic");
    const good = {
      name: "Good Clinic",
      timezone: "Europe/London",
      frontDeskNumber: "+442079460018",
    };
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ name: "  " }, "name", /Enter the clinic's name/],
      [{ name: "x".repeat(121) }, "name", /at most 120/],
      [{ timezone: "Mars/Olympus_Mons" }, "timezone", /time zone from the list/],
      [{ frontDeskNumber: "020 7946 0018" }, "frontDeskNumber", /country code/],
      [{ frontDeskNumber: "+44 20 7946 0018 ext 2" }, "frontDeskNumber", /country code/],
    ];
    for (const [patch, field, message] of cases) {
      const result = await onboarding.createClinic(owner.claims, { ...good, ...patch });
      expect(result.ok).toBe(false);
      expect((result as { fieldErrors: Record<string, string> }).fieldErrors[field]).toMatch(
        message,
      );
    }
    const clinics = await db.query(
      "select count(*)::int as n from public.clinic_members where user_id = $1",
      [owner.id],
    );
    expect(clinics.rows[0].n).toBe(0);
  });

  it("refuses bad starter imports and practitioners without storing anything", async () => {
    const owner = await signUp("badimport");
    const created = await onboarding.createClinic(owner.claims, {
      name: "Import Checks",
      timezone: "America/New_York",
      frontDeskNumber: "+12125550100",
    });
    const clinicId = (created as { id: string }).id;
    const bad = [
      { items: [] },
      { items: [{ key: "nope", name: "Mystery", consultationMinutes: 20, mainMinutes: 30 }] },
      { items: [{ key: "profhilo", name: "Profhilo", consultationMinutes: 0, mainMinutes: 0 }] },
      { items: [{ key: "profhilo", name: "Profhilo", consultationMinutes: 3, mainMinutes: 30 }] },
      {
        items: [
          { key: "profhilo", name: "Same", consultationMinutes: 20, mainMinutes: 30 },
          { key: "microneedling", name: "same", consultationMinutes: 20, mainMinutes: 30 },
        ],
      },
    ];
    for (const input of bad) {
      const result = await onboarding.importStarterProcedures(owner.claims, clinicId, input);
      expect(result.ok, JSON.stringify(input)).toBe(false);
      expect((result as { error: string }).error).toMatch(/\w+ .+\./);
    }
    const practitioner = await onboarding.addPractitioner(owner.claims, clinicId, {
      name: "Dr No Types",
      appointmentTypeIds: [],
      intervals: [{ weekday: 1, opens: "17:00", closes: "09:00" }],
    });
    expect(practitioner).toMatchObject({
      ok: false,
      fieldErrors: { appointmentTypeIds: expect.stringMatching(/at least one/) },
    });
    const number = await onboarding.saveClinicNumber(owner.claims, clinicId, {
      phoneNumber: "+15555550199", // Harbour Aesthetics' number
    });
    expect(number).toMatchObject({
      ok: false,
      fieldErrors: { phoneNumber: expect.stringMatching(/Another clinic/) },
    });
    const rows = await db.query(
      `select (select count(*)::int from public.procedures where clinic_id = $1) as procedures,
              (select count(*)::int from public.practitioners where clinic_id = $1) as practitioners,
              (select phone_number from public.clinics where id = $1) as number`,
      [clinicId],
    );
    expect(rows.rows[0]).toEqual({ procedures: 0, practitioners: 0, number: null });
  });
});

describe("another clinic", () => {
  it("cannot read or change a new clinic, its checklist or its onboarding steps", async () => {
    const owner = await signUp("private");
    const created = await onboarding.createClinic(owner.claims, {
      name: "Private Clinic",
      timezone: "Europe/Paris",
      frontDeskNumber: "+33142685300",
    });
    const clinicId = (created as { id: string }).id;
    const harbourAdmin = "a11ce000-0000-4000-8000-000000000001";
    const outsider = claims(harbourAdmin, "admin@harbour-aesthetics.test");

    expect(await onboarding.loadOnboarding(outsider, clinicId)).toBeNull();
    expect(
      await onboarding.saveClinicDetails(outsider, clinicId, {
        name: "Taken over",
        timezone: "Europe/Paris",
        frontDeskNumber: "+33142685300",
      }),
    ).toMatchObject({ ok: false });
    expect(await onboarding.confirmHours(outsider, clinicId)).toMatchObject({ ok: false });
    expect(
      await onboarding.saveClinicNumber(outsider, clinicId, { phoneNumber: uniqueNumber() }),
    ).toMatchObject({ ok: false });
    expect(await onboarding.connectClinicNumber(outsider, clinicId)).toMatchObject({
      ok: false,
      status: 403,
    });
    const cookie = await sessionCookie(harbourAdmin, "admin@harbour-aesthetics.test");
    expect((await checklist(clinicId, cookie)).status).toBe(403);
    const connect = await fetch(`${appUrl}/api/clinics/${clinicId}/onboarding/connect`, {
      method: "POST",
      headers: { cookie },
    });
    expect(connect.status).toBe(403);

    // In SQL, as the other clinic's admin: no rows to see, none to write.
    await asActor(db, { role: "authenticated", sub: harbourAdmin }, async () => {
      const seen = await db.query(
        "select count(*)::int as n from public.onboarding_steps where clinic_id = $1",
        [clinicId],
      );
      expect(seen.rows[0].n).toBe(0);
      const insert = await errorOf(
        db,
        "insert into public.onboarding_steps (clinic_id, step) values ($1, 'hours')",
        [clinicId],
      );
      expect(insert?.code).toBe("42501");
      const update = await db.query(
        "update public.clinics set phone_number = '+15570000001' where id = $1 returning id",
        [clinicId],
      );
      expect(update.rows).toEqual([]);
    });
    const after = await db.query("select name, phone_number from public.clinics where id = $1", [
      clinicId,
    ]);
    expect(after.rows[0]).toEqual({ name: "Private Clinic", phone_number: null });
    const steps = await db.query(
      "select step from public.onboarding_steps where clinic_id = $1 order by step",
      [clinicId],
    );
    expect(steps.rows).toEqual([{ step: "details" }]);
  });

  it("cannot be created by someone signed out (create_clinic needs a person)", async () => {
    const error = await asActor(db, { role: "anon" }, () =>
      errorOf(db, "select public.create_clinic('X', 'UTC', null)"),
    );
    expect(error?.code).toBe("42501");
  });
});
