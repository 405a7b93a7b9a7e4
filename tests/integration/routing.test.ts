import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { claimsSchema } from "@/lib/auth/claims";

import { addStaff, callTo, createClinic, type TestClinic } from "../helpers/clinic";
import { claimsFor, ownerClient } from "../helpers/db";
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
    // Monday 2026-12-07 10:00 EST.
    const body = await assistantRequestAt(newYork, "2026-12-07T15:00:00Z");
    expect(body.assistant?.model.messages[0]?.content).toContain(
      "Front desk opening hours (America/New_York): Monday 09:00–13:00 and 14:00–17:00;",
    );
    expect(body.assistant?.model.messages[0]?.content).toContain("{{clinicStatus}}");
    expect(body.assistantOverrides?.variableValues?.clinicStatus).toBe("Open until 13:00");
  });

  it("is closed over lunch, in the evening and on a closure day", async () => {
    expect(
      (await assistantRequestAt(newYork, "2026-12-07T18:30:00Z")).assistantOverrides?.variableValues
        ?.clinicStatus,
    ).toBe("Closed until 14:00");
    // Friday 2026-12-04 18:00 EST → Sunday 10:00.
    expect(
      (await assistantRequestAt(newYork, "2026-12-04T23:00:00Z")).assistantOverrides?.variableValues
        ?.clinicStatus,
    ).toBe("Closed until Sunday 10:00");
    // Christmas Day (a Friday) 11:00: an ordinary Friday would be open.
    expect(
      (await assistantRequestAt(newYork, "2026-12-25T16:00:00Z")).assistantOverrides?.variableValues
        ?.clinicStatus,
    ).toBe("Closed (Christmas Day) until Sunday 10:00");
  });

  it("follows the clinic's wall clock across the spring-forward change", async () => {
    // New York, Sunday 2027-03-14: 14:30 UTC is 10:30 EDT (open); on EST it would read 09:30.
    expect(
      (await assistantRequestAt(newYork, "2027-03-14T14:30:00Z")).assistantOverrides?.variableValues
        ?.clinicStatus,
    ).toBe("Open until 16:00");
    expect(
      (await assistantRequestAt(newYork, "2027-03-14T13:30:00Z")).assistantOverrides?.variableValues
        ?.clinicStatus,
    ).toBe("Closed until 10:00");
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
