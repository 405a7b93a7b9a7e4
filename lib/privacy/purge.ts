import "server-only";

import {
  addPurged,
  claimPurgeRun,
  clinicsDueForPurge,
  finishPurgeRun,
  getPrivacySettings,
  PURGE_KINDS,
  purgeBatch,
  purgeSignInLeftovers,
  referencedFiles,
  type PurgeKind,
  type PurgeTally,
} from "@/lib/db/privacy";
import { withService } from "@/lib/db/transaction";
import { getFileStore } from "@/lib/storage";

import { DEFAULT_RETENTION } from "./settings";

const DAY_MS = 86_400_000;
/** A file no document refers to is kept this long, so an upload whose row is not committed yet is safe. */
export const UNREFERENCED_FILE_GRACE_MS = DAY_MS;

export interface PurgeReport {
  /** Runs this pass claimed and finished (a clinic, or null for unowned webhook receipts). */
  runs: { clinicId: string | null; removed: Partial<Record<PurgeTally, number>> }[];
}

/**
 * The daily retention purge (issue 16): for each clinic whose run today (UTC) is neither done
 * nor under way, claims it and deletes what is older than the clinic's windows, kind by kind,
 * `batch` rows per transaction (each its own short transaction, rows another transaction holds
 * skipped) and its stored files no document refers to, then records what went. Idempotent: a
 * second pass the same day finds every run done;
 * deleting what is already gone removes nothing. Runs from the follow-up loop and the cron route;
 * `only` limits a pass to some clinics (tests, which share a database with other tests).
 */
export async function runPurge(
  options: { batch?: number; only?: (string | null)[] } = {},
): Promise<PurgeReport> {
  const batch = options.batch ?? 500;
  const report: PurgeReport = { runs: [] };
  const due = (await withService((tx) => clinicsDueForPurge(tx))).filter(
    (clinicId) => !options.only || options.only.includes(clinicId),
  );
  for (const clinicId of due) {
    const run = await withService((tx) => claimPurgeRun(tx, clinicId));
    if (!run) continue; // another worker took it first
    try {
      const retention =
        clinicId === null
          ? DEFAULT_RETENTION
          : ((await withService((tx) => getPrivacySettings(tx, clinicId)))?.retention ??
            DEFAULT_RETENTION);
      const removed: Partial<Record<PurgeTally, number>> = {};
      for (const [kind, window] of Object.entries(PURGE_KINDS) as [
        PurgeKind,
        (typeof PURGE_KINDS)[PurgeKind],
      ][]) {
        if (clinicId === null && kind !== "webhookReceipts") continue;
        const before = new Date(run.startedAt.getTime() - retention[window] * DAY_MS);
        let total = 0;
        for (;;) {
          const n = await withService((tx) => purgeBatch(tx, kind, clinicId, before, batch));
          total += n;
          if (n < batch) break;
        }
        await withService((tx) => addPurged(tx, run.id, kind, total));
        removed[kind] = total;
      }
      if (clinicId === null) {
        const n = await withService((tx) => purgeSignInLeftovers(tx));
        await withService((tx) => addPurged(tx, run.id, "signInLeftovers", n));
        removed.signInLeftovers = n;
      } else {
        const n = await purgeUnreferencedFiles(clinicId, run.startedAt);
        await withService((tx) => addPurged(tx, run.id, "unreferencedFiles", n));
        removed.unreferencedFiles = n;
      }
      await withService((tx) => finishPurgeRun(tx, run.id));
      report.runs.push({ clinicId, removed });
    } catch (error) {
      // The error's name and message only (SQL errors carry no row values here); taken over later.
      const message = `${(error as Error).name}: ${(error as Error).message}`.slice(0, 500);
      await withService((tx) => finishPurgeRun(tx, run.id, message)).catch(() => undefined);
      throw error;
    }
  }
  return report;
}

/**
 * Deletes the clinic's stored files (`<clinic_id>/aftercare/…`) that no aftercare document
 * refers to any more (replaced or deleted PDFs), once older than a day; how many went.
 */
async function purgeUnreferencedFiles(clinicId: string, now: Date): Promise<number> {
  const store = getFileStore();
  const referenced = await withService((tx) => referencedFiles(tx, clinicId));
  const doomed = (await store.list(`${clinicId}/aftercare`))
    .filter(
      (file) =>
        !referenced.has(file.path) &&
        file.updatedAt.getTime() < now.getTime() - UNREFERENCED_FILE_GRACE_MS,
    )
    .map((file) => file.path);
  for (let i = 0; i < doomed.length; i += 100) await store.remove(doomed.slice(i, i + 100));
  return doomed.length;
}

const CHECK_EVERY_MS = 10 * 60_000;
const shared = globalThis as unknown as {
  __purgeCheckedAt?: number;
  __purgeRunning?: Promise<PurgeReport> | null;
};

/**
 * The purge from the in-app loop: at most one check every 10 minutes per process, and never
 * two at once (the check itself is one query; the database decides whether a run is due).
 */
export async function runPurgeIfDue(now = Date.now()): Promise<PurgeReport | null> {
  if (shared.__purgeRunning) return null;
  if (shared.__purgeCheckedAt !== undefined && now - shared.__purgeCheckedAt < CHECK_EVERY_MS)
    return null;
  shared.__purgeCheckedAt = now;
  shared.__purgeRunning = runPurge();
  try {
    return await shared.__purgeRunning;
  } finally {
    shared.__purgeRunning = null;
  }
}
