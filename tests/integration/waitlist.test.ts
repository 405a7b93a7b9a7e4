import type { Client } from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { AppError } from "@/lib/api/errors";
import {
  openManagePage,
  rescheduleFromLink,
  setWaitlistFromLink,
} from "@/lib/appointments/service";
import { createManageLink } from "@/lib/db/manage-links";
import { patientAppointments } from "@/lib/db/patient-page";
import { closePool } from "@/lib/db/pool";
import { withService } from "@/lib/db/transaction";

import { addSlots, callTo, createClinic, localDate, type TestClinic } from "../helpers/clinic";
import { ownerClient } from "../helpers/db";
import { eventually, textsTo } from "../helpers/follow-ups";
import { AUTH_JWT_SECRET } from "./global-setup";

// The waitlist through the real server, its worker and the Twilio double: patients join by phone
// (join_waitlist) or on their manage page; a freed time is texted to the first three waiting in
// the order they joined; the first to take it on their page has it, the others are refused and
// nothing is double-booked; the winner's old time is offered on in turn. A clinic of this file's
// own, its diary exactly the times added here.
let db: Client;
let clinic: TestClinic;
let day2 = "";
let day3 = "";

beforeAll(async () => {
  // The manage page's service runs in this process: point lib/db at the integration database.
  process.env.DATABASE_URL = inject("databaseUrl");
  process.env.AUTH_JWT_SECRET = AUTH_JWT_SECRET;
  db = await ownerClient();
  clinic = await createClinic(db, { name: "Waitlist Clinic" });
  await addSlots(db, clinic, { day: 2, times: ["08:00", "08:30", "09:00", "09:30", "10:00"] });
  await addSlots(db, clinic, {
    day: 3,
    times: ["08:00", "08:30", "09:00", "09:30", "10:00", "10:30", "11:00", "11:30"],
  });
  day2 = await localDate(db, clinic, 2);
  day3 = await localDate(db, clinic, 3);
});
afterAll(async () => {
  await db.end();
  await closePool();
});

const number = () => `+1559${String(Math.floor(1_000_000 + Math.random() * 8_999_999))}`;

/** An appointment at clinic-local `time` on `date` for `name` at `phone`, as the front desk books it. */
async function book(phone: string, name: string, date: string, time: string): Promise<string> {
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
      phone,
      clinic.practitionerIds[0],
      clinic.typeId,
      date,
      time,
      clinic.timezone,
    ],
  );
  return rows[0]!.id;
}

/** join_waitlist on a call from `phone`. */
async function joinByPhone(phone: string, appointmentId: string) {
  const call = callTo(clinic, phone);
  await call.status("in-progress");
  const answer = (await call.tool("join_waitlist", { appointmentId })).result!;
  await call.end();
  return answer;
}

const entries = async (bookingId: string) =>
  (
    await db.query<{ status: string; source: string }>(
      "select status, source from public.waitlist_entries where booking_id = $1 order by created_at",
      [bookingId],
    )
  ).rows;

const offersOf = async (openingId: string) =>
  (
    await db.query<{
      to_number: string;
      status: string;
      skip_reason: string | null;
      body: string | null;
    }>(
      `select t.to_number, t.status, t.skip_reason, m.body from public.appointment_texts t
         left join public.sms_messages m on m.appointment_text_id = t.id
        where t.waitlist_opening_id = $1 order by t.to_number`,
      [openingId],
    )
  ).rows;

const openingsFreedBy = async (bookingId: string) =>
  (
    await db.query<{ id: string; offered: number; taken_by: string | null; starts_at: Date }>(
      "select id, offered, taken_by, starts_at from public.waitlist_openings where freed_booking_id = $1",
      [bookingId],
    )
  ).rows;

const startOf = async (bookingId: string) =>
  (
    await db.query<{ starts_at: Date }>("select starts_at from public.bookings where id = $1", [
      bookingId,
    ])
  ).rows[0]!.starts_at;

/** Live reservations of this clinic overlapping on a practitioner or resource: always 0. */
const doubleBookings = async () =>
  (
    await db.query<{ n: number }>(
      `select count(*)::int as n from public.reservations a join public.reservations b
         on a.id < b.id and a.occupied && b.occupied
        and (a.practitioner_id = b.practitioner_id or a.resource_id = b.resource_id)
       where a.clinic_id = $1 and (a.kind <> 'hold' or a.held_until > now()) and (b.kind <> 'hold' or b.held_until > now())`,
      [clinic.id],
    )
  ).rows[0]!.n;

/** The manage link texted with an offer: its token. */
const tokenIn = (body: string) => /\/m\/([A-Za-z0-9_-]{22})/.exec(body)![1]!;

