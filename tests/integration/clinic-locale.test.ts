import { randomBytes, randomInt } from "node:crypto";
import type { Client } from "pg";
import twilio from "twilio";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { loadAssistantSource } from "@/lib/db/assistant";
import { closePool } from "@/lib/db/pool";
import { withService } from "@/lib/db/transaction";
import { buildAssistant } from "@/lib/vapi/assistant";

import { createClinic, type TestClinic } from "../helpers/clinic";
import { HARBOUR, ownerClient } from "../helpers/db";
import { eventually, textsTo } from "../helpers/follow-ups";
import { AUTH_JWT_SECRET, TWILIO_AUTH_TOKEN } from "./global-setup";

// A London clinic's patient texts and assistant in its own words (issue 20, the clinic's
// locale): the UK national number format, British dates with am/pm, and pounds. The clinic, its
// number and its patients are this file's own.
let db: Client;
let london: TestClinic;
// An Ofcom drama-range London number (020 7946 0xxx), unique to this run.
const londonNumber = `+4420794600${String(randomInt(10, 100))}`;
const patient = () => `+1559${String(randomInt(1_000_000, 10_000_000))}`;

beforeAll(async () => {
  process.env.DATABASE_URL = inject("databaseUrl");
  process.env.AUTH_JWT_SECRET = AUTH_JWT_SECRET;
  db = await ownerClient();
  london = await createClinic(db, { name: "Locale Clinic London", timezone: "Europe/London" });
  await db.query("update public.clinics set phone_number = $2 where id = $1", [
    london.id,
    londonNumber,
  ]);
  london = { ...london, phoneNumber: londonNumber };
  // No quiet hours: the confirmation goes whatever the time of day.
  await db.query(
    "insert into public.reminder_settings (clinic_id, quiet_start, quiet_end) values ($1, null, null)",
    [london.id],
  );
});
afterAll(async () => {
  await db.end();
  await closePool();
});

describe("a clinic's locale and currency", () => {
  it("are derived from its time zone when it is created without them; Harbour keeps en-US and dollars", async () => {
    const { rows } = await db.query<{ id: string; locale: string; currency: string }>(
      "select id, locale, currency from public.clinics where id = any($1) order by name",
      [[london.id, HARBOUR]],
    );
    expect(rows.map(({ locale, currency }) => [locale, currency])).toEqual([
      ["en-US", "USD"], // Harbour Aesthetics
      ["en-GB", "GBP"], // Locale Clinic London
    ]);
  });

  it("refuses a locale or currency it does not support", async () => {
    await expect(
      db.query("update public.clinics set locale = 'fr-FR' where id = $1", [london.id]),
    ).rejects.toThrow(/check constraint/);
    await expect(
      db.query("update public.clinics set currency = 'JPY' where id = $1", [london.id]),
    ).rejects.toThrow(/check constraint/);
  });
});

describe("a London clinic's patient texts", () => {
  it("say the appointment the British way, with am/pm and no zone", async () => {
    const phone = patient();
    const { rows } = await db.query<{ starts_at: Date }>(
      `insert into public.bookings (clinic_id, patient_name, patient_phone, practitioner_id, appointment_type_id,
                                    starts_at, ends_at, source, status)
       values ($1, 'Ana Reyes', $2, $3, $4, date_trunc('hour', now() + interval '3 days') + interval '30 minutes',
               date_trunc('hour', now() + interval '3 days') + interval '60 minutes', 'staff', 'confirmed')
       returning starts_at`,
      [london.id, phone, london.practitionerIds[0], london.typeId],
    );
    const [text] = await eventually(
      () => textsTo(phone),
      (found) => found.length > 0,
    );
    // Written independently of lib/format: London's wall clock, day before month, am/pm.
    const at = rows[0]!.starts_at;
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat("en-GB", {
        timeZone: "Europe/London",
        weekday: "long",
        day: "numeric",
        month: "long",
        hour: "numeric",
        minute: "2-digit",
        hour12: true,
      })
        .formatToParts(at)
        .map((part) => [part.type, part.value]),
    );
    const when = `${parts.weekday} ${parts.day} ${parts.month} at ${parts.hour}:${parts.minute} ${String(parts.dayPeriod).toLowerCase()}`;
    expect(text!.from).toBe(londonNumber);
    expect(text!.body).toContain(`is confirmed for ${when} with Dr Test 1`);
    expect(text!.body).not.toMatch(/\b(AM|PM|GMT|BST)\b/);
  });

  it("give the clinic's number in the UK national format", async () => {
    const url = `${inject("appUrl")}/api/webhooks/twilio/inbound-sms`;
    const sid = `SM${randomBytes(16).toString("hex")}`;
    const params = {
      From: patient(),
      To: londonNumber,
      Body: "HELP",
      MessageSid: sid,
      OptOutType: "HELP",
    };
    const response = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-twilio-signature": twilio.getExpectedTwilioSignature(TWILIO_AUTH_TOKEN, url, params),
      },
      body: new URLSearchParams(params).toString(),
    });
    expect(response.status).toBe(200);
    const national = `020 7946 00${londonNumber.slice(-2)}`;
    expect(await response.text()).toContain(
      `<Message>Locale Clinic London: call us on ${national}. Reply STOP to opt out.</Message>`,
    );
  });
});

describe("a London clinic's assistant", () => {
  it("is told to say dates the British way and prices in pounds (£)", async () => {
    const source = await withService((tx) => loadAssistantSource(tx, london.id));
    const assistant = buildAssistant(source, {
      serverUrl: "https://example.test/api/webhooks/vapi",
    });
    const prompt = JSON.stringify(assistant.model);
    expect(prompt).toContain('like \\"Tuesday 1 December at 2:30 pm\\"');
    expect(prompt).toContain("Prices are in Pounds sterling (£): say amounts in pounds.");
    const harbour = buildAssistant(await withService((tx) => loadAssistantSource(tx, HARBOUR)), {
      serverUrl: "https://example.test/api/webhooks/vapi",
    });
    expect(JSON.stringify(harbour.model)).toContain("say amounts in dollars.");
  });
});
