import { randomUUID } from "node:crypto";
import type { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { SimulatedCall } from "@/lib/simulator/client";

import { addSlots, callTo, createClinic, localDate, type TestClinic } from "../helpers/clinic";
import { ownerClient } from "../helpers/db";
import { eventually, runWorker, textsTo } from "../helpers/follow-ups";

// Patients find, move and cancel their own appointments by phone (find_appointments,
// reschedule_appointment, cancel_appointment), through the real server. A clinic of this
// file's own: its diary is exactly the times added here, so nothing else takes or hides one.
let db: Client;
let clinic: TestClinic;
let day = "";
let day5 = "";

beforeAll(async () => {
  db = await ownerClient();
  clinic = await createClinic(db, { name: "Changes Clinic" });
  await addSlots(db, clinic, {
    day: 2,
    times: ["08:00", "08:30", "09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "12:00"],
  });
  await addSlots(db, clinic, { day: 3, times: ["08:00", "08:30", "09:00", "09:30", "10:00"] });
  await addSlots(db, clinic, { day: 5, times: ["09:00", "09:30", "10:00"] });
  day = await localDate(db, clinic, 2);
  day5 = await localDate(db, clinic, 5);
  await db.query("update public.clinics set cancellation_policy = $2 where id = $1", [
    clinic.id,
    "Please give us 48 hours' notice; later cancellations lose the deposit.",
  ]);
});
afterAll(async () => {
  await db.end();
});

const number = () => `+1557${String(Math.floor(1_000_000 + Math.random() * 8_999_999))}`;

async function liveCall(callerNumber: string) {
  const call = callTo(clinic, callerNumber);
  await call.status("in-progress");
  return call;
}

/** The slotId of the offer at clinic-local `time` on `date`, from check_availability on this call. */
async function offerAt(call: SimulatedCall, date: string, time: string): Promise<string> {
  const { result } = await call.tool("check_availability", { procedure: clinic.procedure, date });
  const slot = result!.slots.find((s) => s.start.startsWith(`${date}T${time}`));
  if (!slot)
    throw new Error(`no offer at ${date} ${time}: ${result!.slots.map((s) => s.start).join(", ")}`);
  return slot.slotId;
}

/** Books `time` on day 2 for `name` on a call from `phone`, as the assistant does; the booking id. */
async function book(phone: string, name: string, time: string, date = day): Promise<string> {
  const call = await liveCall(phone);
  const slotId = await offerAt(call, date, time);
  expect((await call.tool("hold_slot", { slotId })).result!.held).toBe(true);
  const booked = await call.tool("confirm_booking", { slotId, patientName: name });
  expect(booked.result!.booked).toBe(true);
  await call.end();
  return booked.result!.bookingId!;
}

const booking = async (id: string) =>
  (
    await db.query<{ status: string; starts_at: Date; practitioner_id: string }>(
      "select status, starts_at, practitioner_id from public.bookings where id = $1",
      [id],
    )
  ).rows[0]!;

const reservationsOf = async (id: string) =>
  (
    await db.query<{ starts_at: Date; kind: string }>(
      "select starts_at, kind from public.reservations where booking_id = $1",
      [id],
    )
  ).rows;

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

const localTime = (date: Date) =>
  new Intl.DateTimeFormat("en-GB", {
    timeZone: clinic.timezone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(date);

describe("find_appointments", () => {
  it("returns the caller's upcoming appointments only for their number and their full name", async () => {
    const phone = number();
    const id = await book(phone, "Jane Smith", "08:00");

    const call = await liveCall(phone);
    const found = (await call.tool("find_appointments", { patientName: "jane SMITH" })).result!;
    expect(found.appointments).toEqual([
      {
        appointmentId: id,
        start: expect.stringMatching(new RegExp(`^${day}T08:00:00-0[45]:00$`)),
        end: expect.stringMatching(new RegExp(`^${day}T08:30:00-0[45]:00$`)),
        practitioner: "Dr Test 1",
        procedure: "Skin consultation",
        label: expect.stringMatching(/ at 8:00 AM with Dr Test 1$/),
        status: "pending",
      },
    ]);
    expect(found.callerFirstName).toBe("Jane");
    expect(found.cancellationPolicy).toMatch(/48 hours/);

    // A first name alone, another name, or the right name from another number: nothing read out.
    for (const [from, patientName] of [
      [phone, "Jane"],
      [phone, "Janet Smith"],
      [number(), "Jane Smith"],
    ] as const) {
      const other = await liveCall(from);
      const result = (await other.tool("find_appointments", { patientName })).result!;
      expect(result.appointments).toEqual([]);
      expect(result.manageLinkOffered).toBe(true);
      expect(JSON.stringify(result)).not.toMatch(/08:00|Dr Test|Skin/);
    }
  });

  it("texts a manage link to the number on file, never to the caller, and says the same either way", async () => {
    const onFile = number();
    const id = await book(onFile, "Priya Kaur", "08:30");
    const stranger = number();
    const call = await liveCall(stranger);
    const asked = (
      await call.tool("find_appointments", { patientName: "Priya Kaur", sendManageLink: true })
    ).result!;
    expect(asked).toMatchObject({ appointments: [], manageLinkSent: true });
    const nobody = (
      await call.tool("find_appointments", { patientName: "Nobody Here", sendManageLink: true })
    ).result!;
    expect(nobody.note).toBe(asked.note);

    // The manage-link texts, planned in the call's transaction and sent once by the worker
    // (the appointment's own confirmation is another kind and not counted here).
    const manageTexts = () =>
      db.query<{ to_number: string; body: string }>(
        `select m.to_number, m.body from public.sms_messages m
           join public.appointment_texts t on t.id = m.appointment_text_id
          where m.clinic_id = $1 and m.to_number = any($2::text[]) and t.kind = 'call_manage_link'`,
        [clinic.id, [onFile, stranger]],
      );
    const texts = await eventually(manageTexts, (result) => result.rows.length > 0);
    await runWorker();
    expect((await manageTexts()).rows).toHaveLength(1);
    expect(texts.rows).toHaveLength(1);
    expect(texts.rows[0]!.to_number).toBe(onFile);
    // Stored with the link's token masked (only its hash is kept); the text sent carried it.
    expect(texts.rows[0]!.body).toMatch(/\/m\/\[private link\]/);
    expect(texts.rows[0]!.body).not.toMatch(/\/m\/[A-Za-z0-9_-]{22}/);
    const manageLink = /\/m\/([A-Za-z0-9_-]{22})(?!\/calendar)/;
    const sent = (await textsTo(onFile)).filter((text) => manageLink.test(text.body));
    expect(sent).toHaveLength(1);
    const token = sent[0]!.body.match(manageLink)![1]!;
    // No name, time or practitioner in the text: only the link.
    expect(texts.rows[0]!.body).not.toMatch(/Priya|Kaur|Dr Test|8:30/);
    const links = await db.query<{ booking_id: string }>(
      // The confirmation's calendar link is a link of its own (purpose 'calendar').
      "select booking_id from public.appointment_links where booking_id = $1 and purpose = 'manage'",
      [id],
    );
    expect(links.rows).toHaveLength(1);
    expect(token).toHaveLength(22);
  });

  it("refuses a missing or overlong name as invalid arguments", async () => {
    const call = await liveCall(number());
    expect((await call.tool("find_appointments", {})).error).toMatch(/Invalid arguments/);
    expect((await call.tool("find_appointments", { patientName: "x".repeat(121) })).error).toMatch(
      /too long/,
    );
  });
});

describe("identify_caller", () => {
  const callerName = async (vapiCallId: string) =>
    (
      await db.query<{ caller_name: string | null }>(
        "select caller_name from public.calls where vapi_call_id = $1",
        [vapiCallId],
      )
    ).rows[0]!.caller_name;

  it("recognises a returning caller by number and the name they give, and only then", async () => {
    const phone = number();
    await book(phone, "Dr Amara Okafor", "09:00", day5);

    const call = await liveCall(phone);
    const known = (await call.tool("identify_caller", { patientName: "amara okafor" })).result!;
    expect(known).toMatchObject({
      recognised: true,
      firstName: "Amara",
      upcomingAppointments: 1,
      previousVisits: 0,
    });
    expect(known.note).toMatch(/find_appointments/);
    // Counts and a first name, never an appointment's details.
    expect(JSON.stringify(known)).not.toMatch(/09:00|9:00|Dr Test|Skin/);
    expect(await callerName(call.id)).toBe("amara okafor");

    // The same name from another number, another name from this number, a first name alone,
    // and a call with no number: not recognised, and the answer says nothing about the number.
    const unknownCalls = [
      [number(), "Amara Okafor"],
      [phone, "Someone Else"],
      [phone, "Amara"],
    ] as const;
    const notes = new Set<string>();
    for (const [from, patientName] of unknownCalls) {
      const other = await liveCall(from);
      const result = (await other.tool("identify_caller", { patientName })).result!;
      expect(result).toEqual({ recognised: false, note: expect.any(String) });
      notes.add(result.note);
    }
    expect(notes.size).toBe(1);
  });

  it("recognises each member of a household sharing a phone, each by their own name only", async () => {
    const phone = number();
    await book(phone, "Lena Fischer", "09:30", day5);
    await book(phone, "Max Fischer", "10:00", day5);
    // Max came and went: the lifecycle one step at a time, as the front desk marks it.
    for (const status of ["confirmed", "arrived", "completed"])
      await db.query(
        "update public.bookings set status = $3 where clinic_id = $1 and patient_phone = $2 and patient_name = 'Max Fischer'",
        [clinic.id, phone, status],
      );

    const call = await liveCall(phone);
    const max = (await call.tool("identify_caller", { patientName: "Max Fischer" })).result!;
    expect(max).toMatchObject({
      recognised: true,
      firstName: "Max",
      upcomingAppointments: 0,
      previousVisits: 1,
    });
    expect(JSON.stringify(max)).not.toMatch(/Lena/);
    const lena = (
      await (await liveCall(phone)).tool("identify_caller", { patientName: "Lena Fischer" })
    ).result!;
    expect(lena).toMatchObject({ recognised: true, firstName: "Lena", upcomingAppointments: 1 });
  });

  it("refuses a missing name as invalid arguments and records nothing", async () => {
    const call = await liveCall(number());
    expect((await call.tool("identify_caller", {})).error).toMatch(/Invalid arguments/);
    expect(await callerName(call.id)).toBeNull();
  });
});

describe("reschedule_appointment", () => {
  it("moves the appointment to an offered time in one step and frees the old time", async () => {
    const phone = number();
    const id = await book(phone, "Ava Jones", "09:00");
    const call = await liveCall(phone);
    const [mine] = (await call.tool("find_appointments", { patientName: "Ava Jones" })).result!
      .appointments;
    const slotId = await offerAt(call, day, "11:00");
    const moved = (
      await call.tool("reschedule_appointment", { appointmentId: mine!.appointmentId, slotId })
    ).result!;
    expect(moved).toMatchObject({
      rescheduled: true,
      appointmentId: id,
      start: expect.stringMatching(new RegExp(`^${day}T11:00:00`)),
      end: expect.stringMatching(new RegExp(`^${day}T11:30:00`)),
    });
    const row = await booking(id);
    expect(localTime(row.starts_at)).toBe("11:00");
    expect(row.status).toBe("pending");
    const held = await reservationsOf(id);
    expect(held).toHaveLength(1);
    expect(localTime(held[0]!.starts_at)).toBe("11:00");
    // 09:00 is offered again: the old time is free.
    const again = (
      await call.tool("check_availability", { procedure: clinic.procedure, date: day })
    ).result!.slots;
    expect(again.some((s) => s.start.startsWith(`${day}T09:00`))).toBe(true);
    expect(again.some((s) => s.start.startsWith(`${day}T11:00`))).toBe(false);
    const events = await db.query(
      "select 1 from public.call_events e join public.calls c on c.id = e.call_id where c.vapi_call_id = $1 and e.event = 'booking.rescheduled'",
      [call.id],
    );
    expect(events.rowCount).toBe(1);
    expect(await doubleBookings()).toBe(0);
  });

  it("takes the time the caller held on this call", async () => {
    const phone = number();
    const id = await book(phone, "Held Person", "08:00", await localDate(db, clinic, 3));
    const call = await liveCall(phone);
    const slotId = await offerAt(call, await localDate(db, clinic, 3), "10:00");
    expect((await call.tool("hold_slot", { slotId })).result!.held).toBe(true);
    const moved = (await call.tool("reschedule_appointment", { appointmentId: id, slotId }))
      .result!;
    expect(moved.rescheduled).toBe(true);
    const holds = await db.query(
      "select 1 from public.reservations r join public.calls c on c.id = r.call_id where c.vapi_call_id = $1 and r.kind = 'hold'",
      [call.id],
    );
    expect(holds.rowCount).toBe(0);
    expect(await doubleBookings()).toBe(0);
  });

  it("refuses unknown and foreign appointments, foreign slots and a taken time, changing nothing", async () => {
    const phone = number();
    const id = await book(phone, "Zoe Ng", "09:30");
    const otherPhone = number();
    const foreign = await book(otherPhone, "Sam Hill", "10:00");
    const before = await booking(id);
    const foreignBefore = await booking(foreign);

    const call = await liveCall(phone);
    const slotId = await offerAt(call, day, "12:00");
    const refusals = [
      [{ appointmentId: randomUUID(), slotId }, "not_found", /not one of the caller's/],
      [{ appointmentId: foreign, slotId }, "not_found", /not one of the caller's/],
    ] as const;
    for (const [args] of refusals) {
      const result = (await call.tool("reschedule_appointment", args)).result!;
      expect(result.rescheduled).toBe(false);
      expect(result.reason).toMatch(/not one of the caller's/);
    }
    // A slotId offered to another call.
    const otherCall = await liveCall(otherPhone);
    const theirSlot = await offerAt(otherCall, day, "12:00");
    const wrongSlot = (
      await call.tool("reschedule_appointment", { appointmentId: id, slotId: theirSlot })
    ).result!;
    expect(wrongSlot).toMatchObject({ rescheduled: false });
    expect(wrongSlot.reason).toMatch(/not a time offered on this call/);
    // A time someone else booked after it was offered: taken, with alternatives.
    const taken = await offerAt(call, day, "11:30");
    await book(number(), "Quick Booker", "11:30");
    const refused = (
      await call.tool("reschedule_appointment", { appointmentId: id, slotId: taken })
    ).result!;
    expect(refused).toMatchObject({ rescheduled: false });
    expect(refused.reason).toMatch(/just taken/);
    expect(refused.alternatives!.length).toBeGreaterThan(0);
    expect(refused.alternatives!.some((s) => s.start.startsWith(`${day}T11:30`))).toBe(false);
    // Malformed ids never reach the database.
    expect(
      (await call.tool("reschedule_appointment", { appointmentId: "12", slotId })).error,
    ).toMatch(/appointmentId must be/);

    expect(await booking(id)).toEqual(before);
    expect(await booking(foreign)).toEqual(foreignBefore);
    expect(await reservationsOf(id)).toHaveLength(1);
    expect(await doubleBookings()).toBe(0);
  });

  it("two reschedules of one appointment racing: one wins, the other is refused, never two times", async () => {
    const phone = number();
    const date = await localDate(db, clinic, 3);
    const id = await book(phone, "Race Patient", "08:30", date);
    const first = await liveCall(phone);
    const second = await liveCall(phone);
    const a = await offerAt(first, date, "09:00");
    const b = await offerAt(second, date, "09:30");
    const [ra, rb] = await Promise.all([
      first.tool("reschedule_appointment", { appointmentId: id, slotId: a }),
      second.tool("reschedule_appointment", { appointmentId: id, slotId: b }),
    ]);
    const outcomes = [ra.result!, rb.result!];
    expect(outcomes.filter((r) => r.rescheduled)).toHaveLength(1);
    const loser = outcomes.find((r) => !r.rescheduled)!;
    expect(loser.reason).toMatch(/changed a moment ago/);
    const winner = outcomes.find((r) => r.rescheduled)!;
    const row = await booking(id);
    expect(row.starts_at.toISOString()).toBe(new Date(winner.start!).toISOString());
    const held = await reservationsOf(id);
    expect(held).toHaveLength(1);
    expect(held[0]!.starts_at.toISOString()).toBe(row.starts_at.toISOString());
    expect(await doubleBookings()).toBe(0);
  });

  it("two patients racing for one time: one gets it, zero double bookings", async () => {
    const [p1, p2] = [number(), number()];
    // Fresh times on a later day, so the race is only for the time both are offered.
    await addSlots(db, clinic, { day: 4, times: ["08:00", "08:30", "09:00"] });
    const day4 = await localDate(db, clinic, 4);
    const id1 = await book(p1, "Racer One", "08:00", day4);
    const id2 = await book(p2, "Racer Two", "08:30", day4);
    const c1 = await liveCall(p1);
    const c2 = await liveCall(p2);
    const s1 = await offerAt(c1, day4, "09:00");
    const s2 = await offerAt(c2, day4, "09:00");
    const [r1, r2] = await Promise.all([
      c1.tool("reschedule_appointment", { appointmentId: id1, slotId: s1 }),
      c2.tool("reschedule_appointment", { appointmentId: id2, slotId: s2 }),
    ]);
    const results = [r1.result!, r2.result!];
    expect(results.filter((r) => r.rescheduled)).toHaveLength(1);
    expect(results.find((r) => !r.rescheduled)!.reason).toMatch(/just taken/);
    const times = [await booking(id1), await booking(id2)].map((r) => localTime(r.starts_at));
    expect(times.sort()).toEqual(times.includes("08:00") ? ["08:00", "09:00"] : ["08:30", "09:00"]);
    expect(await reservationsOf(id1)).toHaveLength(1);
    expect(await reservationsOf(id2)).toHaveLength(1);
    expect(await doubleBookings()).toBe(0);
  });
});

describe("cancel_appointment", () => {
  it("cancels the caller's own appointment, frees its time and cannot cancel twice", async () => {
    const phone = number();
    const id = await book(phone, "Cara Lee", "10:30");
    const stranger = await liveCall(number());
    const refused = (await stranger.tool("cancel_appointment", { appointmentId: id })).result!;
    expect(refused).toMatchObject({ cancelled: false });
    expect(refused.reason).toMatch(/not one of the caller's/);
    expect((await booking(id)).status).toBe("pending");

    const call = await liveCall(phone);
    const cancelled = (
      await call.tool("cancel_appointment", { appointmentId: id, reason: "feeling better" })
    ).result!;
    expect(cancelled).toEqual({ cancelled: true });
    const row = await db.query<{ status: string; cancel_reason: string }>(
      "select status, cancel_reason from public.bookings where id = $1",
      [id],
    );
    expect(row.rows[0]).toEqual({
      status: "cancelled",
      cancel_reason: "Cancelled by the patient on a call: feeling better",
    });
    expect(await reservationsOf(id)).toHaveLength(0);
    const again = (await call.tool("cancel_appointment", { appointmentId: id })).result!;
    expect(again).toMatchObject({ cancelled: false });
    expect(again.reason).toMatch(/can no longer be cancelled/);
    expect(
      (await call.tool("cancel_appointment", { appointmentId: randomUUID() })).result!.reason,
    ).toMatch(/not one of the caller's/);
    // It is no longer found.
    expect(
      (await call.tool("find_appointments", { patientName: "Cara Lee" })).result!.appointments,
    ).toEqual([]);
  });
});
