import type { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { addSlots, callTo, createClinic, localDate, type TestClinic } from "../helpers/clinic";
import { ownerClient } from "../helpers/db";
import { newCall, postRaw } from "../helpers/vapi";

let db: Client;
beforeAll(async () => {
  db = await ownerClient();
});
afterAll(async () => {
  await db.end();
});

async function liveCall(clinic?: TestClinic) {
  const call = clinic ? callTo(clinic) : newCall();
  await call.status("in-progress");
  return call;
}

describe("check_availability", () => {
  it("offers at most five times of the procedure's consultation, soonest first, in the clinic's time zone", async () => {
    const call = await liveCall();
    const { result } = await call.tool("check_availability", { procedure: "face lift" });
    const slots = result!.slots;
    expect(slots.length).toBe(5);
    expect(result!.timezone).toBe("America/New_York");
    expect(result!.appointmentType).toMatchObject({
      name: "Facelift consultation",
      kind: "consultation",
      durationMinutes: 60,
    });
    // Only the surgeons do facelift consultations, and each time is an hour long.
    for (const slot of slots) {
      expect(slot.practitioner).toMatch(/^Dr (Amara Okafor|James Whitfield)$/);
      expect(Date.parse(slot.end) - Date.parse(slot.start)).toBe(3_600_000);
    }
    const starts = slots.map((slot) => Date.parse(slot.start));
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    for (const slot of slots) {
      expect(slot.start).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00-0[45]:00$/);
      expect(slot.label).toMatch(/ at \d{1,2}:\d{2} (AM|PM) with Dr /);
    }
  });

  it("filters by day and part of day in clinic time", async () => {
    // Its own diary: Harbour's first free slot can be a Thursday-evening one (late in New York's
    // day), and that day has no afternoon left to filter for.
    const clinic = await createClinic(db);
    await addSlots(db, clinic, { day: 2, times: ["09:00", "11:30", "12:00", "16:30", "17:00"] });
    await addSlots(db, clinic, { day: 3, times: ["13:00"] });
    const call = await liveCall(clinic);
    const first = (await call.tool("check_availability", { procedure: clinic.procedure })).result!
      .slots[0]!;
    const day = first.start.slice(0, 10);
    expect(day).toBe(await localDate(db, clinic, 2));
    const afternoon = (
      await call.tool("check_availability", {
        procedure: clinic.procedure,
        date: day,
        partOfDay: "afternoon",
      })
    ).result!.slots;
    expect(afternoon.map((slot) => slot.start.slice(0, 16))).toEqual([
      `${day}T12:00`,
      `${day}T16:30`,
    ]);
    for (const slot of afternoon) {
      expect(slot.start.slice(0, 10)).toBe(day);
      expect(Number(slot.start.slice(11, 13))).toBeGreaterThanOrEqual(12);
      expect(Number(slot.start.slice(11, 13))).toBeLessThan(17);
    }
  });

  it("says so, and offers the next times, when a day is closed", async () => {
    const call = await liveCall();
    const { result } = await call.tool("check_availability", {
      procedure: "facelift",
      date: "2030-01-06",
    });
    expect(result!.note).toMatch(/next available/);
    expect(result!.slots.length).toBeGreaterThan(0);
  });

  it("asks which treatment when no procedure is given, and offers nothing", async () => {
    const call = await liveCall();
    const { result } = await call.tool("check_availability", { partOfDay: "morning" });
    expect(result!.slots).toEqual([]);
    expect(result!.note).toMatch(/which treatment/);
  });

  it("offers the consultation first when the treatment needs one, and only who does it, with its room", async () => {
    const call = await liveCall();
    const surgery = await call.tool("check_availability", {
      procedure: "facelift",
      kind: "surgery",
    });
    expect(surgery.result!.appointmentType).toMatchObject({ name: "Facelift consultation" });
    expect(surgery.result!.note).toMatch(/consultation first/);
    const injections = await call.tool("check_availability", {
      procedure: "anti-wrinkle injections",
    });
    expect(injections.result!.appointmentType).toMatchObject({
      name: "Anti-wrinkle injections",
      durationMinutes: 20,
    });
    expect(new Set(injections.result!.slots.map((slot) => slot.practitioner))).toEqual(
      new Set(["Nurse Chloe Bennett"]),
    );
    const hydra = await call.tool("check_availability", {
      procedure: "hydrafacial",
      practitioner: "Maya",
    });
    expect(hydra.result!.slots.length).toBeGreaterThan(0);
    expect(hydra.result!.slots.every((slot) => slot.practitioner === "Maya Lopez")).toBe(true);
    const offers = await db.query(
      "select distinct resource_id from public.slot_offers where id = any($1)",
      [hydra.result!.slots.map((slot) => slot.slotId)],
    );
    expect(offers.rows).toEqual([{ resource_id: "5e000000-0000-4000-8000-000000000001" }]);
  });

  it("excludes slots another call is holding", async () => {
    // Its own evening slots: Harbour has evenings on Thursdays only, and other files hold and book there.
    const clinic = await createClinic(db);
    const [, sibling] = await addSlots(db, clinic, { day: 2, times: ["17:00", "18:00"] });
    const holder = await liveCall(clinic);
    const target = (
      await holder.tool("check_availability", { procedure: clinic.procedure, partOfDay: "evening" })
    ).result!.slots[0]!;
    expect((await holder.tool("hold_slot", { slotId: target.slotId })).result!.held).toBe(true);
    const other = await liveCall(clinic);
    const seen = (
      await other.tool("check_availability", {
        procedure: clinic.procedure,
        date: target.start.slice(0, 10),
        partOfDay: "evening",
      })
    ).result!.slots;
    expect(seen.map((slot) => slot.start)).not.toContain(target.start);
    expect(seen.map((slot) => Date.parse(slot.start))).toEqual([sibling!.startsAt.getTime()]);
  });

  it("turns bad arguments into an error the assistant can recover from", async () => {
    const call = await liveCall();
    expect((await call.tool("check_availability", { date: "next tuesday" })).error).toMatch(
      /date must be YYYY-MM-DD/,
    );
    expect((await call.tool("check_availability", { partOfDay: "midnight" })).error).toMatch(
      /Invalid arguments/,
    );
    expect((await call.tool("teleport", {})).error).toMatch(/Unknown tool/);
  });

  it("accepts arguments as a JSON string, and reports a broken one", async () => {
    const call = await liveCall();
    const send = (args: string) =>
      postRaw(
        JSON.stringify({
          message: {
            type: "tool-calls",
            call: { id: call.id },
            phoneNumber: { number: "+15555550199" },
            toolCallList: [
              {
                id: `s-${args.length}`,
                type: "function",
                function: { name: "check_availability", arguments: args },
              },
            ],
          },
        }),
      );
    const ok = await send('{"procedure":"facelift"}');
    expect(
      JSON.parse((ok.json!.results as { result: string }[])[0]!.result).slots.length,
    ).toBeGreaterThan(0);
    const broken = await send('{"partOfDay":');
    expect(broken.status).toBe(200);
    expect((broken.json!.results as { error: string }[])[0]!.error).toMatch(/not valid JSON/);
  });
});

