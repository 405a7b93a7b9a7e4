import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { SimulatedCall } from "@/lib/simulator/client";

import { startAppServer, type AppServer } from "../../scripts/lib/app-server";
import { prepareDatabase, type PreparedDatabase } from "../../scripts/lib/database";
import { freePort } from "../../scripts/lib/ports";
import { startTwilioDouble, type TwilioDoubleMessage } from "../doubles/twilio";
import { followUpsOf, waitFor } from "../helpers/follow-ups";
import { CLINIC_NUMBER } from "../helpers/vapi";

// The app process is SIGKILLed after Twilio accepted a follow-up text and before our record of
// it. Its own database, server and Twilio double, so the shared ones are never disturbed.
const SECRET = "crash-webhook-secret-0123456789";
const TWILIO_AUTH_TOKEN = "crash-twilio-token-0123456789";
let dataDir: string;
let db: PreparedDatabase;
let owner: Client;
let twilio: Awaited<ReturnType<typeof startTwilioDouble>>;
let server: AppServer;
let env: Record<string, string>;

// The double crashes the server on the first text it accepts, once the test's calls are all in.
let callsIn: () => void;
const allCallsIn = new Promise<void>((resolve) => (callsIn = resolve));
let crashedOn: TwilioDoubleMessage | undefined;
let crashed: () => void;
const serverCrashed = new Promise<void>((resolve) => (crashed = resolve));

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "callwaiting-crash-"));
  db = await prepareDatabase({
    dataDir,
    port: await freePort(),
    persistent: true,
    fast: true,
    seed: true,
  });
  owner = new Client({ connectionString: db.url });
  await owner.connect();
  twilio = await startTwilioDouble({
    authToken: TWILIO_AUTH_TOKEN,
    async onMessage(message) {
      if (crashedOn) return "answer";
      crashedOn = message;
      await allCallsIn;
      await server.kill();
      crashed();
      return "no-answer";
    },
  });
  env = {
    DATABASE_URL: db.url,
    DATA_DIR: dataDir,
    AUTH_JWT_SECRET: "crash-session-secret-0123456789abcdef",
    VAPI_WEBHOOK_SECRET: SECRET,
    FOLLOW_UP_AGENT_SECRET: "crash-agent-secret-0123456789",
    SMS_PROVIDER: "twilio",
    TWILIO_AUTH_TOKEN,
    TWILIO_ACCOUNT_SID: `AC${"0".repeat(32)}`,
    TWILIO_API_BASE_URL: twilio.url,
    // The double holds the crashing request until the calls are in: well under this.
    TWILIO_TIMEOUT_MS: "1500",
    // A job whose worker died is taken again after 3 s instead of 2 minutes.
    FOLLOW_UP_CLAIM_TIMEOUT_SECONDS: "3",
  };
  server = await startAppServer(env);
});
afterAll(async () => {
  await server?.stop();
  await twilio?.close();
  await owner?.end();
  await db?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A caller who asks about a facelift and hangs up: owed one aftercare text. */
async function enquire() {
  const call = new SimulatedCall({
    url: server.url,
    secret: SECRET,
    clinicNumber: CLINIC_NUMBER,
    speed: 0,
  });
  await call.status("in-progress");
  await call.tool("lookup_procedure", { query: "facelift" });
  expect((await call.end()).status).toBe(200);
  return call;
}

function smsRecordsOf(vapiCallId: string) {
  return owner
    .query<{ provider_sid: string; provider: string }>(
      `select m.provider_sid, m.provider from public.sms_messages m join public.follow_ups f on f.id = m.follow_up_id
         join public.calls c on c.id = f.call_id where c.vapi_call_id = $1`,
      [vapiCallId],
    )
    .then((result) => result.rows);
}

describe("the app process killed between a follow-up's send and its record", () => {
  it("retries the job after a restart, finds the text Twilio already accepted, sends no second one and loses nothing owed", async () => {
    const calls = [await enquire(), await enquire()];
    callsIn();
    await serverCrashed;

    // The moment the bound is about: Twilio has the text, our record of it was never written.
    const victim = calls.find((call) => call.callerNumber === crashedOn!.to)!;
    const other = calls.find((call) => call !== victim)!;
    expect(await followUpsOf(owner, victim.id)).toEqual([
      expect.objectContaining({ kind: "aftercare", status: "sending", attempts: 1 }),
    ]);
    expect(await smsRecordsOf(victim.id)).toEqual([]);

    server = await startAppServer(env);
    const settled = await waitFor(
      () => Promise.all(calls.map((call) => followUpsOf(owner, call.id))),
      (rows) => rows.flat().every((row) => row.status === "sent"),
      { timeoutMs: 20_000 },
    );
    // The crashed job was claimed again once its claim expired; before sending, the retry asked
    // Twilio, found the text it had accepted, and recorded that one: no second text.
    expect(settled).toEqual([
      [expect.objectContaining({ kind: "aftercare", status: "sent" })],
      [expect.objectContaining({ kind: "aftercare", status: "sent" })],
    ]);
    expect((await followUpsOf(owner, victim.id))[0]!.attempts).toBe(2);
    const victimTexts = twilio.messages.filter((message) => message.to === victim.callerNumber);
    expect(victimTexts).toHaveLength(1);
    expect(await smsRecordsOf(victim.id)).toEqual([
      { provider: "twilio", provider_sid: victimTexts[0]!.sid },
    ]);

    // The other caller's text, pending or in flight alongside the victim's when the process died
    // (a pass sends a batch in parallel), went out once and is recorded once.
    const otherTexts = twilio.messages.filter((message) => message.to === other.callerNumber);
    expect(otherTexts).toHaveLength(1);
    expect(await smsRecordsOf(other.id)).toEqual([
      { provider: "twilio", provider_sid: otherTexts[0]!.sid },
    ]);

    // Nothing else is owed or stuck, and the link in the text the caller has opens the PDF.
    const open = await owner.query(
      "select id from public.handoffs where delivered_at is null or delivered_at < updated_at",
    );
    expect(open.rows).toEqual([]);
    const link = new URL(/http\S+\/a\/\S+/.exec(victimTexts[0]!.body)![0]);
    // The text was composed by the server that died; its successor listens on another port.
    expect(
      (await fetch(new URL(`${link.pathname}/pdf`, server.url))).headers.get("content-type"),
    ).toBe("application/pdf");
  });
});
