import { randomUUID } from "node:crypto";
import { utimes } from "node:fs/promises";
import path from "node:path";
import type { Client } from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import type { Claims } from "@/lib/auth/claims";
import { getCallDetail } from "@/lib/calls/service";
import { loadAssistantSource } from "@/lib/db/assistant";
import { closePool } from "@/lib/db/pool";
import { withService } from "@/lib/db/transaction";
import { loadPatientPage } from "@/lib/patients/service";
import { runPurge } from "@/lib/privacy/purge";
import { loadAccessLog, loadPrivacyPage, updatePrivacySettings } from "@/lib/privacy/service";
import { DEFAULT_PRIVACY, missingDisclosure } from "@/lib/privacy/settings";
import { LocalFileStore } from "@/lib/storage/local";
import { assistantFor } from "@/lib/vapi/assistant";

import { addStaff, createClinic, type TestClinic } from "../helpers/clinic";
import { asActor, claimsFor, errorOf, ownerClient } from "../helpers/db";
import { AUTH_JWT_SECRET } from "./global-setup";

// Privacy through the real database (issue 16): the settings' RLS and checks, the assistant
// built from them, and the daily purge (windows per kind, batches, idempotent, taken over after
// a crash, its record visible to the clinic's admins only). Each test owns its clinic; the
// purge is limited to it, since other files share the database.
let db: Client;

beforeAll(async () => {
  process.env.DATABASE_URL = inject("databaseUrl");
  process.env.AUTH_JWT_SECRET = AUTH_JWT_SECRET;
  process.env.DATA_DIR = inject("dataDir");
  db = await ownerClient();
});
afterAll(async () => {
  await db.end();
  await closePool();
});

describe("privacy settings", () => {
  let clinic: TestClinic;
  let admin: string;
  let desk: string;
  beforeAll(async () => {
    clinic = await createClinic(db, { name: "Privacy Settings Clinic" });
    admin = await addStaff(db, [{ clinic, role: "admin" }]);
    desk = await addStaff(db, [{ clinic, role: "receptionist" }]);
  });

  it("gives a clinic that never saved any the defaults, and the assistant HIPAA mode without recording", async () => {
    const page = await loadPrivacyPage(claimsFor(admin) as Claims, clinic.id);
    expect(page.settings).toEqual(DEFAULT_PRIVACY);
    const assistant = await withService(async (tx) =>
      assistantFor(await loadAssistantSource(tx, clinic.id), { APP_URL: "https://app.test" }),
    );
    expect(assistant.compliancePlan).toEqual({ hipaaEnabled: true });
    expect(assistant.artifactPlan?.recordingEnabled).toBe(false);
    expect(assistant.monitorPlan?.listenEnabled).toBe(false);
    expect(
      missingDisclosure(assistant.firstMessage!, {
        clinicName: "Privacy Settings Clinic",
        recordingEnabled: false,
      }),
    ).toEqual([]);
  });

  it("lets an admin save them, and the assistant follows (recording on, said in their words)", async () => {
    const settings = {
      hipaaEnabled: false,
      recordingEnabled: true,
      greeting: "{clinic}: Voxanne, the clinic's AI assistant, on a recorded line.",
      retention: { ...DEFAULT_PRIVACY.retention, transcriptDays: 30, webhookDays: 7 },
    };
    await updatePrivacySettings(claimsFor(admin) as Claims, clinic.id, settings);
    expect((await loadPrivacyPage(claimsFor(admin) as Claims, clinic.id)).settings).toEqual(
      settings,
    );
    const assistant = await withService(async (tx) =>
      assistantFor(await loadAssistantSource(tx, clinic.id), { APP_URL: "https://app.test" }),
    );
    expect(assistant.compliancePlan).toEqual({ hipaaEnabled: false });
    expect(assistant.artifactPlan?.recordingEnabled).toBe(true);
    expect(assistant.firstMessage).toBe(
      "Privacy Settings Clinic: Voxanne, the clinic's AI assistant, on a recorded line.",
    );
    const audit = await db.query(
      "select 1 from public.audit_log where table_name = 'privacy_settings' and clinic_id = $1 and actor_id = $2",
      [clinic.id, admin],
    );
    expect(audit.rowCount).toBeGreaterThan(0);
  });

  it("refuses a receptionist, another clinic's admin and windows out of range, changing nothing", async () => {
    const before = (await loadPrivacyPage(claimsFor(admin) as Claims, clinic.id)).settings;
    await expect(
      updatePrivacySettings(claimsFor(desk) as Claims, clinic.id, DEFAULT_PRIVACY),
    ).rejects.toThrow("Only clinic admins can change privacy settings.");
    const other = await createClinic(db, { name: "Other Privacy Clinic" });
    const otherAdmin = await addStaff(db, [{ clinic: other, role: "admin" }]);
    await expect(
      updatePrivacySettings(claimsFor(otherAdmin) as Claims, clinic.id, DEFAULT_PRIVACY),
    ).rejects.toThrow();
    await asActor(db, { role: "authenticated", sub: admin }, async () => {
      for (const [column, value] of [
        ["transcript_days", 29],
        ["webhook_days", 366],
        ["handoff_days", 0],
      ] as const) {
        const error = await errorOf(
          db,
          `update public.privacy_settings set ${column} = $2 where clinic_id = $1`,
          [clinic.id, value],
        );
        expect(error?.code, column).toBe("23514");
      }
    });
    expect((await loadPrivacyPage(claimsFor(admin) as Claims, clinic.id)).settings).toEqual(before);
  });
});

