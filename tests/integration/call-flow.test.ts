import type { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { runScenario } from "@/lib/simulator/scenarios";

import { ownerClient } from "../helpers/db";
import { newCall, postRaw, simulator, statusMessage } from "../helpers/vapi";

let db: Client;
beforeAll(async () => {
  db = await ownerClient();
});
afterAll(async () => {
  await db.end();
});

async function callRow(vapiCallId: string) {
  const { rows } = await db.query(
    `select id, state, state_version, outcome, ended_reason, answered_at, ended_at, caller_name, intent, procedures_of_interest
       from public.calls where vapi_call_id = $1`,
    [vapiCallId],
  );
  return rows[0];
}

async function story(vapiCallId: string) {
  const { rows } = await db.query<{
    kind: string;
    event: string;
    from_state: string | null;
    to_state: string | null;
  }>(
    `select e.kind, e.event, e.from_state, e.to_state from public.call_events e
       join public.calls c on c.id = e.call_id where c.vapi_call_id = $1 order by e.id`,
    [vapiCallId],
  );
  return rows;
}

describe("a simulated call walks through the states", () => {
  it("books: ringing to completed, with the booking and every step audited", async () => {
    const run = await runScenario("books", simulator());
    expect(run.steps.every((step) => step.status === 200)).toBe(true);
    const call = await callRow(run.vapiCallId);
    expect(call).toMatchObject({
      state: "completed",
      outcome: "booked",
      ended_reason: "customer-ended-call",
      caller_name: "Jane Doe",
      intent: "booking",
    });
    expect(call.answered_at).toBeInstanceOf(Date);
    expect(call.procedures_of_interest).toEqual(["7c000000-0000-4000-8000-000000000001"]);

    const transitions = (await story(run.vapiCallId))
      .filter((row) => row.kind === "transition")
      .map((row) => `${row.from_state}>${row.to_state}`);
    expect(transitions).toEqual([
      "idle>incoming",
      "incoming>ringing",
      "ringing>connected",
      "connected>in_conversation",
      "in_conversation>collecting_info",
      "collecting_info>booking_appointment",
      "booking_appointment>confirming_details",
      "confirming_details>in_conversation",
      "in_conversation>completed",
    ]);
    expect(call.state_version).toBe(transitions.length);
    const kinds = (await story(run.vapiCallId)).map((row) => row.kind);
    expect(kinds).toEqual(expect.arrayContaining(["hold", "booking", "tool"]));

    const booking = await db.query(
      `select b.status, b.patient_name, r.kind, r.held_until from public.bookings b join public.reservations r on r.booking_id = b.id where b.call_id = $1`,
      [call.id],
    );
    expect(booking.rows).toEqual([
      { status: "pending", patient_name: "Jane Doe", kind: "appointment", held_until: null },
    ]);
  });

  it("drops during hold: the call is abandoned and its slot is free at once", async () => {
    const run = await runScenario("drops-during-hold", simulator());
    const call = await callRow(run.vapiCallId);
    expect(call).toMatchObject({ state: "abandoned", outcome: "abandoned" });
    const held = await db.query(
      "select count(*)::int as n from public.reservations where kind = 'hold' and call_id = $1",
      [call.id],
    );
    expect(held.rows[0].n).toBe(0);
    expect(
      (await story(run.vapiCallId)).some(
        (row) => row.kind === "release" && row.event === "slot.released",
      ),
    ).toBe(true);
  });

  it("asks for a human: transferring, then ended as transferred", async () => {
    const run = await runScenario("asks-for-human", simulator());
    expect(await callRow(run.vapiCallId)).toMatchObject({
      state: "ended",
      outcome: "transferred",
      ended_reason: "assistant-forwarded-call",
    });
  });

  it("mentions a facelift and does not book: ended, with the procedure of interest recorded", async () => {
    const run = await runScenario("mentions-facelift-no-booking", simulator());
    expect(await callRow(run.vapiCallId)).toMatchObject({
      state: "ended",
      outcome: "information",
      procedures_of_interest: ["7c000000-0000-4000-8000-000000000001"],
    });
  });

  it("fails a call that ends on a provider error", async () => {
    const call = newCall();
    await call.status("in-progress");
    await call.end("call.in-progress.error-vapifault-openai-llm-failed");
    expect(await callRow(call.id)).toMatchObject({ state: "failed", outcome: "failed" });
  });
});

describe("duplicated and reordered webhooks are harmless", () => {
  it("acknowledges a duplicate status update without a second transition", async () => {
    const call = newCall();
    const body = JSON.stringify(statusMessage(call.id, "in-progress"));
    expect((await postRaw(body)).json).toMatchObject({ duplicate: false });
    expect((await postRaw(body)).json).toMatchObject({ duplicate: true });
    expect(await story(call.id)).toHaveLength(1);
  });

  it("answers a retried tool call with the same result and holds once", async () => {
    const call = newCall();
    await call.status("in-progress");
    const slots = (await call.tool("check_availability", { procedure: "facelift" })).result!.slots;
    const body = JSON.stringify({
      message: {
        type: "tool-calls",
        call: { id: call.id },
        phoneNumber: { number: "+15555550199" },
        toolCallList: [
          {
            id: "retry-me",
            type: "function",
            function: { name: "hold_slot", arguments: { slotId: slots[0]!.slotId } },
          },
        ],
      },
    });
    const [first, second] = await Promise.all([postRaw(body), postRaw(body)]);
    expect(first.status).toBe(200);
    expect(second.json).toEqual(first.json);
    const holds = (await story(call.id)).filter((row) => row.kind === "hold");
    expect(holds).toHaveLength(1);
  });

  it("never moves a call backwards when messages arrive out of order", async () => {
    const call = newCall();
    await call.speech("user", "started", 0); // conversation before any status
    await call.status("ringing"); // late
    await call.status("in-progress"); // late
    expect(await callRow(call.id)).toMatchObject({ state: "in_conversation" });
    const ignored = (await story(call.id))
      .filter((row) => row.kind === "ignored")
      .map((row) => row.event);
    expect(ignored).toEqual(["call.ringing", "call.answered"]);
  });

  it("ends a call on an end-of-call report that arrives before the last status update", async () => {
    const call = newCall();
    await call.status("in-progress");
    await call.report("customer-ended-call", [{ role: "user", message: "bye" }]);
    await call.end("customer-ended-call");
    await call.status("in-progress"); // a very late one
    const row = await callRow(call.id);
    expect(row).toMatchObject({ state: "ended", ended_reason: "customer-ended-call" });
    const transitions = (await story(call.id)).filter((event) => event.kind === "transition");
    expect(transitions.at(-1)).toMatchObject({ to_state: "ended" });
    expect(row.state_version).toBe(transitions.length);
  });

  it("lets concurrent messages for one call serialise through the version check", async () => {
    const call = newCall();
    await call.status("in-progress");
    await Promise.all([
      call.speech("user", "started", 1),
      call.send("hang"),
      call.tool("check_availability", { procedure: "facelift" }),
      call.speech("assistant", "started", 2),
    ]);
    const row = await callRow(call.id);
    const transitions = (await story(call.id)).filter((event) => event.kind === "transition");
    expect(row.state_version).toBe(transitions.length);
    for (let index = 1; index < transitions.length; index++) {
      expect(transitions[index]!.from_state).toBe(transitions[index - 1]!.to_state);
    }
  });
});

describe("raw transcripts are never persisted", () => {
  it("stores nothing of an end-of-call report's transcript", async () => {
    const call = newCall();
    await call.status("in-progress");
    const secret = "my date of birth is 4 March 1971 and my card is 4111 1111 1111 1111";
    await call.report("customer-ended-call", [{ role: "user", message: secret }]);
    const { rows } = await db.query(
      `select count(*)::int as n from (
         select metadata::text as t from public.call_events union all select response::text from public.webhook_events
         union all select text from public.logs) x where t like '%4111 1111%' or t like '%4 March 1971%'`,
    );
    expect(rows[0].n).toBe(0);
  });
});