describe("hold_slot, confirm_booking, release_slot", () => {
  it("holds for 90 s, moves a call's hold when it picks another time, and books only what it holds", async () => {
    const call = await liveCall();
    const [a, b] = (await call.tool("check_availability", { procedure: "facelift" })).result!.slots;
    const hold = await call.tool("hold_slot", { slotId: a!.slotId });
    expect(hold.result).toMatchObject({ held: true, slotId: a!.slotId, holdSeconds: 90 });
    const seconds = (Date.parse(String(hold.result!.heldUntil)) - Date.now()) / 1000;
    expect(seconds).toBeGreaterThan(80);
    expect(seconds).toBeLessThanOrEqual(91);

    expect((await call.tool("hold_slot", { slotId: b!.slotId })).result!.held).toBe(true);
    const holds = await db.query(
      "select offer_id from public.reservations where kind = 'hold' and offer_id = any($1)",
      [[a!.slotId, b!.slotId]],
    );
    expect(holds.rows).toEqual([{ offer_id: b!.slotId }]);

    const wrong = await call.tool("confirm_booking", { slotId: a!.slotId, patientName: "Ann Lee" });
    expect(wrong.result).toMatchObject({
      booked: false,
      reason: expect.stringMatching(/not held/),
    });
    const booked = await call.tool("confirm_booking", {
      slotId: b!.slotId,
      patientName: "Ann Lee",
      patientPhone: "(555) 010-2030",
    });
    expect(booked.result).toMatchObject({ booked: true, slotId: b!.slotId });
    const booking = await db.query(
      `select b.patient_phone, b.status, b.source, t.name as type, r.kind, r.occupied @> tstzrange(b.starts_at, b.ends_at) as covers
         from public.bookings b join public.appointment_types t on t.id = b.appointment_type_id
         join public.reservations r on r.booking_id = b.id where b.id = $1`,
      [booked.result!.bookingId],
    );
    // Facelift consultations wait for staff (confirmation = staff); the hold became the appointment.
    expect(booking.rows[0]).toEqual({
      patient_phone: "5550102030",
      status: "pending",
      source: "assistant",
      type: "Facelift consultation",
      kind: "appointment",
      covers: true,
    });
  });

  it("refuses a time another call holds, offering alternatives, and another call's offer outright", async () => {
    const first = await liveCall();
    const second = await liveCall();
    const mine = (await first.tool("check_availability", { procedure: "facelift" })).result!
      .slots[0]!;
    const theirs = (await second.tool("check_availability", { procedure: "facelift" })).result!
      .slots;
    const same = theirs.find(
      (slot) => slot.start === mine.start && slot.practitioner === mine.practitioner,
    )!;
    expect(same).toBeDefined();
    expect(same.slotId).not.toBe(mine.slotId);
    await first.tool("hold_slot", { slotId: mine.slotId });
    const refused = await second.tool("hold_slot", { slotId: same.slotId });
    expect(refused.result).toMatchObject({
      held: false,
      reason: expect.stringMatching(/just taken/),
    });
    expect(refused.result!.alternatives!.length).toBeGreaterThan(0);
    expect(refused.result!.alternatives!.map((alt) => alt.start)).not.toContain(mine.start);
    // The first call's offer is not the second call's to claim.
    expect((await second.tool("hold_slot", { slotId: mine.slotId })).result).toMatchObject({
      held: false,
      reason: expect.stringMatching(/does not exist/),
    });
  });

  it("treats an expired hold as free, and refuses to book on it", async () => {
    const first = await liveCall();
    const slot = (await first.tool("check_availability", { procedure: "facelift" })).result!
      .slots[0]!;
    await first.tool("hold_slot", { slotId: slot.slotId });
    await db.query(
      "update public.reservations set held_until = now() - interval '1 second' where offer_id = $1",
      [slot.slotId],
    );

    const late = await first.tool("confirm_booking", {
      slotId: slot.slotId,
      patientName: "Too Slow",
    });
    expect(late.result).toMatchObject({ booked: false, reason: expect.stringMatching(/expired/) });

    await first.tool("hold_slot", { slotId: slot.slotId });
    await db.query(
      "update public.reservations set held_until = now() - interval '1 second' where offer_id = $1",
      [slot.slotId],
    );
    const second = await liveCall();
    const again = (
      await second.tool("check_availability", { procedure: "facelift" })
    ).result!.slots.find(
      (offer) => offer.start === slot.start && offer.practitioner === slot.practitioner,
    )!;
    expect(again).toBeDefined();
    expect((await second.tool("hold_slot", { slotId: again.slotId })).result!.held).toBe(true);
  });

  it("releases on request, and only the holder can release", async () => {
    const holder = await liveCall();
    const slot = (await holder.tool("check_availability", { procedure: "facelift" })).result!
      .slots[0]!;
    await holder.tool("hold_slot", { slotId: slot.slotId });
    const stranger = await liveCall();
    expect((await stranger.tool("release_slot", { slotId: slot.slotId })).result).toMatchObject({
      released: false,
    });
    expect((await holder.tool("release_slot", { slotId: slot.slotId })).result).toMatchObject({
      released: true,
    });
    expect(
      (
        await db.query("select count(*)::int as n from public.reservations where offer_id = $1", [
          slot.slotId,
        ])
      ).rows[0].n,
    ).toBe(0);
  });

  it("rejects slot ids that are not ids, and slots of another clinic", async () => {
    const call = await liveCall();
    expect((await call.tool("hold_slot", { slotId: "tomorrow at 10" })).error).toMatch(
      /slotId must be/,
    );
    const other = await createClinic(db);
    const [time] = await addSlots(db, other, { day: 2, times: ["10:00"] });
    const foreignCall = await liveCall(other);
    const foreignOffer = (
      await foreignCall.tool("check_availability", { procedure: other.procedure })
    ).result!.slots[0]!;
    expect(Date.parse(foreignOffer.start)).toBe(time!.startsAt.getTime());
    expect((await call.tool("hold_slot", { slotId: foreignOffer.slotId })).result).toMatchObject({
      held: false,
      reason: expect.stringMatching(/does not exist/),
    });
  });

  it("refuses holds for a call that has ended", async () => {
    const call = await liveCall();
    const slot = (await call.tool("check_availability", { procedure: "facelift" })).result!
      .slots[0]!;
    await call.end();
    expect((await call.tool("hold_slot", { slotId: slot.slotId })).result).toMatchObject({
      held: false,
      reason: expect.stringMatching(/ended/),
    });
  });
});

