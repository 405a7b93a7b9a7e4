import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { claimsSchema } from "@/lib/auth/claims";
import { runScenario } from "@/lib/simulator/scenarios";

import { addStaff, callTo, createClinic, type TestClinic } from "../helpers/clinic";
import { claimsFor, ownerClient } from "../helpers/db";
import { eventually, textsTo } from "../helpers/follow-ups";
import { simulator } from "../helpers/vapi";
import { AUTH_JWT_SECRET } from "./global-setup";

// Routing that never strands a caller (issue 18), through the real server. The moment of a
// call is its messages' `timestamp` (as Vapi sends it), so calls are simulated at chosen
// clinic-local times: an ordinary weekday, a closure day, and both sides of a daylight-saving
// change, without moving any process's clock.

process.env.DATABASE_URL = inject("databaseUrl");
process.env.AUTH_JWT_SECRET = AUTH_JWT_SECRET;
const { closePool } = await import("@/lib/db/pool");
const config = await import("@/lib/diary/config-service");

const claims = (userId: string) => claimsSchema.parse(claimsFor(userId));

let db: Client;
let newYork: TestClinic;
let london: TestClinic;

async function setHours(
  clinic: TestClinic,
  hours: [weekday: number, opens: string, closes: string][],
  closures: [startsOn: string, endsOn: string, reason: string][] = [],
) {
  await db.query("delete from public.opening_hours where clinic_id = $1", [clinic.id]);
  await db.query("delete from public.clinic_closures where clinic_id = $1", [clinic.id]);
  for (const [weekday, opens, closes] of hours)
    await db.query(
      "insert into public.opening_hours (clinic_id, weekday, opens, closes) values ($1, $2, $3, $4)",
      [clinic.id, weekday, opens, closes],
    );
  for (const [startsOn, endsOn, reason] of closures)
    await db.query(
      "insert into public.clinic_closures (clinic_id, starts_on, ends_on, reason) values ($1, $2, $3, $4)",
      [clinic.id, startsOn, endsOn, reason],
    );
}

/** What assistant-request answers a call to `clinic` at the instant `iso`. */
async function assistantRequestAt(clinic: TestClinic, iso: string) {
  const call = callTo(clinic);
  const sent = await call.send("assistant-request", { timestamp: new Date(iso).getTime() });
  expect(sent.status).toBe(200);
  return sent.body as {
    assistant?: { model: { messages: { content: string }[] } };
    assistantOverrides?: { variableValues?: Record<string, string> };
  };
}

beforeAll(async () => {
  db = await ownerClient();
  newYork = await createClinic(db, { timezone: "America/New_York" });
  london = await createClinic(db, { timezone: "Europe/London" });
  // Weekdays with a lunch break, a Sunday for the daylight-saving days, Christmas Day closed.
  const weekdays = [1, 2, 3, 4, 5].flatMap((day): [number, string, string][] => [
    [day, "09:00", "13:00"],
    [day, "14:00", "17:00"],
  ]);
  await setHours(
    newYork,
    [...weekdays, [7, "10:00", "16:00"]],
    [["2026-12-25", "2026-12-25", "Christmas Day"]],
  );
  await setHours(london, [...weekdays, [7, "10:00", "16:00"]]);
});

afterAll(async () => {
  await db.end();
  await closePool();
});

