import type { Tx } from "./transaction";

/**
 * The embedded default's server-side sessions and sign-in throttling (AUTH_PROVIDER=local), in
 * `private` tables only the connection's own role reads (withConnectionRole). No `server-only`
 * import: the proxy checks sessions too.
 */

/** Records a new session; the token's id is kept only as its SHA-256. */
export async function insertLocalSession(
  tx: Tx,
  session: { tokenHash: string; userId: string; expiresAt: Date },
): Promise<void> {
  await tx.query(
    "insert into private.local_sessions (token_hash, user_id, expires_at) values ($1, $2, $3)",
    [session.tokenHash, session.userId, session.expiresAt],
  );
}

/** The session's absolute expiry while it is still good (not revoked, expired, or its user banned), else null. */
export async function checkLocalSession(
  tx: Tx,
  tokenHash: string,
  userId: string,
  refresh: boolean,
): Promise<Date | null> {
  // A function result: its type is the function's declared return type.
  const row = await tx.one<{ expires_at: Date | null }>(
    "select private.check_local_session($1, $2, $3) as expires_at",
    [tokenHash, userId, refresh],
  );
  return row.expires_at;
}

export async function revokeLocalSession(
  tx: Tx,
  tokenHash: string,
  reason: "signed_out" | "banned",
): Promise<void> {
  await tx.query(
    `update private.local_sessions set revoked_at = now(), revoked_reason = $2
      where token_hash = $1 and revoked_at is null`,
    [tokenHash, reason],
  );
}

/** How long failures wait, per lib/auth/throttle.ts. */
export interface ThrottlePolicy {
  accountFree: number;
  addressFree: number;
  baseSeconds: number;
  capSeconds: number;
  forgetSeconds: number;
}

/** When attempts for the account or from the address may resume, if they must wait (locks the account's row). */
export async function signInWait(tx: Tx, account: string, address: string): Promise<Date | null> {
  const row = await tx.one<{ until: Date | null }>("select private.sign_in_wait($1, $2) as until", [
    account,
    address,
  ]);
  return row.until;
}

/** Counts a failed attempt; the time attempts must wait until, if they now must. */
export async function recordSignInFailure(
  tx: Tx,
  account: string,
  address: string,
  policy: ThrottlePolicy,
): Promise<Date | null> {
  const row = await tx.one<{ until: Date | null }>(
    `select private.sign_in_failed($1, $2, $3, $4, make_interval(secs => $5),
                                   make_interval(secs => $6), make_interval(secs => $7)) as until`,
    [
      account,
      address,
      policy.accountFree,
      policy.addressFree,
      policy.baseSeconds,
      policy.capSeconds,
      policy.forgetSeconds,
    ],
  );
  return row.until;
}

export async function clearAccountFailures(tx: Tx, account: string): Promise<void> {
  await tx.query("select private.sign_in_succeeded($1)", [account]);
}
