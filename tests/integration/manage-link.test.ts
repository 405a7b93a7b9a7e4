import { randomUUID } from "node:crypto";
import type { Client } from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { AppError } from "@/lib/api/errors";
import { getCancellationPolicy, saveCancellationPolicy } from "@/lib/appointments/policy";
import { cancelFromLink, openManagePage, rescheduleFromLink } from "@/lib/appointments/service";
import type { Claims } from "@/lib/auth/claims";
import { createManageLink } from "@/lib/db/manage-links";
import { closePool } from "@/lib/db/pool";
import { withService } from "@/lib/db/transaction";

import { addSlots, addStaff, createClinic, localDate, type TestClinic } from "../helpers/clinic";
import { claimsFor, ownerClient } from "../helpers/db";
import { AUTH_JWT_SECRET } from "./global-setup";

// The manage link page (/m/<token>): the page itself over HTTP (valid, tampered, expired and
// revoked links; no referrer), and what it does through its service (move to an offered time,
// cancel), including races. A clinic of this file's own, its diary exactly the times added here.
let db: Client;
let clinic: TestClinic;
let day = "";

beforeAll(async () => {
  // lib/db reads its configuration through lib/env: point it at the integration database.
  process.env.DATABASE_URL = inject("databaseUrl");
  process.env.AUTH_JWT_SECRET = AUTH_JWT_SECRET;
  db = await ownerClient();
  clinic = await createClinic(db, { name: "Manage Link Clinic" });
  await addSlots(db, clinic, {
    day: 2,
    times: ["08:00", "08:30", "09:00", "09:30", "10:00", "10:30", "11:00", "11:30"],
  });
  day = await localDate(db, clinic, 2);
  await db.query("update public.clinics set cancellation_policy = $2 where id = $1", [
    clinic.id,
    "24 hours' notice, please.",
  ]);
});
afterAll(async () => {
  await db.end();
  await closePool();
});

const number = () => `+1558${String(Math.floor(1_000_000 + Math.random() * 8_999_999))}`;

/** An appointment at clinic-local `time` on `date` (day 2), as staff would book it, with a manage link. */
async function appointment(name: string, time: string, date = day) {
  const { rows } = await db.query<{ id: string }>(
    `with b as (
       insert into public.bookings (clinic_id, procedure_id, patient_name, patient_phone, status, practitioner_id,
                                    appointment_type_id, starts_at, ends_at, source)
       values ($1, $2, $3, $4, 'confirmed', $5, $6, ($7::date + $8::time) at time zone $9,
               ($7::date + $8::time) at time zone $9 + interval '30 minutes', 'staff')
       returning id, clinic_id, practitioner_id, starts_at, ends_at)
     insert into public.reservations (clinic_id, kind, practitioner_id, starts_at, ends_at, occupied, booking_id)
     select clinic_id, 'appointment', practitioner_id, starts_at, ends_at, tstzrange(starts_at, ends_at), id from b
     returning booking_id as id`,
    [
      clinic.id,
      clinic.procedureId,
      name,
      number(),
      clinic.practitionerIds[0],
      clinic.typeId,
      date,
      time,
      clinic.timezone,
    ],
  );
  const id = rows[0]!.id;
  const token = await withService((tx) =>
    createManageLink(tx, { clinicId: clinic.id, bookingId: id }),
  );
  return { id, token };
}

const booking = async (id: string) =>
  (
    await db.query<{ status: string; starts_at: Date; updated_at: Date }>(
      "select status, starts_at, updated_at from public.bookings where id = $1",
      [id],
    )
  ).rows[0]!;
const reservationsOf = async (id: string) =>
  (
    await db.query<{ starts_at: Date }>(
      "select starts_at from public.reservations where booking_id = $1",
      [id],
    )
  ).rows;
const doubleBookings = async () =>
  (
    await db.query<{ n: number }>(
      `select count(*)::int as n from public.reservations a join public.reservations b
         on a.id < b.id and a.occupied && b.occupied and a.practitioner_id = b.practitioner_id
       where a.clinic_id = $1`,
      [clinic.id],
    )
  ).rows[0]!.n;
const localTime = (date: Date | string) =>
  new Intl.DateTimeFormat("en-GB", {
    timeZone: clinic.timezone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(new Date(date));

async function page(token: string) {
  const response = await fetch(`${inject("appUrl")}/m/${token}`, { redirect: "manual" });
  return { status: response.status, html: await response.text() };
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as Error).message;
  }
  throw new Error("expected a refusal");
}

