import type { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { postSigned } from "@/lib/simulator/client";
import { seeded } from "@/lib/simulator/random";

import {
  callOutcome,
  callStory,
  settledFollowUps,
  storedSecrets,
  transitionsAreConsistent,
  type CallOutcome,
} from "../helpers/call-outcome";
import {
  delayRandomly,
  scriptCall,
  shuffle,
  type CallScript,
  type ScriptKind,
  type Step,
} from "../helpers/call-script";
import {
  addConsultation,
  addFacelift,
  addOffers,
  addSlots,
  callTo,
  createClinic,
  type TestClinic,
} from "../helpers/clinic";
import { ownerClient } from "../helpers/db";
import { simulator } from "../helpers/vapi";

// Vapi delivers at least once and in no guaranteed order (tests/integration/call-flow.test.ts
// covers single cases). Here one realistic call is delivered every way the network can
// deliver it, and its final state must not depend on how, except where order is meaning.

let db: Client;
let clinic: TestClinic;
const freeTimes: Date[] = [];
let faceliftConsultation: { id: string; procedureId: string };
beforeAll(async () => {
  db = await ownerClient();
  // A clinic of its own (Facelift with its aftercare PDF, and a diary it made), one slot per
  // delivery: no two variants collide, and no other file or time of day takes or hides one.
  clinic = await createClinic(db, { name: "Delivery Matrix Clinic" });
  faceliftConsultation = await addConsultation(db, clinic, await addFacelift(db, clinic), {
    name: "Facelift consultation",
  });
  const times = Array.from(
    { length: 16 },
    (_, index) =>
      `${String(9 + Math.floor(index / 2)).padStart(2, "0")}:${index % 2 ? "30" : "00"}`,
  );
  for (const day of [2, 3, 4])
    freeTimes.push(...(await addSlots(db, clinic, { day, times })).map((slot) => slot.startsAt));
});
afterAll(async () => {
  await db.end();
});

/** Each round is sent at once; rounds go one after another. */
type Order = (steps: Step[]) => Step[][];
const oneByOne = (steps: Step[]) => steps.map((step) => [step]);

interface Delivered {
  script: CallScript;
  sent: { step: Step; status: number; body: unknown }[];
  outcome: CallOutcome;
}

async function deliver(kind: ScriptKind, order: Order): Promise<Delivered> {
  // The script holds a time offered to its own call: the call's row and that offer exist
  // before the first message (the webhook's upsert then finds the row as a fresh call).
  const call = callTo(clinic);
  const row = await db.query<{ id: string }>(
    "insert into public.calls (clinic_id, vapi_call_id) values ($1, $2) returning id",
    [clinic.id, call.id],
  );
  const [slotId] = await addOffers(db, clinic, [row.rows[0]!.id], {
    startsAt: freeTimes.pop()!,
    type: faceliftConsultation,
  });
  const script = scriptCall(kind, slotId!, call);
  const sent: Delivered["sent"] = [];
  for (const round of order(script.steps)) {
    const answers = await Promise.all(round.map((step) => postSigned(simulator(), step.payload)));
    answers.forEach((answer, index) =>
      sent.push({ step: round[index]!, status: answer.status, body: answer.body }),
    );
  }
  // Follow-ups owed exactly once: what the agent recorded is what the final hand-off calls for.
  const followUps = await settledFollowUps(db, script.call.id);
  expect(followUps).toEqual({ acknowledged: true, owed: followUps.owed, recorded: followUps.owed });
  return { script, sent, outcome: await callOutcome(db, script) };
}

/** What must hold however the call was delivered. */
async function expectSafe({ script, sent, outcome }: Delivered) {
  expect(
    sent
      .filter((answer) => answer.status !== 200)
      .map((answer) => `${answer.step.label}: ${answer.status}`),
  ).toEqual([]);
  expect(await transitionsAreConsistent(db, script.call.id)).toEqual({
    versionMatches: true,
    chained: true,
    terminalTransitions: 1,
    lastIsTerminal: true,
  });
  expect(outcome.heldSlots).toBe(0);
  expect(outcome.slot?.held).toBe(false);
  expect(outcome.bookings.length).toBeLessThanOrEqual(1);
  expect(outcome.slot?.status).toBe(outcome.bookings.length ? "booked" : "open");
  expect(await storedSecrets(db, script.call.id)).toBe(0);
}

const toolResult = (body: unknown) => {
  const first = (body as { results?: { result?: string; error?: string }[] }).results?.[0];
  return first?.result
    ? (JSON.parse(first.result) as Record<string, unknown>)
    : { error: first?.error };
};

/** Moves every message of `type` after all the others, keeping their own order. */
const delayType =
  (type: string): Order =>
  (steps) =>
    oneByOne([
      ...steps.filter((step) => step.type !== type),
      ...steps.filter((step) => step.type === type),
    ]);

// At-least-once delivery: the very same bodies again, right away, at once, or as late retries.
const DUPLICATED: [string, Order][] = [
  ["every message twice in a row", (steps) => steps.flatMap((step) => [[step], [step]])],
  ["every message twice at once", (steps) => steps.map((step) => [step, step])],
  ["every message again after the call (late retries)", (steps) => oneByOne([...steps, ...steps])],
];

const REORDERED: [string, Order][] = [
  ...[
    "assistant-request",
    "status-update",
    "speech-update",
    "transcript",
    "conversation-update",
    "hang",
  ].map((type): [string, Order] => [
    `every ${type} delayed past the end-of-call report`,
    delayType(type),
  ]),
  [
    "the end-of-call report before the last status update",
    (steps) => oneByOne([...steps.slice(0, -2), steps.at(-1)!, steps.at(-2)!]),
  ],
  [
    "status updates reversed after the conversation (in-progress after ended)",
    (steps) => {
      const statuses = steps.filter((step) => step.type === "status-update").reverse();
      const rest = steps.filter((step) => step.type !== "status-update");
      return oneByOne([...rest.slice(0, -1), ...statuses, rest.at(-1)!]);
    },
  ],
  // Reply times included: speech updates are paired by their own timestamps, not by arrival.
  ...[1, 2, 3, 4, 5, 6].map((seed): [string, Order] => [
    `messages Vapi does not wait on held back at random (seed ${seed})`,
    (steps) => oneByOne(delayRandomly(steps, seeded(seed))),
  ]),
];
// 101 and 103 end the call before the hold, 102 while holding (cut off), 106 and 121 after confirming.
const SHUFFLE_SEEDS = [101, 102, 103, 106, 121];

describe.each<ScriptKind>(["books", "enquires"])("a call that %s, delivered every way", (kind) => {
  let inOrder: Delivered;
  let story: Awaited<ReturnType<typeof callStory>>;
  beforeAll(async () => {
    inOrder = await deliver(kind, oneByOne);
    story = await callStory(db, inOrder.script.call.id);
  });

  it("in order: the outcome the call had", async () => {
    await expectSafe(inOrder);
    const { outcome } = inOrder;
    const booked = kind === "books";
    expect(outcome.call).toMatchObject({
      state: booked ? "completed" : "ended",
      outcome: booked ? "booked" : "information",
      endedReason: "customer-ended-call",
      answered: true,
      endedAtMinusReported: 0,
      procedures: ["Facelift"],
    });
    expect(outcome.bookings).toEqual(
      booked
        ? [
            {
              status: "pending",
              patientName: "Jane Doe",
              scriptSlot: true,
              slotStatus: "booked",
              procedure: "Facelift",
            },
          ]
        : [],
    );
    expect(outcome.handoff).toMatchObject({
      booked,
      finalState: outcome.call!.state,
      procedures: ["Facelift"],
      releasedScriptSlot: !booked,
      droppedDuringBooking: false,
    });
    expect(outcome.followUps).toEqual(
      booked ? [] : [{ kind: "aftercare", procedure: "Facelift", skipReason: null }],
    );
    expect(outcome.logs.length).toBeGreaterThan(3);
    expect(outcome.latency.map((row) => row.source)).toEqual([
      "artifact_messages",
      "performance_metrics",
      "speech_update",
      "tool_call",
    ]);
    expect(outcome.latency.find((row) => row.source === "speech_update")?.ms).toEqual([640, 1820]);
    // conversation-update is acknowledged and not stored; each other message once (a transcript
    // line's receipt is only its dedupe key: the line itself is broadcast, never stored).
    expect(outcome.receipts).toBe(inOrder.script.steps.length - 1);
  });

  it.each(DUPLICATED)(
    "%s: the same final state and story, and the same answers",
    async (_label, order) => {
      const run = await deliver(kind, order);
      await expectSafe(run);
      expect(run.outcome).toEqual(inOrder.outcome);
      expect(await callStory(db, run.script.call.id)).toEqual(story);
      for (const step of run.script.steps) {
        const answers = run.sent
          .filter((answer) => answer.step === step)
          .map((answer) => answer.body as { duplicate?: boolean; ignored?: string });
        // Tool results and the assistant are answered again as first given; the rest say they were seen.
        if (step.sync) expect(answers[1], step.label).toEqual(answers[0]);
        else
          expect(answers.filter((answer) => answer.duplicate).length, step.label).toBe(
            answers[0]?.ignored ? 0 : 1,
          );
      }
    },
  );

  it.each(REORDERED)("%s: the same final state", async (_label, order) => {
    const run = await deliver(kind, order);
    await expectSafe(run);
    expect(run.outcome).toEqual(inOrder.outcome);
  });

  it("tool calls delayed past the end-of-call report are refused and book nothing", async () => {
    const run = await deliver(kind, delayType("tool-calls"));
    await expectSafe(run);
    expect(run.outcome.bookings).toEqual([]);
    expect(run.outcome.call).toMatchObject({ state: "ended", outcome: "information" });
    const late = run.sent
      .filter((answer) => answer.step.type === "tool-calls")
      .map((answer) => [answer.step.label, toolResult(answer.body)]);
    expect(Object.fromEntries(late)).toMatchObject({
      hold_slot: { held: false, reason: expect.stringMatching(/ended/) },
      ...(kind === "books"
        ? { confirm_booking: { booked: false } }
        : { release_slot: { released: false } }),
    });
  });

  it.each(SHUFFLE_SEEDS)(
    "in any order at all (seed %i): safe, and books only what was held before the call ended",
    async (seed) => {
      const run = await deliver(kind, (steps) => oneByOne(shuffle(steps, seeded(seed))));
      await expectSafe(run);
      const position = (label: string) =>
        run.sent.findIndex((answer) => answer.step.label === label);
      const ended = Math.min(position("status ended"), position("end-of-call-report"));
      const bookable =
        kind === "books" &&
        position("hold_slot") < position("confirm_booking") &&
        position("confirm_booking") < ended;
      expect(run.outcome.bookings).toHaveLength(bookable ? 1 : 0);
      expect(run.outcome.call?.state === "completed").toBe(bookable);
      for (const answer of run.sent
        .slice(ended)
        .filter((late) => late.step.label === "hold_slot")) {
        expect(toolResult(answer.body)).toMatchObject({
          held: false,
          reason: expect.stringMatching(/ended/),
        });
      }
    },
  );
});
