import { randomInt } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startAppServer, type AppServer } from "../../scripts/lib/app-server";
import { prepareDatabase, type PreparedDatabase } from "../../scripts/lib/database";
import { freePort } from "../../scripts/lib/ports";
import { startTwilioDouble, type TwilioDoubleMessage } from "../doubles/twilio";
import { createClinic } from "../helpers/clinic";
import { waitFor } from "../helpers/follow-ups";

// The database stops in the middle of a burst of due reminders, right after Twilio accepted one
// and before our record of it, while several workers race for the jobs; it comes back. Its own
// database, server and Twilio double, so the shared ones are never disturbed.
const TWILIO_AUTH_TOKEN = "reminders-restart-token-0123456789";
const CRON_SECRET = "reminders-restart-cron-0123456789";
const REMINDERS = 40;
let dataDir: string;
let port: number;
let db: PreparedDatabase;
let server: AppServer;
let twilio: Awaited<ReturnType<typeof startTwilioDouble>>;

// The double stops the database on the 10th reminder it accepts, before answering.
let stoppedOn: TwilioDoubleMessage | undefined;
let stopped: () => void;
const databaseStopped = new Promise<void>((resolve) => (stopped = resolve));
let reminding = false;
let reminderCount = 0;

const startDb = () => prepareDatabase({ dataDir, port, persistent: true, fast: true, seed: false });

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "callwaiting-reminders-restart-"));
  port = await freePort();
  db = await startDb();
  twilio = await startTwilioDouble({
    authToken: TWILIO_AUTH_TOKEN,
    async onMessage(message) {
      if (!reminding || stoppedOn || !/A reminder of/.test(message.body)) return "answer";
      if (++reminderCount < 10) return "answer";
      stoppedOn = message;
      await db.stop();
      stopped();
      return "answer";
    },
  });
  server = await startAppServer({
    DATABASE_URL: db.url,
    DATA_DIR: dataDir,
    AUTH_JWT_SECRET: "reminders-restart-session-0123456789abcdef",
    VAPI_WEBHOOK_SECRET: "reminders-restart-webhook-0123456789",
    SMS_PROVIDER: "twilio",
    TWILIO_AUTH_TOKEN,
    TWILIO_ACCOUNT_SID: `AC${"0".repeat(32)}`,
    TWILIO_API_BASE_URL: twilio.url,
    TWILIO_TIMEOUT_MS: "1500",
    CRON_SECRET,
    // Jobs claimed by a pass the restart cut off are taken again after 3 s instead of 2 minutes.
    FOLLOW_UP_CLAIM_TIMEOUT_SECONDS: "3",
  });
});
afterAll(async () => {
  await server?.stop();
  await twilio?.close();
  await db?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const pass = () =>
  fetch(`${server.url}/api/cron/follow-ups`, {
    headers: { authorization: `Bearer ${CRON_SECRET}` },
  }).catch(() => null);

async function withOwner<T>(fn: (owner: Client) => Promise<T>): Promise<T> {
  const owner = new Client({ connectionString: db.url });
  await owner.connect();
  try {
    return await fn(owner);
  } finally {
    await owner.end();
  }
}

describe("the database restarting during a burst of due reminders", () => {
  it("sends every reminder exactly once, recording the one Twilio accepted before the database went", async () => {
    const { clinicId, phone, bookings } = await withOwner(async (owner) => {
      const clinic = await createClinic(owner, { name: "Restart Clinic" });
      await owner.query(
        "insert into public.reminder_settings (clinic_id, quiet_start, quiet_end) values ($1, null, null)",
        [clinic.id],
      );
      const phones = Array.from(
        { length: REMINDERS },
        () => `+1559${String(randomInt(1_000_000, 10_000_000))}`,
      );
      const { rows } = await owner.query<{ id: string; patient_phone: string }>(
        `insert into public.bookings (clinic_id, patient_name, patient_phone, practitioner_id, appointment_type_id,
                                      starts_at, ends_at, source, status)
         select $1, 'Ana Reyes', p, $2, $3, date_trunc('minute', now()) + interval '3 days',
                date_trunc('minute', now()) + interval '3 days 30 minutes', 'staff', 'confirmed'
           from unnest($4::text[]) p returning id, patient_phone`,
        [clinic.id, clinic.practitionerIds[0], clinic.typeId, phones],
      );
      return { clinicId: clinic.id, phone: clinic.phoneNumber, bookings: rows };
    });
    // The confirmations go first; then the reminders all fall due at once.
    await waitFor(
      () =>
        withOwner((owner) =>
          owner.query(
            "select 1 from public.appointment_texts where clinic_id = $1 and kind = 'confirmation' and status <> 'sent'",
            [clinicId],
          ),
        ),
      (result) => result.rows.length === 0,
      { timeoutMs: 30_000, between: pass },
    );
    reminding = true;
    await withOwner((owner) =>
      owner.query(
        "update public.appointment_texts set next_attempt_at = now() where clinic_id = $1 and kind = 'reminder_24h'",
        [clinicId],
      ),
    );
    // Duplicate workers: three cron passes alongside the in-app loop.
    void Promise.all([pass(), pass(), pass()]);
    await databaseStopped;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    db = await startDb();

    const jobs = await waitFor(
      () =>
        withOwner((owner) =>
          owner.query<{ to_number: string; status: string; attempts: number; texts: number }>(
            `select t.to_number, t.status, t.attempts,
                    (select count(*)::int from public.sms_messages m where m.appointment_text_id = t.id) as texts
               from public.appointment_texts t where t.clinic_id = $1 and t.kind = 'reminder_24h'`,
            [clinicId],
          ),
        ).catch(() => ({ rows: [] })),
      (result) =>
        result.rows.length === REMINDERS && result.rows.every((row) => row.status === "sent"),
      { timeoutMs: 45_000, between: () => Promise.all([pass(), pass()]) },
    );
    expect(jobs.rows).toHaveLength(REMINDERS);
    for (const row of jobs.rows) expect(row).toMatchObject({ status: "sent", texts: 1 });
    // The victim: accepted by Twilio, unrecorded when the database went; recorded on the retry.
    expect(jobs.rows.find((row) => row.to_number === stoppedOn!.to)!.attempts).toBeGreaterThan(1);
    for (const booking of bookings) {
      const reminders = twilio.messages.filter(
        (message) =>
          message.to === booking.patient_phone &&
          message.from === phone &&
          /A reminder of/.test(message.body),
      );
      expect(reminders, `reminders to ${booking.id}`).toHaveLength(1);
    }
  });
});
