import { randomInt } from "node:crypto";
import type { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { findAnywhere, ownerClient } from "../helpers/db";
import { newCall } from "../helpers/vapi";

let db: Client;
beforeAll(async () => {
  db = await ownerClient();
});
afterAll(async () => {
  await db.end();
});

const FIRST = [
  "Marisol",
  "Thandiwe",
  "Ingrid",
  "Keziah",
  "Yusuf",
  "Oksana",
  "Priyanka",
  "Bartholomew",
];
const LAST = [
  "Quenneville",
  "Abernathy",
  "Okonkwo-Baines",
  "Vasquez-Ortiz",
  "Lindqvist",
  "Featherstonehaugh",
];
const SPOKEN = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
const pick = <T>(items: T[]) => items[randomInt(items.length)]!;
const spoken = (digits: string) =>
  digits
    .split("")
    .map((digit) => SPOKEN[Number(digit)])
    .join(" ");

function plantedCall() {
  const first = pick(FIRST);
  const last = pick(LAST);
  const phone = `555${randomInt(1_000_000, 9_999_999)}`;
  const mailbox = `${first.toLowerCase()}${randomInt(10, 99)}`;
  const ssn = `${randomInt(100, 899)}-${randomInt(10, 99)}-${randomInt(1000, 9999)}`;
  const year = randomInt(1950, 2000);
  const med = pick([
    "warfarin",
    "ozempic",
    "lupus",
    "type two diabetes",
    "bipolar disorder",
    "accutane",
  ]);
  const spokenPhone = `${spoken(phone.slice(0, 3))}, ${spoken(phone.slice(3, 6))}, ${spoken(phone.slice(6))}`;
  const dob = `march ${randomInt(1, 28)}, ${year}`;
  const lines = [
    { role: "bot" as const, message: "Thank you for calling Harbour Aesthetics, this is Voxanne." },
    {
      role: "user" as const,
      message: `hi, my name is ${first} ${last} and I'm thinking about a facelift`,
    },
    {
      role: "bot" as const,
      message: `Lovely to hear from you, ${first}. What's the best number for you?`,
    },
    { role: "user" as const, message: `it's ${spokenPhone}, or email ${mailbox} at gmail dot com` },
    {
      role: "user" as const,
      message: `my date of birth is ${dob}, social is ${ssn}, and I take ${med}`,
    },
    { role: "bot" as const, message: `Thanks ${first}, I've noted that for Dr Okafor.` },
  ];
  // Exactly what was said: digits alone would also match timestamps and ids elsewhere.
  return { lines, planted: [first, last, spokenPhone, mailbox, ssn, dob, med] };
}

describe("the redaction intercept", () => {
  it("stores an end-of-call transcript only in redacted form, keeping speaker and time", async () => {
    const call = newCall();
    await call.status("in-progress");
    await call.report("customer-ended-call", [
      { role: "bot", message: "Thank you for calling Harbour Aesthetics, this is Voxanne." },
      {
        role: "user",
        message:
          "hi my name is Jane Doe, call me on 555-201-3344, I'm on warfarin and want a facelift",
      },
    ]);
    const { rows } = await db.query(
      `select l.seq, l.speaker, l.spoken_at is not null as timed, l.text, l.findings from public.logs l
         join public.calls c on c.id = l.call_id where c.vapi_call_id = $1 order by seq`,
      [call.id],
    );
    expect(rows).toEqual([
      {
        seq: 0,
        speaker: "assistant",
        timed: true,
        text: "Thank you for calling Harbour Aesthetics, this is Voxanne.",
        findings: [],
      },
      {
        seq: 1,
        speaker: "user",
        timed: true,
        text: "hi my name is [NAME], call me on [PHONE], I'm [MEDICAL] and want a facelift",
        findings: [
          { type: "NAME", start: 14, end: 22 },
          { type: "PHONE", start: 35, end: 47 },
          { type: "MEDICAL", start: 53, end: 64 },
        ],
      },
    ]);
    // A duplicated report changes nothing.
    await call.report("customer-ended-call", [
      { role: "user", message: "something else entirely" },
    ]);
    expect(
      (
        await db.query(
          "select count(*)::int as n from public.logs l join public.calls c on c.id = l.call_id where c.vapi_call_id = $1",
          [call.id],
        )
      ).rows[0].n,
    ).toBe(2);
  });

  it("applies the clinic's own rules", async () => {
    await db.query(
      `insert into public.redaction_rules (clinic_id, kind, value, category) values ('c1a1c000-0000-4000-8000-000000000001', 'keyword', 'platinum membership', 'CUSTOM')
       on conflict do nothing`,
    );
    const call = newCall();
    await call.report("customer-ended-call", [
      { role: "user", message: "I have the Platinum Membership and record HA-204518" },
    ]);
    const { rows } = await db.query(
      "select text from public.logs l join public.calls c on c.id = l.call_id where c.vapi_call_id = $1",
      [call.id],
    );
    expect(rows[0].text).toBe("I have the [CUSTOM] and record [ID]");
  });

  it("lets no planted identifier or medical term reach any table, over many simulated calls", async () => {
    const planted: string[] = [];
    for (let round = 0; round < 15; round++) {
      const { lines, planted: secrets } = plantedCall();
      planted.push(...secrets);
      const call = newCall();
      await call.status("in-progress");
      await call.tool("lookup_procedure", { query: "facelift" });
      await call.end();
      await call.report("customer-ended-call", lines);
    }
    expect(await findAnywhere(db, [...new Set(planted)])).toEqual([]);
  });
});