describe("the daily purge", () => {
  let clinic: TestClinic;
  let admin: string;
  let desk: string;
  const keep = "now() - interval '2 days'";
  const old = "now() - interval '100 days'";
  const mid = "now() - interval '45 days'";

  beforeAll(async () => {
    // The clinic appears with its data in one transaction, so a purge by the server's own loop
    // (which may run at any time) sees all of it or none, and the outcome is the same.
    await db.query("begin");
    clinic = await createClinic(db, { name: "Purge Clinic" });
    const id = clinic.id;
    await db.query(
      `insert into public.privacy_settings (clinic_id, transcript_days, call_event_days, handoff_days, sms_days, webhook_days)
       values ($1, 30, 60, 30, 30, 7)`,
      [id],
    );
    const call = async (created = keep) =>
      (
        await db.query<{ id: string }>(
          `insert into public.calls (clinic_id, vapi_call_id, state, created_at) values ($1, $2, 'completed', ${created}) returning id`,
          [id, `purge-${randomUUID()}`],
        )
      ).rows[0]!.id;
    const callId = await call();
    // Transcript lines: 3 old and 1 at 45 days go (30-day window), 1 recent stays.
    for (const [seq, at] of [
      [0, old],
      [1, old],
      [2, old],
      [3, mid],
      [4, keep],
    ] as const)
      await db.query(
        `insert into public.logs (clinic_id, call_id, seq, speaker, text, created_at) values ($1, $2, $3, 'user', 'Hello', ${at})`,
        [id, callId, seq],
      );
    // Call events: 3 old go; 45 days stays (60-day window); 1 recent stays.
    for (const at of [old, old, old, mid, keep])
      await db.query(
        `insert into public.call_events (clinic_id, call_id, kind, event, occurred_at) values ($1, $2, 'note', 'purge-test', ${at})`,
        [id, callId],
      );
    await db.query(
      `insert into public.speech_events (call_id, clinic_id, role, at) values ($2, $1, 'user', ${old}), ($2, $1, 'user', ${keep})`,
      [id, callId],
    );
    // Hand-offs: old with a sent follow-up (goes, with it); old with a follow-up still to send
    // (stays); recent with an old failed follow-up (the hand-off stays, the follow-up goes).
    const handoff = async (created: string) => {
      const hCall = await call(created);
      return (
        await db.query<{ id: string; call_id: string }>(
          `insert into public.handoffs (clinic_id, call_id, caller_number, final_state, created_at)
           values ($1, $2, '+15557770001', 'completed', ${created}) returning id, call_id`,
          [id, hCall],
        )
      ).rows[0]!;
    };
    const followUp = (h: { id: string; call_id: string }, status: string, updated: string) =>
      db.query(
        `insert into public.follow_ups (clinic_id, call_id, handoff_id, kind, status, to_number, due_by, next_attempt_at, updated_at)
         values ($1, $2, $3, 'cut_off', $4, '+15557770001', now() + interval '1 year', now() + interval '1 year', ${updated})`,
        [id, h.call_id, h.id, status],
      );
    await followUp(await handoff(old), "sent", old);
    await followUp(await handoff(old), "pending", old);
    await followUp(await handoff(keep), "failed", old);
    // Appointment texts: an old sent answer goes; a recent one stays.
    const booking = (
      await db.query<{ id: string }>(
        `insert into public.bookings (clinic_id, patient_name, patient_phone, practitioner_id, appointment_type_id,
                                      starts_at, ends_at, source, status)
         values ($1, 'Ana Reyes', '+15557770002', $2, $3, date_trunc('minute', now() + interval '3 days'),
                 date_trunc('minute', now() + interval '3 days') + interval '30 minutes', 'staff', 'confirmed')
         returning id`,
        [id, clinic.practitionerIds[0], clinic.typeId],
      )
    ).rows[0]!.id;
    for (const at of [old, keep])
      await db.query(
        `insert into public.appointment_texts (clinic_id, booking_id, kind, appointment_starts_at, status, to_number, due_by, sent_at, updated_at)
         values ($1, $2, 'reply_confirmed', now() + interval '3 days', 'sent', '+15557770002', now(), ${at}, ${at})`,
        [id, booking],
      );
    // Text messages: 2 old go, 1 recent stays.
    for (const at of [old, old, keep])
      await db.query(
        `insert into public.sms_messages (clinic_id, direction, to_number, from_number, body, provider, status, created_at)
         values ($1, 'inbound', $2, '+15557770003', 'Is my appointment still on?', 'outbox', 'received', ${at})`,
        [id, clinic.phoneNumber],
      );
    // Webhook receipts: 2 ten days old go (7-day window), 1 recent stays.
    for (const at of ["now() - interval '10 days'", "now() - interval '10 days'", keep])
      await db.query(
        `insert into public.webhook_events (source, dedupe_key, message_type, clinic_id, received_at)
         values ('vapi', $2, 'status-update', $1, ${at})`,
        [id, `purge-${randomUUID()}`],
      );
    // Stored files: one a document points at, one no document does (written 3 days ago: goes),
    // one no document does yet (written now: an upload in flight, kept).
    const files = new LocalFileStore(inject("dataDir"));
    for (const name of ["current.pdf", "replaced.pdf", "uploading.pdf"])
      await files.put("aftercare", `${id}/aftercare/${name}`, new Uint8Array([37, 80, 68, 70]));
    const threeDaysAgo = new Date(Date.now() - 3 * 86_400_000);
    for (const name of ["current.pdf", "replaced.pdf"])
      await utimes(
        path.join(inject("dataDir"), "storage", "aftercare", id, "aftercare", name),
        threeDaysAgo,
        threeDaysAgo,
      );
    await db.query(
      `insert into public.aftercare_documents (clinic_id, title, storage_path, file_name, size_bytes, sha256)
       values ($1, 'Current aftercare', $2, 'current.pdf', 4, repeat('a', 64))`,
      [id, `${id}/aftercare/current.pdf`],
    );
    await db.query("commit");
    admin = await addStaff(db, [{ clinic, role: "admin" }]);
    desk = await addStaff(db, [{ clinic, role: "receptionist" }]);
  });

  const counts = async () =>
    (
      await db.query<Record<string, number>>(
        `select (select count(*)::int from public.logs where clinic_id = $1) as logs,
                (select count(*)::int from public.call_events where clinic_id = $1 and event = 'purge-test') as "callEvents",
                (select count(*)::int from public.speech_events where clinic_id = $1) as "speechEvents",
                (select count(*)::int from public.handoffs where clinic_id = $1) as handoffs,
                (select count(*)::int from public.follow_ups where clinic_id = $1) as "followUps",
                (select count(*)::int from public.appointment_texts where clinic_id = $1 and kind = 'reply_confirmed') as "appointmentTexts",
                (select count(*)::int from public.sms_messages where clinic_id = $1 and direction = 'inbound') as "smsMessages",
                (select count(*)::int from public.webhook_events where clinic_id = $1) as "webhookReceipts"`,
        [clinic.id],
      )
    ).rows[0]!;
  const todaysRun = async () =>
    (
      await db.query<{ finished_at: Date | null; removed: Record<string, number> }>(
        "select finished_at, removed from public.purge_runs where clinic_id = $1 and run_on = (now() at time zone 'utc')::date",
        [clinic.id],
      )
    ).rows;

  const EXPECTED_REMOVED = {
    transcriptLines: 4,
    callEvents: 3,
    speechEvents: 1,
    handoffs: 1,
    followUps: 1,
    appointmentTexts: 1,
    smsMessages: 2,
    webhookReceipts: 2,
    unreferencedFiles: 1,
  };

  it("removes what is older than each window, in small batches, keeps the rest and records what went", async () => {
    // Batches of 2: every kind with more than two rows to remove takes several transactions.
    await runPurge({ batch: 2, only: [clinic.id] });
    expect(await counts()).toEqual({
      logs: 1,
      callEvents: 2,
      speechEvents: 1,
      handoffs: 2,
      followUps: 1, // the pending one of the old hand-off that stays
      appointmentTexts: 1,
      smsMessages: 1,
      webhookReceipts: 1,
    });
    const [run] = await todaysRun();
    expect(run?.finished_at).toBeInstanceOf(Date);
    expect(run?.removed).toEqual(EXPECTED_REMOVED);
    const stored = (
      await new LocalFileStore(inject("dataDir")).list("aftercare", `${clinic.id}/aftercare`)
    )
      .map((file) => path.basename(file.path))
      .sort();
    expect(stored).toEqual(["current.pdf", "uploading.pdf"]);
    const pending = await db.query(
      "select 1 from public.follow_ups where clinic_id = $1 and status = 'pending'",
      [clinic.id],
    );
    expect(pending.rowCount).toBe(1);
  });

  it("runs once a day: a second pass, or several at once, change nothing", async () => {
    const before = await counts();
    const passes = await Promise.all([
      runPurge({ batch: 2, only: [clinic.id] }),
      runPurge({ batch: 2, only: [clinic.id] }),
    ]);
    expect(passes.flatMap((pass) => pass.runs)).toEqual([]);
    expect(await counts()).toEqual(before);
    expect(await todaysRun()).toHaveLength(1);
  });

  it("takes over a run that died, and its tally stays what was removed", async () => {
    await db.query(
      "update public.purge_runs set finished_at = null, started_at = now() - interval '31 minutes' where clinic_id = $1",
      [clinic.id],
    );
    const pass = await runPurge({ batch: 2, only: [clinic.id] });
    expect(pass.runs).toHaveLength(1);
    expect(Object.values(pass.runs[0]!.removed).every((n) => n === 0)).toBe(true);
    const [run] = await todaysRun();
    expect(run?.finished_at).toBeInstanceOf(Date);
    expect(run?.removed).toEqual(EXPECTED_REMOVED);
  });

  it("purges webhook receipts of no clinic in a run of their own, once a day", async () => {
    await runPurge({ only: [null] });
    const runs = await db.query<{ finished_at: Date | null; removed: Record<string, number> }>(
      "select finished_at, removed from public.purge_runs where clinic_id is null and run_on = (now() at time zone 'utc')::date",
    );
    expect(runs.rows).toHaveLength(1);
    expect(runs.rows[0]!.finished_at).toBeInstanceOf(Date);
    expect(Object.keys(runs.rows[0]!.removed).sort()).toEqual([
      "signInLeftovers",
      "webhookReceipts",
    ]);
    expect((await runPurge({ only: [null] })).runs).toEqual([]);
  });

  it("shows the run to the clinic's admins only; no one signed in can write one", async () => {
    const page = await loadPrivacyPage(claimsFor(admin) as Claims, clinic.id);
    expect(page.purgeRuns[0]?.removed).toEqual(EXPECTED_REMOVED);
    expect((await loadPrivacyPage(claimsFor(desk) as Claims, clinic.id)).purgeRuns).toEqual([]);
    await asActor(db, { role: "authenticated", sub: admin }, async () => {
      for (const sql of [
        "insert into public.purge_runs (clinic_id, run_on) values ($1, current_date + 1)",
        "update public.purge_runs set removed = '{}' where clinic_id = $1",
        "delete from public.purge_runs where clinic_id = $1",
      ])
        expect((await errorOf(db, sql, [clinic.id]))?.code, sql).toBe("42501");
    });
  });
});