describe("the page", () => {
  it("shows a valid link's appointment without signing in, with no referrer", async () => {
    const { token } = await appointment("Lena Fischer", "08:00");
    const shown = await page(token);
    expect(shown.status).toBe(200);
    expect(shown.html).toContain('<meta name="referrer" content="no-referrer"/>');
    expect(shown.html).toContain("noindex");
    expect(shown.html).toContain("Lena, your appointment");
    expect(shown.html).toContain("8:00 AM");
    expect(shown.html).toContain("Change time");
    // Only the first name, never the full name or the number.
    expect(shown.html).not.toContain("Fischer");
    const opened = await db.query<{ open_count: number }>(
      "select open_count from public.appointment_links where token_hash = encode(sha256(convert_to($1, 'utf8')), 'hex')",
      [token],
    );
    expect(opened.rows[0]!.open_count).toBe(1);
  });

  it("answers tampered, unknown, expired and revoked links with a friendly page and nothing about the patient", async () => {
    const { id, token } = await appointment("Omar Haddad", "08:30");
    const tampered = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    for (const bad of [tampered, "short", "x".repeat(200), "%00"]) {
      const shown = await page(bad);
      expect(shown.status).toBeLessThan(500);
      expect(shown.html).not.toContain("Omar");
      if (shown.status === 200) expect(shown.html).toContain("We couldn&#x27;t find that link");
    }
    await db.query(
      "update public.appointment_links set expires_at = now() - interval '1 minute' where booking_id = $1",
      [id],
    );
    const expired = await page(token);
    expect(expired.html).toContain("This link has expired");
    expect(expired.html).not.toContain("Omar");
    expect(await refusal(cancelFromLink(token, undefined))).toMatch(/expired or is no longer/);
    expect((await booking(id)).status).toBe("confirmed");
  });
});