describe("the waitlist", () => {
  it("a caller puts their own appointment on it, once; anyone else's is refused", async () => {
    const phone = number();
    const id = await book(phone, "Wendy Early", day3, "11:30");
    expect(await joinByPhone(phone, id)).toMatchObject({ waitlisted: true });
    expect(await joinByPhone(phone, id)).toMatchObject({ waitlisted: true });
    expect(await entries(id)).toEqual([{ status: "waiting", source: "call" }]);
    // Staff see it on the patient's page.
    const shown = async () => {
      const { rows } = await db.query<{ patient_id: string }>(
        "select patient_id from public.bookings where id = $1",
        [id],
      );
      const list = await withService((tx) =>
        patientAppointments(tx, clinic.id, rows[0]!.patient_id),
      );
      return list.find((appointment) => appointment.id === id)!.waiting;
    };
    expect(await shown()).toBe(true);

    const stranger = await joinByPhone(number(), id);
    expect(stranger).toMatchObject({ waitlisted: false, reason: expect.stringMatching(/not one/) });
    expect(await entries(id)).toHaveLength(1);

    // Cancelled: its waiting is over.
    await db.query(
      "update public.bookings set status = 'cancelled', cancel_reason = 'Cancelled by the front desk.' where id = $1",
      [id],
    );
    expect(await entries(id)).toEqual([{ status: "closed", source: "call" }]);
    expect(await shown()).toBe(false);
  });

  it("texts a freed time to the first three waiting, in the order they joined; the first to take it gets it", async () => {
    const freer = number();
    const freed = await book(freer, "Fred Cancel", day2, "08:00");
    const waiters = [number(), number(), number(), number()];
    const ids: string[] = [];
    for (const [index, phone] of waiters.entries())
      ids.push(
        await book(
          phone,
          `Waiter ${"ABCD"[index]} Patient`,
          day3,
          ["08:00", "08:30", "09:00", "09:30"][index]!,
        ),
      );
    for (const [index, phone] of waiters.entries())
      expect(await joinByPhone(phone, ids[index]!)).toMatchObject({ waitlisted: true });

    // Cancelled on a call: the time is an opening, offered to the first three who joined.
    const call = callTo(clinic, freer);
    await call.status("in-progress");
    expect((await call.tool("cancel_appointment", { appointmentId: freed })).result).toEqual({
      cancelled: true,
    });
    await call.end();
    const [opening] = await openingsFreedBy(freed);
    expect(opening).toMatchObject({ offered: 3, taken_by: null });
    const offered = await eventually(
      () => offersOf(opening!.id),
      (rows) => rows.length === 3 && rows.every((row) => row.status === "sent"),
    );
    expect(offered.map((row) => row.to_number)).toEqual(waiters.slice(0, 3).sort());
    for (const row of offered) {
      expect(row.body).toMatch(/an earlier time has come up at Waitlist Clinic/);
      expect(row.body).toMatch(/first to take it/);
    }
    // The log keeps the link masked (only its hash is stored); the text Twilio sent carries it.
    for (const row of offered) expect(row.body).toMatch(/\/m\/\[private link\]/);
    const sent = new Map<string, string>();
    for (const phone of waiters.slice(0, 3)) {
      const offers = (await textsTo(phone)).filter((text) =>
        /an earlier time has come up/.test(text.body),
      );
      expect(offers).toHaveLength(1);
      sent.set(phone, tokenIn(offers[0]!.body));
    }
    const tokenOf = (phone: string) => sent.get(phone)!;

    // Each page shows the earlier time first; two of them take it at once.
    const pages = await Promise.all(
      waiters.slice(0, 2).map((phone) => openManagePage(tokenOf(phone))),
    );
    const earlier = pages.map((page) => {
      if (page.status !== "ok") throw new Error(page.status);
      expect(page.waiting).toBe(true);
      expect(page.earlier).toHaveLength(1);
      expect(page.earlier[0]!.start).toBe(opening!.starts_at.toISOString());
      return page.earlier[0]!;
    });
    const outcomes = await Promise.allSettled(
      waiters
        .slice(0, 2)
        .map((phone, index) => rescheduleFromLink(tokenOf(phone), earlier[index]!.offerId)),
    );
    const won = outcomes.findIndex((outcome) => outcome.status === "fulfilled");
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const lost = outcomes[1 - won] as PromiseRejectedResult;
    expect(lost.reason).toBeInstanceOf(AppError);
    expect((lost.reason as AppError).message).toMatch(/just booked that time/);
    expect(await doubleBookings()).toBe(0);

    const winner = ids[won]!;
    expect((await startOf(winner)).toISOString()).toBe(opening!.starts_at.toISOString());
    expect((await openingsFreedBy(freed))[0]!.taken_by).toBe(winner);
    expect((await entries(winner)).at(-1)!.status).toBe("moved");
    // The other still waits, and its page no longer offers the time that went.
    const loser = ids[1 - won]!;
    expect((await entries(loser)).at(-1)!.status).toBe("waiting");
    const again = await openManagePage(tokenOf(waiters[1 - won]!));
    expect(again.status === "ok" && again.earlier).toEqual([]);

    // The winner's old time is an opening in turn, offered to those still waiting with a later appointment.
    const [next] = await openingsFreedBy(winner);
    expect(next).toBeDefined();
    const laterWaiting = (
      await db.query<{ patient_phone: string }>(
        `select b.patient_phone from public.waitlist_entries e join public.bookings b on b.id = e.booking_id
          where e.clinic_id = $1 and e.status = 'waiting' and b.starts_at > $2 order by e.created_at limit 3`,
        [clinic.id, next!.starts_at],
      )
    ).rows.map((row) => row.patient_phone);
    expect(laterWaiting.length).toBeGreaterThan(0);
    expect(next!.offered).toBe(laterWaiting.length);
    expect((await offersOf(next!.id)).map((row) => row.to_number)).toEqual(laterWaiting.sort());
    expect(laterWaiting).not.toContain(waiters[won]);
  });

  it("does not text a freed time that was taken before the text went", async () => {
    const waiter = number();
    const waiting = await book(waiter, "Tess Late", day3, "10:30");
    expect(await joinByPhone(waiter, waiting)).toMatchObject({ waitlisted: true });
    const gone = await book(number(), "Gina Gone", day2, "09:00");

    // Cancelled and the time booked again by the front desk in the same moment.
    await db.query("begin");
    await db.query(
      "update public.bookings set status = 'cancelled', cancel_reason = 'Cancelled by the front desk.' where id = $1",
      [gone],
    );
    await db.query(
      `insert into public.bookings (clinic_id, procedure_id, patient_name, patient_phone, status, practitioner_id,
                                    appointment_type_id, starts_at, ends_at, source)
       select clinic_id, procedure_id, 'Walk In', $2, 'confirmed', practitioner_id, appointment_type_id, starts_at, ends_at, 'staff'
         from public.bookings where id = $1`,
      [gone, number()],
    );
    await db.query(
      `insert into public.reservations (clinic_id, kind, practitioner_id, starts_at, ends_at, occupied, booking_id)
       select clinic_id, 'appointment', practitioner_id, starts_at, ends_at, tstzrange(starts_at, ends_at), id
         from public.bookings where clinic_id = $1 and patient_name = 'Walk In'`,
      [clinic.id],
    );
    await db.query("commit");

    // Offered to the first three waiting (Tess, or whoever joined before her), and texted to none.
    const [opening] = await openingsFreedBy(gone);
    expect(opening!.offered).toBeGreaterThan(0);
    const rows = await eventually(
      () => offersOf(opening!.id),
      (result) => result.every((row) => ["sent", "skipped", "failed"].includes(row.status)),
    );
    expect(rows).toHaveLength(opening!.offered);
    for (const row of rows) {
      expect(row).toMatchObject({ status: "skipped", body: null });
      expect(row.skip_reason).toMatch(/taken or has passed/);
    }
  });

  it("the manage page joins and leaves it; a cancelled appointment cannot wait", async () => {
    const phone = number();
    const id = await book(phone, "Lina Link", day3, "11:00");
    const token = await withService((tx) =>
      createManageLink(tx, { clinicId: clinic.id, bookingId: id }),
    );

    expect(await setWaitlistFromLink(token, true)).toEqual({ waiting: true });
    expect(await setWaitlistFromLink(token, true)).toEqual({ waiting: true });
    const page = await openManagePage(token);
    expect(page.status === "ok" && page.waiting).toBe(true);
    expect(await entries(id)).toEqual([{ status: "waiting", source: "link" }]);

    expect(await setWaitlistFromLink(token, false)).toEqual({ waiting: false });
    expect(await entries(id)).toEqual([{ status: "left", source: "link" }]);

    await db.query(
      "update public.bookings set status = 'cancelled', cancel_reason = 'Cancelled by the front desk.' where id = $1",
      [id],
    );
    await expect(setWaitlistFromLink(token, true)).rejects.toThrow(AppError);
    await expect(setWaitlistFromLink("x".repeat(22), true)).rejects.toThrow(AppError);
    expect(await entries(id)).toEqual([{ status: "left", source: "link" }]);
  });
});