describe("who opened what", () => {
  let clinic: TestClinic;
  let admin: string;
  let desk: string;
  let callId: string;
  let otherCallId: string;
  let patientId: string;
  const phone = `+1557${String(Date.now()).slice(-7)}`;

  beforeAll(async () => {
    clinic = await createClinic(db, { name: "Access Log Clinic" });
    admin = await addStaff(db, [{ clinic, role: "admin" }]);
    desk = await addStaff(db, [{ clinic, role: "receptionist" }]);
    patientId = (
      await db.query<{ id: string }>(
        "insert into public.patients (clinic_id, full_name, phone) values ($1, 'Ana Reyes', $2) returning id",
        [clinic.id, phone],
      )
    ).rows[0]!.id;
    callId = (
      await db.query<{ id: string }>(
        `insert into public.calls (clinic_id, vapi_call_id, state, caller_number, patient_id)
         values ($1, $2, 'completed', $3, $4) returning id`,
        [clinic.id, `access-${randomUUID()}`, phone, patientId],
      )
    ).rows[0]!.id;
    otherCallId = (
      await db.query<{ id: string }>(
        `insert into public.calls (clinic_id, vapi_call_id, state, caller_number)
         values ($1, $2, 'completed', '+15557779999') returning id`,
        [clinic.id, `access-${randomUUID()}`],
      )
    ).rows[0]!.id;
  });

  const entries = async () =>
    (
      await db.query<{ actor_id: string; subject: string; subject_id: string }>(
        "select actor_id, subject, subject_id from public.access_log where clinic_id = $1 order by id",
        [clinic.id],
      )
    ).rows;

  it("records each opening of a call or a patient as the person who opened it, once a minute", async () => {
    expect(await getCallDetail(claimsFor(desk) as Claims, callId)).not.toBeNull();
    expect(await getCallDetail(claimsFor(desk) as Claims, callId)).not.toBeNull(); // a refresh
    await loadPatientPage(claimsFor(desk) as Claims, clinic.id, patientId);
    await getCallDetail(claimsFor(admin) as Claims, otherCallId);
    expect(await entries()).toEqual([
      { actor_id: desk, subject: "call", subject_id: callId },
      { actor_id: desk, subject: "patient", subject_id: patientId },
      { actor_id: admin, subject: "call", subject_id: otherCallId },
    ]);
  });

  it("records nothing for a call of another clinic, which the person cannot open", async () => {
    const outsider = await addStaff(db, [
      { clinic: await createClinic(db, { name: "Outside Clinic" }), role: "admin" },
    ]);
    expect(await getCallDetail(claimsFor(outsider) as Claims, callId)).toBeNull();
    expect(await entries()).toHaveLength(3);
  });

  it("shows admins the log filtered by staff member, patient and date; receptionists none of it", async () => {
    const log = (filter: Parameters<typeof loadAccessLog>[2]) =>
      loadAccessLog(claimsFor(admin) as Claims, clinic.id, filter);
    const all = await log({});
    expect(all.rows.map((row) => [row.subject, row.label])).toEqual([
      ["call", "…9999"],
      ["patient", "Ana Reyes"],
      ["call", `…${phone.slice(-4)}`],
    ]);
    expect(all.actors.map((actor) => actor.actorId).sort()).toEqual([admin, desk].sort());
    expect((await log({ actorId: desk })).rows).toHaveLength(2);
    // The patient: their page, and the call filed under them.
    expect((await log({ patientId })).rows.map((row) => row.subjectId).sort()).toEqual(
      [callId, patientId].sort(),
    );
    expect((await log({ from: "2000-01-01", to: "2000-01-31" })).rows).toEqual([]);
    const around = (days: number) =>
      new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    expect((await log({ from: around(-1), to: around(1) })).rows).toHaveLength(3);
    const asDesk = await loadAccessLog(claimsFor(desk) as Claims, clinic.id, {});
    expect(asDesk).toEqual({ rows: [], actors: [] });
  });

  it("cannot be written, changed or deleted by staff, nor forged for another clinic", async () => {
    const other = await createClinic(db, { name: "Forged Clinic" });
    const otherCall = (
      await db.query<{ id: string }>(
        "insert into public.calls (clinic_id, vapi_call_id, state) values ($1, $2, 'completed') returning id",
        [other.id, `access-${randomUUID()}`],
      )
    ).rows[0]!.id;
    for (const who of [admin, desk])
      await asActor(db, { role: "authenticated", sub: who }, async () => {
        for (const [sql, params, code] of [
          [
            "insert into public.access_log (clinic_id, actor_id, subject, subject_id) values ($1, $2, 'call', $3)",
            [clinic.id, who, callId],
            "42501",
          ],
          ["update public.access_log set at = now() where clinic_id = $1", [clinic.id], "42501"],
          ["delete from public.access_log where clinic_id = $1", [clinic.id], "42501"],
          ["select public.record_access($1, 'call', $2)", [other.id, otherCall], "42501"],
          ["select public.record_access($1, 'call', $2)", [clinic.id, otherCall], "22023"],
          ["select public.record_access($1, 'invoice', $2)", [clinic.id, callId], "22023"],
        ] as const)
          expect((await errorOf(db, sql, [...params]))?.code, `${sql} as ${who}`).toBe(code);
      });
    // Not even the database owner changes an entry (the append-only trigger).
    await expect(
      db.query("update public.access_log set at = now() where clinic_id = $1", [clinic.id]),
    ).rejects.toThrow();
    expect(await entries()).toHaveLength(3);
  });
});