describe("moving and cancelling", () => {
  it("offers real availability and moves the appointment in one step, freeing the old time", async () => {
    const { id, token } = await appointment("Nia Brown", "09:00");
    const opened = await openManagePage(token);
    if (opened.status !== "ok") throw new Error(opened.status);
    expect(opened.changeable).toBe(true);
    expect(opened.clinic.cancellationPolicy).toBe("24 hours' notice, please.");
    const offered = opened.times.map((time) => localTime(time.start));
    // Free times of the day; taken ones (08:00, 08:30 above) and its own are not offered.
    expect(offered).toEqual(expect.arrayContaining(["09:30", "10:00", "10:30", "11:00", "11:30"]));
    expect(offered).not.toContain("09:00");
    const target = opened.times.find((time) => localTime(time.start) === "10:00")!;
    const moved = await rescheduleFromLink(token, target.offerId);
    expect(localTime(moved.start)).toBe("10:00");
    expect(localTime((await booking(id)).starts_at)).toBe("10:00");
    const held = await reservationsOf(id);
    expect(held.map((r) => localTime(r.starts_at))).toEqual(["10:00"]);
    // The same offer again: refused (the appointment changed since it was offered).
    expect(await refusal(rescheduleFromLink(token, target.offerId))).toMatch(
      /no longer on offer|changed a moment ago/,
    );
    // Opened again: 09:00 is free again and offered.
    const again = await openManagePage(token);
    if (again.status !== "ok") throw new Error(again.status);
    expect(again.times.map((time) => localTime(time.start))).toContain("09:00");
    expect(await doubleBookings()).toBe(0);
  });

  it("refuses another link's offer, a random offer and a taken time, changing nothing", async () => {
    const a = await appointment("Ivy Chen", "09:30");
    const b = await appointment("Tom Ward", "11:00");
    const openedA = await openManagePage(a.token);
    const openedB = await openManagePage(b.token);
    if (openedA.status !== "ok" || openedB.status !== "ok") throw new Error("not ok");
    const before = await booking(a.id);
    expect(await refusal(rescheduleFromLink(a.token, openedB.times[0]!.offerId))).toMatch(
      /no longer on offer/,
    );
    expect(await refusal(rescheduleFromLink(a.token, randomUUID()))).toMatch(/no longer on offer/);
    // B takes 11:30 first; A's offer of 11:30 is then refused as taken.
    const b1130 = openedB.times.find((t) => localTime(t.start) === "11:30")!;
    const a1130 = openedA.times.find((t) => localTime(t.start) === "11:30")!;
    await rescheduleFromLink(b.token, b1130.offerId);
    expect(await refusal(rescheduleFromLink(a.token, a1130.offerId))).toMatch(/just booked/);
    expect(await booking(a.id)).toEqual(before);
    expect((await reservationsOf(a.id)).map((r) => localTime(r.starts_at))).toEqual(["09:30"]);
    expect(await doubleBookings()).toBe(0);
  });

  it("two moves of one appointment racing (two tabs): one wins, it has exactly one time", async () => {
    await addSlots(db, clinic, { day: 5, times: ["08:00", "08:30", "09:00", "09:30"] });
    const { id, token } = await appointment("Race Tabs", "10:30");
    const first = await openManagePage(token);
    const second = await openManagePage(token);
    if (first.status !== "ok" || second.status !== "ok") throw new Error("not ok");
    const pick = (times: typeof first.times, index: number) => times[index]!.offerId;
    const results = await Promise.allSettled([
      rescheduleFromLink(token, pick(first.times, 0)),
      rescheduleFromLink(token, pick(second.times, 1)),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(lost.reason).toBeInstanceOf(AppError);
    expect((lost.reason as Error).message).toMatch(/changed a moment ago|no longer on offer/);
    const won = (results.find((r) => r.status === "fulfilled") as PromiseFulfilledResult<{
      start: string;
    }>)!.value;
    expect((await booking(id)).starts_at.toISOString()).toBe(won.start);
    expect(await reservationsOf(id)).toHaveLength(1);
    expect(await doubleBookings()).toBe(0);
  });

  it("many patients racing for one time: one gets it, zero double bookings", async () => {
    await addSlots(db, clinic, { day: 6, times: ["08:00", "08:30", "09:00", "09:30", "10:00"] });
    const day6 = await localDate(db, clinic, 6);
    const { rows } = await db.query<{ at: Date }>(
      "select ($1::date + time '10:00') at time zone $2 as at",
      [day6, clinic.timezone],
    );
    const ten = rows[0]!.at.toISOString();
    const racers = [];
    for (const [index, time] of ["08:00", "08:30", "09:00", "09:30"].entries()) {
      const { id, token } = await appointment(`Racer ${index}`, time, day6);
      const opened = await openManagePage(token);
      if (opened.status !== "ok") throw new Error(opened.status);
      const offer = opened.times.find((t) => t.start === ten);
      if (!offer) throw new Error(`10:00 on ${day6} not offered`);
      racers.push({ id, token, offerId: offer.offerId });
    }
    const results = await Promise.allSettled(
      racers.map((racer) => rescheduleFromLink(racer.token, racer.offerId)),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected"))
      expect(((r as PromiseRejectedResult).reason as Error).message).toMatch(/just booked/);
    for (const racer of racers) expect(await reservationsOf(racer.id)).toHaveLength(1);
    expect(await doubleBookings()).toBe(0);
  });

  it("cancels with the patient's reason, frees the time and withdraws the link", async () => {
    const { id, token } = await appointment("Ruth Adler", "13:00");
    await cancelFromLink(token, "moving away");
    const row = await db.query<{ status: string; cancel_reason: string }>(
      "select status, cancel_reason from public.bookings where id = $1",
      [id],
    );
    expect(row.rows[0]).toEqual({
      status: "cancelled",
      cancel_reason: "Cancelled by the patient on the manage link: moving away",
    });
    expect(await reservationsOf(id)).toHaveLength(0);
    expect((await page(token)).html).toContain("This link is no longer active");
    expect(await refusal(cancelFromLink(token, undefined))).toMatch(/no longer active/);
  });
});

describe("the cancellation policy", () => {
  it("admins set it (audited), receptionists and other clinics' staff cannot, and the page shows it", async () => {
    const other = await createClinic(db, { name: "Other Policy Clinic" });
    const member = (sub: string): Claims => ({ ...claimsFor(sub), role: "authenticated" });
    const admin = member(await addStaff(db, [{ clinic, role: "admin" }]));
    const receptionist = member(await addStaff(db, [{ clinic, role: "receptionist" }]));
    const stranger = member(await addStaff(db, [{ clinic: other, role: "admin" }]));
    expect(
      await saveCancellationPolicy(admin, clinic.id, "48 hours, or the deposit is kept."),
    ).toBe(true);
    expect(await saveCancellationPolicy(receptionist, clinic.id, "Anything goes.")).toBe(false);
    expect(await saveCancellationPolicy(stranger, clinic.id, "Anything goes.")).toBe(false);
    expect(await getCancellationPolicy(receptionist, clinic.id)).toBe(
      "48 hours, or the deposit is kept.",
    );
    expect(await getCancellationPolicy(stranger, clinic.id)).toBeNull();
    const audit = await db.query(
      "select 1 from public.audit_log where table_name = 'clinics' and row_id = $1 and changes ? 'cancellation_policy'",
      [clinic.id],
    );
    expect(audit.rowCount).toBeGreaterThan(0);
    // Too long for Voxanne to read out: refused by the database too.
    await expect(saveCancellationPolicy(admin, clinic.id, "x".repeat(601))).rejects.toThrow();
    const { token } = await appointment("Policy Reader", "13:30");
    const opened = await openManagePage(token);
    if (opened.status !== "ok") throw new Error(opened.status);
    expect(opened.clinic.cancellationPolicy).toBe("48 hours, or the deposit is kept.");
  });
});