describe("opening hours in the assistant", () => {
  it("puts the week in the prompt and the state at the call's moment in its variables", async () => {
    // Monday 2026-12-07 10:00 EST. New York's assistant says times the American way
    // (lib/format), London's on the 24-hour clock.
    const body = await assistantRequestAt(newYork, "2026-12-07T15:00:00Z");
    expect(body.assistant?.model.messages[0]?.content).toContain(
      "Front desk opening hours (America/New_York): Monday 9:00 AM–1:00 PM and 2:00 PM–5:00 PM;",
    );
    expect(body.assistant?.model.messages[0]?.content).toContain("{{clinicStatus}}");
    expect(body.assistantOverrides?.variableValues?.clinicStatus).toBe("Open until 1:00 PM");
  });

  it("is closed over lunch, in the evening and on a closure day", async () => {
    expect(
      (await assistantRequestAt(newYork, "2026-12-07T18:30:00Z")).assistantOverrides?.variableValues
        ?.clinicStatus,
    ).toBe("Closed until 2:00 PM");
    // Friday 2026-12-04 18:00 EST → Sunday 10:00.
    expect(
      (await assistantRequestAt(newYork, "2026-12-04T23:00:00Z")).assistantOverrides?.variableValues
        ?.clinicStatus,
    ).toBe("Closed until Sunday 10:00 AM");
    // Christmas Day (a Friday) 11:00: an ordinary Friday would be open.
    expect(
      (await assistantRequestAt(newYork, "2026-12-25T16:00:00Z")).assistantOverrides?.variableValues
        ?.clinicStatus,
    ).toBe("Closed (Christmas Day) until Sunday 10:00 AM");
  });

  it("follows the clinic's wall clock across the spring-forward change", async () => {
    // New York, Sunday 2027-03-14: 14:30 UTC is 10:30 EDT (open); on EST it would read 09:30.
    expect(
      (await assistantRequestAt(newYork, "2027-03-14T14:30:00Z")).assistantOverrides?.variableValues
        ?.clinicStatus,
    ).toBe("Open until 4:00 PM");
    expect(
      (await assistantRequestAt(newYork, "2027-03-14T13:30:00Z")).assistantOverrides?.variableValues
        ?.clinicStatus,
    ).toBe("Closed until 10:00 AM");
    // London, Sunday 2027-03-28: 09:30 UTC is 10:30 BST (open).
    expect(
      (await assistantRequestAt(london, "2027-03-28T09:30:00Z")).assistantOverrides?.variableValues
        ?.clinicStatus,
    ).toBe("Open until 16:00");
    // London, Sunday 2026-10-25 (back to GMT): 09:30 UTC is 09:30 GMT, still closed.
    expect(
      (await assistantRequestAt(london, "2026-10-25T09:30:00Z")).assistantOverrides?.variableValues
        ?.clinicStatus,
    ).toBe("Closed until 10:00");
  });
});

describe("editing opening hours", () => {
  let clinic: TestClinic;
  let admin: ReturnType<typeof claims>;
  let receptionist: ReturnType<typeof claims>;
  const stored = async () =>
    (
      await db.query(
        `select weekday, to_char(opens, 'HH24:MI') as opens, to_char(closes, 'HH24:MI') as closes
           from public.opening_hours where clinic_id = $1 order by weekday, opens`,
        [clinic.id],
      )
    ).rows;
  const audited = async () =>
    (
      await db.query(
        "select count(*)::int as n from public.audit_log where clinic_id = $1 and table_name = 'opening_hours'",
        [clinic.id],
      )
    ).rows[0].n as number;

  beforeAll(async () => {
    clinic = await createClinic(db);
    admin = claims(await addStaff(db, [{ clinic, role: "admin" }]));
    receptionist = claims(await addStaff(db, [{ clinic, role: "receptionist" }]));
  });

  it("saves several intervals a day as the admin, audited", async () => {
    const result = await config.saveOpeningHours(admin, clinic.id, {
      intervals: [
        { weekday: 1, opens: "09:00", closes: "13:00" },
        { weekday: 1, opens: "14:00", closes: "18:00" },
        { weekday: 6, opens: "10:00", closes: "14:00" },
      ],
    });
    expect(result).toEqual({ id: clinic.id });
    expect(await stored()).toEqual([
      { weekday: 1, opens: "09:00", closes: "13:00" },
      { weekday: 1, opens: "14:00", closes: "18:00" },
      { weekday: 6, opens: "10:00", closes: "14:00" },
    ]);
    expect(await audited()).toBe(3);
  });

  it("refuses overlapping intervals and bad times beside the interval, storing nothing", async () => {
    const before = [await stored(), await audited()];
    expect(
      await config.saveOpeningHours(admin, clinic.id, {
        intervals: [
          { weekday: 2, opens: "09:00", closes: "13:00" },
          { weekday: 2, opens: "12:00", closes: "15:00" },
          { weekday: 3, opens: "17:00", closes: "09:00" },
          { weekday: 4, opens: "9am", closes: "5pm" },
        ],
      }),
    ).toEqual({
      fieldErrors: {
        "intervals.1": "Overlaps 09:00–13:00 on the same day",
        "intervals.2": "Closing time must be after opening time",
        "intervals.3": "Enter both times as HH:MM",
      },
    });
    expect([await stored(), await audited()]).toEqual(before);
  });

  it("lets a receptionist read but not change them", async () => {
    const before = await stored();
    expect(
      await config.saveOpeningHours(receptionist, clinic.id, {
        intervals: [{ weekday: 1, opens: "08:00", closes: "20:00" }],
      }),
    ).toEqual({ error: "Only clinic admins can change the diary's configuration." });
    expect(await stored()).toEqual(before);
    expect((await config.loadDiaryConfig(receptionist, clinic.id)).openingHours).toHaveLength(3);
  });
});