describe("sign-in leftovers", () => {
  it("are purged a day after the last failure and 30 days after a session ended, and nothing sooner", async () => {
    const tag = randomUUID().slice(0, 8);
    const user = await addStaff(db, [
      { clinic: await createClinic(db, { name: `Leftovers ${tag}` }), role: "receptionist" },
    ]);
    await db.query(
      `insert into private.sign_in_failures (scope, key, failures, last_failure_at, locked_until) values
         ('account', $1, 3, now() - interval '2 days', null),
         ('account', $2, 9, now() - interval '2 days', now() + interval '10 minutes'),
         ('address', $3, 2, now() - interval '5 minutes', null)`,
      [`old-${tag}@example.test`, `locked-${tag}@example.test`, `203.0.113.${tag.length}-${tag}`],
    );
    const hash = (n: number) =>
      `${tag}${String(n).repeat(56)}`.slice(0, 64).replace(/[^0-9a-f]/g, "a");
    await db.query(
      `insert into private.local_sessions (token_hash, user_id, created_at, expires_at, revoked_at, revoked_reason) values
         ($2, $1, now() - interval '60 days', now() - interval '31 days', null, null),
         ($3, $1, now() - interval '60 days', now() + interval '1 day', now() - interval '31 days', 'signed_out'),
         ($4, $1, now() - interval '10 days', now() - interval '2 days', null, null),
         ($5, $1, now(), now() + interval '7 days', null, null)`,
      [user, hash(1), hash(2), hash(3), hash(4)],
    );

    // Through the daily purge's unowned run, as production runs it.
    const report = await runPurge({ only: [null] });
    expect(report.runs.length).toBeLessThanOrEqual(1);
    // The unowned run is once a day per database: when the server's own loop ran it first
    // today, the function that run calls is called directly.
    if (report.runs.length === 0) await db.query("select public.purge_sign_in_leftovers()");
    else expect(report.runs[0]!.removed.signInLeftovers).toBeGreaterThanOrEqual(3);
    const failures = await db.query(
      "select key from private.sign_in_failures where key like $1 order by key",
      [`%${tag}%`],
    );
    expect(failures.rows.map((row) => row.key)).toEqual([
      `203.0.113.${tag.length}-${tag}`,
      `locked-${tag}@example.test`,
    ]);
    const sessions = await db.query(
      "select token_hash from private.local_sessions where user_id = $1 order by created_at",
      [user],
    );
    expect(sessions.rows.map((row) => row.token_hash).sort()).toEqual([hash(3), hash(4)].sort());
  });
});
