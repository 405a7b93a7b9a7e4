import type { Client } from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { canJoin, HARBOUR, HARBOUR_RECEPTIONIST, ownerClient } from "../helpers/db";
import { openStream, sessionCookie } from "../helpers/session";
import { newCall } from "../helpers/vapi";
import { createNorthside, NORTHSIDE, NORTHSIDE_ADMIN } from "./fixtures";

let db: Client;
beforeAll(async () => {
  db = await ownerClient();
  await createNorthside(db);
});
afterAll(async () => {
  await db.end();
});

const streamPath = (clinicId: string) => `/api/clinics/${clinicId}/calls/stream`;

describe("the live call stream", () => {
  it("refuses anyone who is not signed in, or not a member of the clinic", async () => {
    expect((await openStream(streamPath(HARBOUR))).status).toBe(401);
    expect(
      (await openStream(streamPath(HARBOUR), await sessionCookie(NORTHSIDE_ADMIN))).status,
    ).toBe(403);
    const snapshot = await fetch(`${inject("appUrl")}/api/clinics/${HARBOUR}/calls/live`, {
      headers: { cookie: await sessionCookie(NORTHSIDE_ADMIN) },
    });
    expect(snapshot.status).toBe(403);
  });

  it("streams a member every committed change, with the number masked", async () => {
    const stream = await openStream(streamPath(HARBOUR), await sessionCookie(HARBOUR_RECEPTIONIST));
    expect(stream.status).toBe(200);
    await stream.waitFor((event) => event.event === "ready");

    const call = newCall("+15550104477");
    await call.status("ringing");
    await call.status("in-progress");
    const slot = (await call.tool("check_availability", { procedure: "facelift" })).result!
      .slots[0]!.slotId;
    await call.tool("hold_slot", { slotId: slot });

    // Other files' calls broadcast on this shared clinic too: wait for this call's hold.
    const isOurHold = (payload: { state?: string; heldSlot?: { slotId?: string } }) =>
      payload.state === "booking_appointment" && payload.heldSlot?.slotId === slot;
    await stream.waitFor(
      (event) => event.event === "call_status" && isOurHold(JSON.parse(event.data)),
    );
    const payloads = stream.events
      .filter((event) => event.event === "call_status")
      .map((event) => JSON.parse(event.data));
    const ours = payloads.filter(
      (payload) => payload.heldSlot?.slotId === slot || payload.state === "ringing",
    );
    expect(ours.length).toBeGreaterThan(0);
    const held = payloads.find(isOurHold)!;
    expect(held).toMatchObject({ callerLast4: "4477", heldSlot: { slotId: slot } });
    expect(Date.parse(held.heldSlot.heldUntil) - Date.now()).toBeGreaterThan(60_000);
    const revisions = payloads
      .filter((payload) => payload.callId === held.callId)
      .map((payload) => payload.revision);
    expect([...revisions].sort((a, b) => a - b)).toEqual(revisions);
    expect(JSON.stringify(payloads)).not.toContain("15550104477");

    const snapshot = await (
      await fetch(`${inject("appUrl")}/api/clinics/${HARBOUR}/calls/live`, {
        headers: { cookie: await sessionCookie(HARBOUR_RECEPTIONIST) },
      })
    ).json();
    expect(
      snapshot.calls.find((entry: { callId: string }) => entry.callId === held.callId),
    ).toMatchObject({ state: "booking_appointment", revision: Math.max(...revisions) });
    stream.close();
  });

  it("never sends one clinic's calls to a member of another clinic", async () => {
    const northside = await openStream(streamPath(NORTHSIDE), await sessionCookie(NORTHSIDE_ADMIN));
    const harbour = await openStream(
      streamPath(HARBOUR),
      await sessionCookie(HARBOUR_RECEPTIONIST),
    );
    await northside.waitFor((event) => event.event === "ready");
    await harbour.waitFor((event) => event.event === "ready");
    const call = newCall();
    await call.status("in-progress");
    await harbour.waitFor((event) => event.event === "call_status");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(northside.events.filter((event) => event.event === "call_status")).toEqual([]);
    northside.close();
    harbour.close();
  });

  it("does not broadcast when a webhook changes nothing", async () => {
    const call = newCall();
    await call.status("in-progress");
    const stream = await openStream(streamPath(HARBOUR), await sessionCookie(HARBOUR_RECEPTIONIST));
    await stream.waitFor((event) => event.event === "ready");
    await call.speech("user", "started", 5); // already talking: no change
    await call.speech("user", "stopped", 5);
    await call.status("in-progress"); // duplicate state
    await new Promise((resolve) => setTimeout(resolve, 300));
    const { rows } = await db.query("select id from public.calls where vapi_call_id = $1", [
      call.id,
    ]);
    expect(
      stream.events.filter(
        (event) => event.event === "call_status" && event.data.includes(rows[0].id),
      ),
    ).toHaveLength(1); // the one speech transition
    stream.close();
  });
});

describe("Realtime Authorization on realtime.messages (Supabase private channels)", () => {
  it("lets members join their clinic's topic and nobody else's", async () => {
    expect(await canJoin(db, HARBOUR_RECEPTIONIST, `clinic:${HARBOUR}:calls`)).toBe(true);
    expect(await canJoin(db, NORTHSIDE_ADMIN, `clinic:${HARBOUR}:calls`)).toBe(false);
    expect(await canJoin(db, NORTHSIDE_ADMIN, `clinic:${NORTHSIDE}:calls`)).toBe(true);
    expect(await canJoin(db, HARBOUR_RECEPTIONIST, `clinic:${HARBOUR}:secrets`)).toBe(false);
    expect(await canJoin(db, HARBOUR_RECEPTIONIST, "clinic:not-a-uuid:calls")).toBe(false);
  });
});