describe("transfers chosen at the moment, urgent calls and messages", () => {
  const FRONT_DESK = "+15557770100";
  const DR_MONDAY = "+15557770111";
  const DR_THURSDAY = "+15557770144";
  let clinic: TestClinic;

  beforeAll(async () => {
    clinic = await createClinic(db, { timezone: "America/New_York" });
    await setHours(
      clinic,
      [1, 2, 3, 4, 5].map((day): [number, string, string] => [day, "09:00", "17:00"]),
      [["2026-12-25", "2026-12-25", "Christmas Day"]],
    );
    await db.query(
      "update public.clinics set front_desk_number = $2, after_hours_mode = 'message' where id = $1",
      [clinic.id, FRONT_DESK],
    );
    await db.query(
      `insert into public.on_call_rota (clinic_id, weekday, clinician_name, phone_number)
       values ($1, 1, 'Dr Monday', $2), ($1, 4, 'Dr Thursday', $3)`,
      [clinic.id, DR_MONDAY, DR_THURSDAY],
    );
  });

  /** A live call to the clinic, then the caller's `lines` and a transfer request, all at `iso`. */
  async function callAt(iso: string, lines: string[] = []) {
    const call = callTo(clinic);
    const timestamp = new Date(iso).getTime();
    expect((await call.send("status-update", { status: "in-progress", timestamp })).status).toBe(
      200,
    );
    for (const [index, line] of lines.entries())
      expect(
        (
          await call.send("transcript", {
            role: "user",
            transcriptType: "final",
            transcript: line,
            timestamp: timestamp + index + 1,
          })
        ).status,
      ).toBe(200);
    return { call, timestamp };
  }
  const transfer = async (
    call: ReturnType<typeof callTo>,
    timestamp: number,
    artifact?: { messages: { role: string; message: string }[] },
  ) => {
    const sent = await call.send("transfer-destination-request", {
      timestamp: timestamp + 100,
      ...(artifact ? { artifact } : {}),
    });
    expect(sent.status).toBe(200);
    return sent.body as {
      destination?: {
        type: string;
        number: string;
        description: string;
        transferPlan: { mode: string; fallbackPlan: { endCallEnabled: boolean } };
      };
      error?: string;
    };
  };
  const callRow = async (vapiCallId: string) =>
    (
      await db.query(
        `select c.id, c.urgency, c.urgent_signs, c.transfer_target, c.transfer_outcome,
                private.call_board_payload(c.id) as board
           from public.calls c where c.vapi_call_id = $1`,
        [vapiCallId],
      )
    ).rows[0];
  const taskOf = async (callId: string) =>
    (
      await db.query(
        "select reason, message, urgency, done_at from public.callback_tasks where call_id = $1",
        [callId],
      )
    ).rows[0];
  const alertsOf = async (callId: string) =>
    (
      await db.query(
        "select to_number, status from public.follow_ups where call_id = $1 and kind = 'urgent_alert'",
        [callId],
      )
    ).rows;

  it("warm-transfers to the front desk while it is open, with a fallback back to Voxanne", async () => {
    const { call, timestamp } = await callAt("2026-12-07T15:00:00Z"); // Monday 10:00
    const body = await transfer(call, timestamp);
    expect(body.destination).toMatchObject({
      type: "number",
      number: FRONT_DESK,
      description: "Front desk",
      transferPlan: { mode: "warm-transfer-experimental", fallbackPlan: { endCallEnabled: false } },
    });
    expect(await callRow(call.id)).toMatchObject({
      urgency: null,
      transfer_target: "front_desk",
      transfer_outcome: "requested",
    });
    // A retry of the same request gets the same answer and changes nothing.
    const again = await call.send("transfer-destination-request", { timestamp: timestamp + 100 });
    expect(again.body).toEqual(body);
  });

  it("does not transfer an ordinary call after hours and says what to offer instead", async () => {
    const { call, timestamp } = await callAt("2026-12-07T23:00:00Z"); // Monday 18:00
    const body = await transfer(call, timestamp);
    expect(body.destination).toBeUndefined();
    expect(body.error).toMatch(
      /front desk is closed until tomorrow 09:00\. Offer to take a message for a call back \(do not book\)/,
    );
    expect(await callRow(call.id)).toMatchObject({ transfer_outcome: "refused" });
  });

  it("flags an urgent post-op call from the transcript, texts the clinician on call and puts the caller through", async () => {
    // Monday 23:30: Monday night, Dr Monday on call.
    const { call, timestamp } = await callAt("2026-12-08T04:30:00Z", [
      "Hi, I had my eyelid surgery last week",
      "the wound is bleeding through the dressing and I've got a fever",
    ]);
    const row = await callRow(call.id);
    expect(row).toMatchObject({ urgency: "urgent", urgent_signs: ["bleeding", "fever"] });
    expect(row.board).toMatchObject({ urgency: "urgent", urgentSigns: ["bleeding", "fever"] });
    expect(await taskOf(row.id)).toMatchObject({
      reason: "Urgent post-operative concern: bleeding, fever",
      urgency: "urgent",
      message: null,
    });
    expect(await alertsOf(row.id)).toEqual([expect.objectContaining({ to_number: DR_MONDAY })]);
    expect((await transfer(call, timestamp)).destination).toMatchObject({
      number: DR_MONDAY,
      description: "Dr Monday (on call)",
    });
    expect(await callRow(call.id)).toMatchObject({ transfer_target: "on_call" });
    // The staff text goes out through the follow-up worker, from the clinic's number.
    const texts = await eventually(
      () => textsTo(DR_MONDAY),
      (sent) => sent.some((text) => text.body.includes("URGENT post-op concern")),
    );
    const alert = texts.find((text) => text.body.includes("URGENT post-op concern"))!;
    expect(alert.body).toContain("bleeding, fever");
    expect(alert.body).not.toMatch(/eyelid|dressing/);
    expect(alert.from).toBe(clinic.phoneNumber);
  });

  it("reaches the on-call clinician on a closure day, not the front desk", async () => {
    // Christmas Day (Friday) 10:00, an ordinary Friday would be open: Thursday night's clinician.
    const { call, timestamp } = await callAt("2026-12-25T15:00:00Z", [
      "The pain is getting worse and worse since my facelift",
    ]);
    expect((await transfer(call, timestamp)).destination?.number).toBe(DR_THURSDAY);
    const ordinary = await callAt("2026-12-25T15:05:00Z");
    expect((await transfer(ordinary.call, ordinary.timestamp)).error).toMatch(
      /closed \(christmas day\)/,
    );
  });

  it("tells a caller with emergency signs to call the emergency number first, never transferring", async () => {
    const { call, timestamp } = await callAt("2026-12-07T15:00:00Z");
    // Not seen by the transcript check yet: only in the request's live artifact.
    const body = await transfer(call, timestamp, {
      messages: [
        { role: "assistant", message: "How can I help?" },
        { role: "user", message: "I had a tummy tuck and now I can't breathe properly" },
      ],
    });
    expect(body.destination).toBeUndefined();
    expect(body.error).toMatch(/hang up and call 911 now/);
    const row = await callRow(call.id);
    expect(row).toMatchObject({ urgency: "emergency", urgent_signs: ["breathing"] });
    expect((await taskOf(row.id)).reason).toMatch(/^Emergency signs \(difficulty breathing\)/);
  });

  it("follows the clinic's wall clock on the day the clocks change", async () => {
    // Monday 2027-03-15, first weekday on EDT: 13:30 UTC is 09:30 EDT (08:30 on EST).
    const { call, timestamp } = await callAt("2027-03-15T13:30:00Z");
    expect((await transfer(call, timestamp)).destination?.number).toBe(FRONT_DESK);
    const early = await callAt("2027-03-15T12:30:00Z"); // 08:30 EDT: closed
    expect((await transfer(early.call, early.timestamp)).error).toMatch(/closed until 09:00/);
  });

  it("turns an unanswered transfer into a redacted, urgent call-back task", async () => {
    const { call, timestamp } = await callAt("2026-12-07T15:10:00Z");
    await transfer(call, timestamp);
    // At the call's own moment (Monday 10:10 in New York), not the wall clock's: who is texted
    // about an urgent message depends on whether the front desk is open then.
    const sent = await call.send("tool-calls", {
      timestamp: timestamp + 200,
      toolCallList: [
        {
          id: "call_take_message",
          type: "function",
          function: {
            name: "take_message",
            arguments: {
              message:
                "Please ring me back on 07700 900123 about my swelling, it is really bad pain",
              callerName: "Ada Lovelace",
            },
          },
        },
      ],
    });
    const taken = JSON.parse(
      (sent.body as { results: { result: string }[] }).results[0]!.result,
    ) as Record<string, unknown>;
    expect(taken).toMatchObject({ taken: true, urgent: true });
    const row = await callRow(call.id);
    expect(row).toMatchObject({
      transfer_outcome: "unanswered",
      urgency: "urgent",
      urgent_signs: ["severe_pain"],
    });
    const task = await taskOf(row.id);
    expect(task).toMatchObject({
      urgency: "urgent",
      reason: "Urgent: message after an unanswered transfer",
    });
    expect(task.message).toContain("about my swelling");
    expect(task.message).not.toContain("900123");
    // The front desk is open (Monday 10:10): staff there are texted about it.
    expect(await alertsOf(row.id)).toEqual([expect.objectContaining({ to_number: FRONT_DESK })]);
  });

  it("takes an ordinary message as a routine call-back, and refuses a malformed one", async () => {
    const { call, timestamp } = await callAt("2026-12-07T23:30:00Z"); // Monday 18:30: closed
    // take_message at the call's moment (SimulatedCall.tool would send it now).
    const takeMessage = async (args: Record<string, unknown>, id: string) => {
      const sent = await call.send("tool-calls", {
        timestamp: timestamp + 1000,
        toolCallList: [
          { id, type: "function", function: { name: "take_message", arguments: args } },
        ],
      });
      return (sent.body as { results: { result?: string; error?: string }[] }).results[0]!;
    };
    const taken = await takeMessage({ message: "Can someone call me about prices?" }, "tm-1");
    expect(JSON.parse(taken.result!)).toMatchObject({ taken: true, urgent: false });
    const row = await callRow(call.id);
    expect(await taskOf(row.id)).toMatchObject({
      reason: "Message taken after hours",
      urgency: "routine",
      message: "Can someone call me about prices?",
    });
    expect((await takeMessage({ message: "   " }, "tm-2")).error).toMatch(/message is required/);
  });

  it("refuses an unsigned transfer request with 401 and stores nothing", async () => {
    const id = `unsigned-${Date.now()}`;
    const response = await fetch(`${inject("appUrl")}/api/webhooks/vapi`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        message: {
          type: "transfer-destination-request",
          call: { id },
          phoneNumber: { number: clinic.phoneNumber },
        },
      }),
    });
    expect(response.status).toBe(401);
    expect(
      (await db.query("select 1 from public.calls where vapi_call_id = $1", [id])).rowCount,
    ).toBe(0);
  });
});

