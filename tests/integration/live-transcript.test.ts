import { randomUUID } from "node:crypto";
import type { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { canJoin, findAnywhere, HARBOUR, HARBOUR_RECEPTIONIST, ownerClient } from "../helpers/db";
import { openStream, sessionCookie } from "../helpers/session";
import { postRaw, statusMessage, transcriptMessage } from "../helpers/vapi";
import { createNorthside, NORTHSIDE, NORTHSIDE_ADMIN } from "./fixtures";

let db: Client;
let northsideCall: string;
beforeAll(async () => {
  db = await ownerClient();
  await createNorthside(db);
  northsideCall = (
    await db.query("select id from public.calls where vapi_call_id = 'north-call-1'")
  ).rows[0].id;
});
afterAll(async () => {
  await db.end();
});

const streamPath = (clinicId: string, callId: string) =>
  `/api/clinics/${clinicId}/calls/${callId}/transcript/stream`;
const post = (payload: unknown) => postRaw(JSON.stringify(payload));

/** A call of the demo clinic, in progress, with its own fresh ids. */
async function liveCall() {
  const vapiId = `live-transcript-${randomUUID()}`;
  expect((await post(statusMessage(vapiId, "in-progress"))).status).toBe(200);
  const { rows } = await db.query<{ id: string }>(
    "select id from public.calls where vapi_call_id = $1",
    [vapiId],
  );
  return { vapiId, id: rows[0]!.id };
}

async function watch(callId: string) {
  const stream = await openStream(
    streamPath(HARBOUR, callId),
    await sessionCookie(HARBOUR_RECEPTIONIST),
  );
  expect(stream.status).toBe(200);
  await stream.waitFor((event) => event.event === "ready");
  return stream;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 400));

