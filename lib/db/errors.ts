/**
 * What a failed query means, decided in one place: the Postgres SQLSTATE codes (and the
 * node-postgres socket errors) the app reacts to are named here and matched nowhere else.
 * https://www.postgresql.org/docs/current/errcodes-appendix.html
 */
export type DatabaseFailure =
  /**
   * The database cannot serve this right now (restart, failover, pool exhausted, or a lock wait
   * past its `lock_timeout` under contention): retry later.
   */
  | "unavailable"
  /** A concurrent transaction won (serialization failure, deadlock): run the transaction again. */
  | "conflict"
  /** A unique constraint (23505). */
  | "duplicate"
  /** A foreign key points at a row that is not there, or not in this clinic (23503). */
  | "bad_reference"
  /** An exclusion constraint: the row overlaps another (e.g. a practitioner's weekly hours) (23P01). */
  | "overlap"
  /** RLS or a grant refused the signed-in person (42501). */
  | "forbidden"
  /** One of our functions or triggers refused the change (22023, raised with `errcode`). */
  | "not_allowed";

const BY_CODE: Record<string, DatabaseFailure> = {
  // Connection lost or refused, server shutting down or starting, too many connections.
  ECONNREFUSED: "unavailable",
  ECONNRESET: "unavailable",
  ETIMEDOUT: "unavailable",
  EPIPE: "unavailable",
  "57P01": "unavailable",
  "57P02": "unavailable",
  "57P03": "unavailable",
  "08000": "unavailable",
  "08003": "unavailable",
  "08006": "unavailable",
  "53300": "unavailable",
  // lock_not_available: a function's `lock_timeout` ran out while others held the rows (a
  // thousand callers on one practitioner on a busy machine). Nothing was written; a retry works.
  "55P03": "unavailable",
  "40001": "conflict",
  "40P01": "conflict",
  "23505": "duplicate",
  "23503": "bad_reference",
  "23P01": "overlap",
  "42501": "forbidden",
  "22023": "not_allowed",
};

// node-postgres reports a dropped or never-made connection by message, without a code.
const UNAVAILABLE_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|is not queryable/i;

/** The failure `error` is, if it is one the app reacts to; null for anything else (a bug). */
export function databaseFailure(error: unknown): DatabaseFailure | null {
  const code = (error as { code?: unknown } | null)?.code;
  const known = typeof code === "string" ? BY_CODE[code] : undefined;
  if (known) return known;
  return UNAVAILABLE_MESSAGE.test((error as Error | null)?.message ?? "") ? "unavailable" : null;
}

export const isDatabaseUnavailable = (error: unknown) => databaseFailure(error) === "unavailable";

/**
 * Runs a whole transaction again when a concurrent one made it fail (serialization failure,
 * deadlock), up to `retries` more times. `run` must open its own transaction, so each attempt
 * starts clean; the lock order (./locks.ts) keeps these rare.
 */
export async function retryOnConflict<T>(run: () => Promise<T>, retries = 3): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt < retries && databaseFailure(error) === "conflict") continue;
      throw error;
    }
  }
}