describe("editing transfers, after hours and the on-call rota", () => {
  let clinic: TestClinic;
  let admin: ReturnType<typeof claims>;
  let receptionist: ReturnType<typeof claims>;
  const stored = async () =>
    (
      await db.query(
        `select (select json_build_object('frontDesk', front_desk_number, 'mode', after_hours_mode,
                                          'emergency', emergency_number)
                   from public.clinics where id = $1) as settings,
                (select coalesce(json_agg(json_build_object('weekday', weekday, 'name', clinician_name,
                                                            'phone', phone_number) order by weekday), '[]')
                   from public.on_call_rota where clinic_id = $1) as rota,
                (select count(*)::int from public.audit_log where clinic_id = $1) as audit`,
        [clinic.id],
      )
    ).rows[0];

  beforeAll(async () => {
    clinic = await createClinic(db);
    admin = claims(await addStaff(db, [{ clinic, role: "admin" }]));
    receptionist = claims(await addStaff(db, [{ clinic, role: "receptionist" }]));
  });

  it("saves the front desk, the after-hours mode and the emergency number", async () => {
    expect(
      await config.saveRoutingSettings(admin, clinic.id, {
        frontDeskNumber: "+1 (555) 777-0100",
        afterHoursMode: "message",
        emergencyNumber: "999",
      }),
    ).toEqual({ id: clinic.id });
    expect((await stored()).settings).toEqual({
      frontDesk: "+15557770100",
      mode: "message",
      emergency: "999",
    });
  });

  it("refuses non-E.164 numbers, unknown modes and the clinic's own number, storing nothing", async () => {
    const before = await stored();
    expect(
      await config.saveRoutingSettings(admin, clinic.id, {
        frontDeskNumber: "020 7946 0000",
        afterHoursMode: "voicemail" as never,
        emergencyNumber: "nine-nine-nine",
      }),
    ).toEqual({
      fieldErrors: {
        frontDeskNumber: "Enter the number in international format, e.g. +15555550100",
        afterHoursMode: "Choose what Voxanne does when closed",
        emergencyNumber: "Enter the local emergency number: 2 to 4 digits, e.g. 911 or 999",
      },
    });
    expect(
      await config.saveRoutingSettings(admin, clinic.id, {
        frontDeskNumber: clinic.phoneNumber,
        afterHoursMode: "both",
        emergencyNumber: "911",
      }),
    ).toEqual({
      fieldErrors: {
        frontDeskNumber:
          "That is the number Voxanne answers: a transfer there would come straight back.",
      },
    });
    expect(await stored()).toEqual(before);
  });

  it("saves a rota with gaps, warning which nights nobody is on call", async () => {
    const result = await config.saveRota(admin, clinic.id, {
      nights: [
        { weekday: 1, clinicianName: "Dr Okafor", phoneNumber: "+15557770111" },
        { weekday: 2, clinicianName: "Dr Okafor", phoneNumber: "+15557770111" },
        { weekday: 5, clinicianName: "Dr Whitfield", phoneNumber: "+1 555 777 0155" },
      ],
    });
    expect(result).toEqual({
      id: clinic.id,
      warning:
        "Nobody is on call on Wednesday, Thursday, Saturday and Sunday nights: urgent callers will be told to call the emergency number and promised a call back.",
    });
    expect((await stored()).rota).toEqual([
      { weekday: 1, name: "Dr Okafor", phone: "+15557770111" },
      { weekday: 2, name: "Dr Okafor", phone: "+15557770111" },
      { weekday: 5, name: "Dr Whitfield", phone: "+15557770155" },
    ]);
  });

  it("refuses a bad night beside it, two clinicians a night and a receptionist, storing nothing", async () => {
    const before = await stored();
    expect(
      await config.saveRota(admin, clinic.id, {
        nights: [
          { weekday: 1, clinicianName: "Dr Okafor", phoneNumber: "07700 900123" },
          { weekday: 2, clinicianName: "", phoneNumber: "+15557770111" },
          { weekday: 3, clinicianName: "Dr A", phoneNumber: "+15557770111" },
          { weekday: 3, clinicianName: "Dr B", phoneNumber: "+15557770122" },
        ],
      }),
    ).toEqual({
      fieldErrors: {
        "nights.0": "Enter the number in international format, e.g. +15555550100",
        "nights.1": "Enter who is on call",
        "nights.3": "Only one clinician on Wednesday night",
      },
    });
    expect(
      await config.saveRota(admin, clinic.id, {
        nights: [{ weekday: 1, clinicianName: "Loop", phoneNumber: clinic.phoneNumber }],
      }),
    ).toMatchObject({ fieldErrors: { "nights.0": expect.stringMatching(/Voxanne answers/) } });
    expect(
      await config.saveRota(receptionist, clinic.id, {
        nights: [{ weekday: 1, clinicianName: "Dr Okafor", phoneNumber: "+15557770111" }],
      }),
    ).toEqual({ error: "Only clinic admins can change the diary's configuration." });
    expect(await stored()).toEqual(before);
  });
});