describe("lookup_procedure", () => {
  it.each([
    ["rhytidectomy", "Facelift"],
    ["How long is recovery from a face lift?", "Facelift"],
    ["facelfit", "Facelift"],
    ["how much does a nose job cost", "Rhinoplasty"],
    ["eyelid surgery", "Blepharoplasty"],
  ])("matches %j to %s", async (query, name) => {
    const call = await liveCall();
    const { result } = await call.tool("lookup_procedure", { query });
    expect(result).toMatchObject({ found: true, procedure: { name } });
  });

  it("answers from the clinic's knowledge, most relevant first", async () => {
    const call = await liveCall();
    const { result } = await call.tool("lookup_procedure", {
      query: "how much does a nose job cost",
    });
    const answers = result!.answers as { topic: string; answer: string }[];
    expect(answers[0]).toMatchObject({ topic: "price" });
    expect(answers[0]!.answer).toMatch(/8,000 to 12,000/);
    expect(result!.aftercareAvailable).toBe(true);
  });

  it("invents nothing for a procedure the clinic does not offer", async () => {
    const call = await liveCall();
    const { result } = await call.tool("lookup_procedure", { query: "liposuction" });
    expect(result).toEqual({ found: false, message: expect.stringMatching(/call back/) });
  });
});

describe("a read-only tool call delivered after the call ended", () => {
  it("is answered, and changes nothing about the call or what it is owed", async () => {
    const call = await liveCall();
    await call.end();
    const snapshot = () =>
      db
        .query(
          "select intent, procedures_of_interest, state, state_version from public.calls where vapi_call_id = $1",
          [call.id],
        )
        .then((result) => result.rows[0]);
    const before = await snapshot();
    const lookup = await call.tool("lookup_procedure", { query: "facelift recovery" });
    expect(lookup.result).toMatchObject({ found: true, procedure: { name: "Facelift" } });
    const availability = await call.tool("check_availability", { procedure: "rhinoplasty" });
    expect(availability.status).toBe(200);
    expect(await snapshot()).toEqual(before);
    const owed = await db.query(
      "select count(*)::int as n from public.follow_ups f join public.calls c on c.id = f.call_id where c.vapi_call_id = $1",
      [call.id],
    );
    expect(owed.rows[0].n).toBe(0);
  });
});