describe("the live transcript", () => {
  it("streams staff the redacted final line once; the raw words are nowhere, partials are not sent", async () => {
    const call = await liveCall();
    const stream = await watch(call.id);
    const said = "Sure, my number is 555-201-7788 and my email is rosalind.fairweather@example.org";
    const at = Date.now();

    const partial = await post(
      transcriptMessage(call.vapiId, "my number is 555-201", {
        transcriptType: "partial",
        timestamp: at - 500,
      }),
    );
    expect(partial).toMatchObject({ status: 200, json: { ok: true } });
    const final = transcriptMessage(call.vapiId, said, {
      timestamp: at,
      originalTranscript: "pre-filter 07700 900123",
      isFiltered: null,
      detectedThreats: null,
    });
    expect((await post(final)).json).toEqual({ ok: true, duplicate: false, sent: true });
    // Vapi retries it, and a newer SDK names the same line differently: still one line.
    expect((await post(final)).json).toEqual({ ok: true, duplicate: true, sent: false });
    expect(
      (
        await post(
          transcriptMessage(call.vapiId, said, {
            timestamp: at,
            type: 'transcript[transcriptType="final"]',
          }),
        )
      ).json,
    ).toMatchObject({ duplicate: true });
    const reply = await post(
      transcriptMessage(call.vapiId, "Thank you, it is in the quince ledger.", {
        role: "assistant",
        timestamp: at + 1500,
      }),
    );
    expect(reply.json).toMatchObject({ sent: true });

    await stream.waitFor(
      (event) => event.event === "transcript" && event.data.includes("quince ledger"),
    );
    await settle();
    const lines = stream.events
      .filter((event) => event.event === "transcript")
      .map((event) => JSON.parse(event.data))
      .map((line) => ({ ...line, at: Date.parse(line.at) }));
    expect(lines).toEqual([
      {
        id: expect.any(String),
        callId: call.id,
        role: "user",
        text: "Sure, my number is [PHONE] and my email is [EMAIL]",
        at,
      },
      {
        id: expect.any(String),
        callId: call.id,
        role: "assistant",
        text: "Thank you, it is in the quince ledger.",
        at: at + 1500,
      },
    ]);
    const everything = JSON.stringify(stream.events);
    for (const raw of ["555-201", "7788", "rosalind", "example.org", "07700", "+1555000"])
      expect(everything).not.toContain(raw);
    stream.close();

    expect(
      await findAnywhere(db, [
        "555-201-7788",
        "rosalind",
        "fairweather",
        "07700 900123",
        "quince ledger",
      ]),
    ).toEqual([]);
    const stored = await db.query(
      `select (select count(*)::int from public.logs where call_id = $1) as logs,
              (select count(*)::int from public.call_events where call_id = $1 and event like '%transcript%') as events,
              (select count(*)::int from public.webhook_events where external_call_id = $2 and message_type = 'transcript') as receipts`,
      [call.id, call.vapiId],
    );
    // Only the two lines' dedupe keys: partials never reach the database.
    expect(stored.rows[0]).toEqual({ logs: 0, events: 0, receipts: 2 });
  });

  it("reads a line with the conversation Vapi sends with it: a bare answer to a question goes", async () => {
    const call = await liveCall();
    const stream = await watch(call.id);
    const answer = "it's tamarisk eighty eight";
    const question = "And what's the password on your patient portal?";
    const response = await post(
      transcriptMessage(call.vapiId, answer, {
        timestamp: Date.now(),
        // SDK ServerMessageTranscript.artifact: "a live version of the call.artifact".
        artifact: {
          messages: [
            { role: "system", message: "You are Voxanne", time: 1, secondsFromStart: 0 },
            { role: "bot", message: question, time: 2, secondsFromStart: 4 },
            { role: "user", message: answer, time: 3, secondsFromStart: 7 },
          ],
          transcript: `AI: ${question}\nUser: ${answer}`,
        },
      }),
    );
    expect(response.json).toMatchObject({ sent: true });
    const line = await stream.waitFor((event) => event.event === "transcript");
    expect(JSON.parse(line.data).text).not.toMatch(/tamarisk|eighty/i);
    stream.close();
    expect(await findAnywhere(db, ["tamarisk"])).toEqual([]);
  });

  it("sends nothing for a call it does not know, nor after the call has ended", async () => {
    const unknown = `live-transcript-unknown-${randomUUID()}`;
    expect((await post(transcriptMessage(unknown, "hello there"))).json).toEqual({
      ok: true,
      duplicate: false,
      sent: false,
    });
    expect(
      (await db.query("select 1 from public.calls where vapi_call_id = $1", [unknown])).rowCount,
    ).toBe(0);

    const call = await liveCall();
    const stream = await watch(call.id);
    await post(statusMessage(call.vapiId, "ended", { endedReason: "customer-ended-call" }));
    expect((await post(transcriptMessage(call.vapiId, "one more thing"))).json).toEqual({
      ok: true,
      duplicate: false,
      sent: false,
    });
    await settle();
    expect(stream.events.filter((event) => event.event === "transcript")).toEqual([]);
    stream.close();
  });

  it("is for the clinic's staff only", async () => {
    const call = await liveCall();
    expect((await openStream(streamPath(HARBOUR, call.id))).status).toBe(401);
    expect(
      (await openStream(streamPath(HARBOUR, call.id), await sessionCookie(NORTHSIDE_ADMIN))).status,
    ).toBe(403);
    // Members of a clinic, asking for another clinic's call under their own clinic.
    expect(
      (await openStream(streamPath(NORTHSIDE, call.id), await sessionCookie(NORTHSIDE_ADMIN)))
        .status,
    ).toBe(404);
    expect(
      (
        await openStream(
          streamPath(HARBOUR, northsideCall),
          await sessionCookie(HARBOUR_RECEPTIONIST),
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await openStream(
          streamPath(HARBOUR, "not-a-call"),
          await sessionCookie(HARBOUR_RECEPTIONIST),
        )
      ).status,
    ).toBe(404);
  });

  it("lets only the clinic's members join the call's Realtime topic (Supabase)", async () => {
    const call = await liveCall();
    expect(await canJoin(db, HARBOUR_RECEPTIONIST, `clinic:${HARBOUR}:call:${call.id}`)).toBe(true);
    expect(await canJoin(db, NORTHSIDE_ADMIN, `clinic:${HARBOUR}:call:${call.id}`)).toBe(false);
    expect(await canJoin(db, NORTHSIDE_ADMIN, `clinic:${NORTHSIDE}:call:${call.id}`)).toBe(false);
    expect(await canJoin(db, HARBOUR_RECEPTIONIST, `clinic:${HARBOUR}:call:${northsideCall}`)).toBe(
      false,
    );
    expect(await canJoin(db, NORTHSIDE_ADMIN, `clinic:${NORTHSIDE}:call:${northsideCall}`)).toBe(
      true,
    );
    expect(await canJoin(db, HARBOUR_RECEPTIONIST, `clinic:${HARBOUR}:call:${call.id}:extra`)).toBe(
      false,
    );
  });
});