describe("simulator scenarios (the seeded clinic, at the real time of day)", () => {
  const taskOfCall = async (vapiCallId: string) =>
    (
      await db.query(
        `select t.reason, t.message, t.urgency, c.urgency as call_urgency, c.transfer_outcome
           from public.calls c left join public.callback_tasks t on t.call_id = c.id
          where c.vapi_call_id = $1`,
        [vapiCallId],
      )
    ).rows[0];

  it("after-hours-urgent: flagged, and either put through or an urgent message", async () => {
    const run = await runScenario("after-hours-urgent", simulator());
    expect(run.steps.every((step) => step.status === 200)).toBe(true);
    const row = await taskOfCall(run.vapiCallId);
    expect(row).toMatchObject({ call_urgency: "urgent", urgency: "urgent" });
    expect(["transferred", "unanswered", "refused"]).toContain(row.transfer_outcome);
  });

  it("transfer-unanswered: the message becomes a call-back task", async () => {
    const run = await runScenario("transfer-unanswered", simulator());
    expect(run.steps.every((step) => step.status === 200)).toBe(true);
    const row = await taskOfCall(run.vapiCallId);
    expect(row.message).toBe("Please call me back about moving my consultation");
    // Put through while Harbour is open (then unanswered); refused while it is closed.
    expect(["unanswered", "refused"]).toContain(row.transfer_outcome);
  });

  it("transfer-hangup: a transfer nobody answered, no message, still gets a call-back task", async () => {
    const run = await runScenario("transfer-hangup", simulator());
    expect(run.steps.every((step) => step.status === 200)).toBe(true);
    const row = await taskOfCall(run.vapiCallId);
    // Put through while Harbour is open (then abandoned): a task; refused while it is closed.
    if (row.transfer_outcome === "refused") expect(row.reason).toBeNull();
    else
      expect(row).toMatchObject({
        transfer_outcome: "unanswered",
        reason: "Transfer to the front desk not answered; the caller left no message",
        message: null,
      });
  });

  it("voicemail: a redacted message on a routine call-back task", async () => {
    const run = await runScenario("voicemail", simulator());
    const row = await taskOfCall(run.vapiCallId);
    expect(row).toMatchObject({ urgency: "routine", call_urgency: null });
    expect(row.message).toContain("laser hair removal prices");
    expect(row.message).not.toMatch(/4498/);
  });
});

describe("missed-call texts", () => {
  let clinic: TestClinic;
  beforeAll(async () => {
    clinic = await createClinic(db);
  });
  const missedFrom = async (number: string) => {
    const call = callTo(clinic, number);
    expect((await call.status("ringing")).status).toBe(200);
    expect((await call.end("customer-ended-call")).status).toBe(200);
    return call;
  };
  const followUps = async (number: string) =>
    (
      await db.query(
        "select kind, status, skip_reason from public.follow_ups where clinic_id = $1 and to_number = $2 order by created_at",
        [clinic.id, number],
      )
    ).rows;

  it("texts a call back offer once per number per day, never when something was done or after STOP", async () => {
    const number = `+1557${String(Date.now()).slice(-7)}`;
    await missedFrom(number);
    const texts = await eventually(
      () => textsTo(number),
      (sent) => sent.length > 0,
    );
    expect(texts).toHaveLength(1);
    expect(texts[0]!.body).toContain("Sorry we missed your call just now");
    expect(texts[0]!.from).toBe(clinic.phoneNumber);
    // A second missed call the same day: nothing more.
    const second = await missedFrom(number);
    await eventually(
      () =>
        db.query(
          "select delivered_at from public.handoffs h join public.calls c on c.id = h.call_id where c.vapi_call_id = $1",
          [second.id],
        ),
      (result) => result.rows[0]?.delivered_at != null,
    );
    expect(await followUps(number)).toEqual([
      { kind: "missed_call", status: "sent", skip_reason: null },
    ]);
    expect(await textsTo(number)).toHaveLength(1);

    // A caller who left a message before hanging up was looked after: no missed-call text.
    const other = `+1558${String(Date.now()).slice(-7)}`;
    const call = callTo(clinic, other);
    await call.status("ringing");
    await call.tool("take_message", { message: "Please call me back" });
    await call.end("customer-ended-call");
    await eventually(
      () =>
        db.query(
          "select delivered_at from public.handoffs h join public.calls c on c.id = h.call_id where c.vapi_call_id = $1",
          [call.id],
        ),
      (result) => result.rows[0]?.delivered_at != null,
    );
    expect(await followUps(other)).toEqual([]);

    // Opted out: recorded as skipped, never sent.
    const stopped = `+1559${String(Date.now()).slice(-7)}`;
    await db.query(
      "insert into public.sms_opt_outs (clinic_id, phone_number, source) values ($1, $2, 'keyword')",
      [clinic.id, stopped],
    );
    const quiet = await missedFrom(stopped);
    await eventually(
      () =>
        db.query(
          "select delivered_at from public.handoffs h join public.calls c on c.id = h.call_id where c.vapi_call_id = $1",
          [quiet.id],
        ),
      (result) => result.rows[0]?.delivered_at != null,
    );
    expect((await followUps(stopped)).map((row) => row.status)).toEqual(["skipped"]);
    expect(await textsTo(stopped)).toHaveLength(0);
  });
});
