import { createHash } from "node:crypto";
import { SignJWT } from "jose";
import type { Client } from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { resetEnvCache } from "@/lib/env";
import type { Claims } from "@/lib/auth/claims";
import { signInWithPassword } from "@/lib/auth/service";
import { endLocalSession } from "@/lib/auth/session-record";
import { THROTTLE } from "@/lib/auth/throttle";
import { closePool } from "@/lib/db/pool";
import {
  acceptStaffInvitation,
  changeStaffRole,
  inviteStaff,
  loadStaffPage,
  openInvitation,
  removeStaffMember,
  revokeStaffInvitation,
} from "@/lib/staff/service";

import { freePort } from "../../scripts/lib/ports";
import { startSupabaseAuthDouble } from "../doubles/supabase-auth";
import { addStaff, createClinic, type TestClinic } from "../helpers/clinic";
import { claimsFor, ownerClient } from "../helpers/db";
import { openStream } from "../helpers/session";
import { AUTH_JWT_SECRET } from "./global-setup";

// Staff management, local sessions and sign-in throttling (issue 19) against the real database
// and the real server. Each test owns its clinic, staff and client address.
let db: Client;
let clinic: TestClinic;
let admin: string;
let receptionist: string;
const as = (sub: string): Claims => ({ ...claimsFor(sub), role: "authenticated" });
let addressSeq = 0;
/** A client address no other test uses, so per-address counts are this test's own. */
const freshAddress = () => `198.51.100.${++addressSeq}-${Date.now()}`;

beforeAll(async () => {
  process.env.DATABASE_URL = inject("databaseUrl");
  process.env.AUTH_JWT_SECRET = AUTH_JWT_SECRET;
  process.env.DATA_DIR = inject("dataDir");
  process.env.APP_URL = inject("appUrl");
  process.env.AUTH_PROVIDER = "local";
  resetEnvCache();
  db = await ownerClient();
  clinic = await createClinic(db);
  admin = await addStaff(db, [{ clinic, role: "admin" }]);
  receptionist = await addStaff(db, [{ clinic, role: "receptionist" }]);
});
afterAll(async () => {
  await db.end();
  await closePool();
});

const memberRole = async (clinicId: string, userId: string) =>
  (
    await db.query<{ role: string }>(
      "select role from public.clinic_members where clinic_id = $1 and user_id = $2",
      [clinicId, userId],
    )
  ).rows[0]?.role ?? null;

const auditFor = async (clinicId: string, table: string) =>
  (
    await db.query<{ action: string; actor_id: string | null; row_id: string; changes: never }>(
      "select action, actor_id, row_id, changes from public.audit_log where clinic_id = $1 and table_name = $2 order by id",
      [clinicId, table],
    )
  ).rows;

const tokenOf = (link: string) => link.split("/invite/")[1]!;

/** A staff account with a password, in its own clinic, for sign-in tests. */
async function accountWithPassword(password: string) {
  const own = await createClinic(db);
  const userId = await addStaff(db, [{ clinic: own, role: "admin" }]);
  const { rows } = await db.query<{ email: string }>(
    "update auth.users set encrypted_password = extensions.crypt($2, extensions.gen_salt('bf', 4)) where id = $1 returning email",
    [userId, password],
  );
  return { clinic: own, userId, email: rows[0]!.email };
}

const unread = (clinicId: string, token: string) =>
  fetch(`${inject("appUrl")}/api/clinics/${clinicId}/inbox/unread`, {
    headers: { cookie: `cw-session=${token}` },
  });

async function signedIn(email: string, password: string) {
  const result = await signInWithPassword(email, password, freshAddress());
  if (result.outcome !== "signed-in") throw new Error(`expected a sign-in, got ${result.outcome}`);
  return result;
}

describe("invitations (one-time links)", () => {
  it("invite, open, accept once: a new account joins with the role, all audited", async () => {
    const email = `new-${Date.now()}@example.test`;
    const invited = await inviteStaff(as(admin), clinic.id, { email, role: "receptionist" });
    if (!invited.ok || invited.delivery !== "link") throw new Error("expected a link");
    expect(invited.link).toMatch(new RegExp(`^${inject("appUrl")}/invite/[A-Za-z0-9_-]{43}$`));
    const token = tokenOf(invited.link);
    expect(invited.expiresAt.getTime() - Date.now()).toBeGreaterThan(7 * 86_400_000 - 60_000);

    // Only the token's hash is stored.
    const stored = await db.query<{ token_hash: string }>(
      "select token_hash from public.staff_invitations where email = $1",
      [email],
    );
    expect(stored.rows).toEqual([{ token_hash: createHash("sha256").update(token).digest("hex") }]);
    const anywhere = await db.query(
      "select 1 from public.staff_invitations i where i::text like '%' || $1 || '%'",
      [token],
    );
    expect(anywhere.rowCount).toBe(0);

    expect(await openInvitation(token)).toMatchObject({
      state: "open",
      email,
      role: "receptionist",
      accountExists: false,
    });
    const accepted = await acceptStaffInvitation(token, {
      name: "Nia Brooks",
      password: "a-good-long-password",
    });
    expect(accepted).toEqual({ ok: true, clinicName: clinic.name, email });

    const { rows } = await db.query<{ id: string; role: string; display_name: string }>(
      `select u.id, m.role, m.display_name from auth.users u
         join public.clinic_members m on m.user_id = u.id and m.clinic_id = $2 where u.email = $1`,
      [email, clinic.id],
    );
    expect(rows).toMatchObject([{ role: "receptionist", display_name: "Nia Brooks" }]);
    const newUser = rows[0]!.id;
    // The new account signs in with the password it chose.
    expect((await signInWithPassword(email, "a-good-long-password", freshAddress())).outcome).toBe(
      "signed-in",
    );

    // The link works once.
    expect(await openInvitation(token)).toEqual({ state: "used" });
    expect(await acceptStaffInvitation(token, { name: "X", password: "another-password" })).toEqual(
      {
        ok: false,
        error: expect.stringContaining("already been used"),
      },
    );

    const members = await auditFor(clinic.id, "clinic_members");
    expect(members.at(-1)).toMatchObject({
      action: "insert",
      actor_id: newUser,
      row_id: newUser,
      changes: { role: { old: null, new: "receptionist" } },
    });
    const invitations = await auditFor(clinic.id, "staff_invitations");
    expect(invitations.some((row) => row.action === "insert" && row.actor_id === admin)).toBe(true);
    expect(JSON.stringify(invitations)).not.toContain(token);
  });

  it("refuses expired, withdrawn and made-up links, and joins nobody", async () => {
    const make = async () => {
      const invited = await inviteStaff(as(admin), clinic.id, {
        email: `late-${Date.now()}-${Math.random()}@example.test`,
        role: "admin",
      });
      if (!invited.ok || invited.delivery !== "link") throw new Error("expected a link");
      return tokenOf(invited.link);
    };
    const expired = await make();
    await db.query(
      "update public.staff_invitations set expires_at = now() - interval '1 second' where token_hash = $1",
      [createHash("sha256").update(expired).digest("hex")],
    );
    expect(await openInvitation(expired)).toEqual({ state: "expired" });
    expect(
      await acceptStaffInvitation(expired, { name: "Late", password: "late-password-1" }),
    ).toEqual({
      ok: false,
      error: expect.stringContaining("expired"),
    });

    const withdrawn = await make();
    const withdrawnHash = createHash("sha256").update(withdrawn).digest("hex");
    const { rows } = await db.query<{ id: string }>(
      "select id from public.staff_invitations where token_hash = $1",
      [withdrawnHash],
    );
    const invitationId = rows[0]!.id;
    expect(
      (await loadStaffPage(as(admin), clinic.id)).invitations.map((invitation) => invitation.id),
    ).toContain(invitationId);
    expect(await revokeStaffInvitation(as(receptionist), clinic.id, invitationId)).toMatchObject({
      ok: false,
    });
    expect((await openInvitation(withdrawn)).state).toBe("open");
    expect(await revokeStaffInvitation(as(admin), clinic.id, invitationId)).toEqual({ ok: true });
    expect(await openInvitation(withdrawn)).toEqual({ state: "unknown" });

    expect(await openInvitation("x".repeat(43))).toEqual({ state: "unknown" });
    expect(await openInvitation("../../etc/passwd")).toEqual({ state: "unknown" });
    const before = await db.query("select count(*) from auth.users");
    expect(
      await acceptStaffInvitation("y".repeat(43), { name: "N", password: "nobody-password" }),
    ).toMatchObject({ ok: false });
    expect((await db.query("select count(*) from auth.users")).rows).toEqual(before.rows);
  });

  it("lets a person belong to several clinics with different roles (their existing password)", async () => {
    const other = await createClinic(db);
    const otherAdmin = await addStaff(db, [{ clinic: other, role: "admin" }]);
    const person = await accountWithPassword("their-own-password");
    const invited = await inviteStaff(as(otherAdmin), other.id, {
      email: person.email.toUpperCase(),
      role: "receptionist",
    });
    if (!invited.ok || invited.delivery !== "link") throw new Error("expected a link");
    const token = tokenOf(invited.link);
    expect(await openInvitation(token)).toMatchObject({ state: "open", accountExists: true });
    // Nobody can take over the account through the link: its password is required.
    expect(await acceptStaffInvitation(token, { password: "a-new-password-123" })).toEqual({
      ok: false,
      error: expect.stringContaining("does not match"),
      field: "password",
    });
    expect(await memberRole(other.id, person.userId)).toBeNull();
    expect(await acceptStaffInvitation(token, { password: "their-own-password" })).toMatchObject({
      ok: true,
    });
    expect(await memberRole(other.id, person.userId)).toBe("receptionist");
    expect(await memberRole(person.clinic.id, person.userId)).toBe("admin");

    // Inviting someone already on the staff is refused.
    expect(
      await inviteStaff(as(otherAdmin), other.id, { email: person.email, role: "admin" }),
    ).toEqual({ ok: false, error: "That person is already on this clinic's staff." });
  });

  it("refuses receptionists, unknown roles and other clinics' admins, storing nothing", async () => {
    const count = async () =>
      Number(
        (
          await db.query("select count(*) from public.staff_invitations where clinic_id = $1", [
            clinic.id,
          ])
        ).rows[0].count,
      );
    const before = await count();
    const outsider = await addStaff(db, [{ clinic: await createClinic(db), role: "admin" }]);
    for (const [who, role] of [
      [receptionist, "receptionist"],
      [outsider, "receptionist"],
      [admin, "owner"],
    ] as const) {
      const result = await inviteStaff(as(who), clinic.id, {
        email: "someone@example.test",
        role: role as "receptionist",
      });
      expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/\.$/) });
    }
    expect(await count()).toBe(before);
  });
});

describe("roles and removal", () => {
  it("changes roles, refuses unknown roles and non-admins, audited", async () => {
    const staff = await addStaff(db, [{ clinic, role: "receptionist" }]);
    expect(await changeStaffRole(as(receptionist), clinic.id, staff, "admin")).toEqual({
      ok: false,
      error: "Only this clinic's admins can manage its staff.",
    });
    expect(await changeStaffRole(as(admin), clinic.id, staff, "owner")).toEqual({
      ok: false,
      error: "Choose a role: admin or receptionist.",
    });
    expect(await memberRole(clinic.id, staff)).toBe("receptionist");
    expect(await changeStaffRole(as(admin), clinic.id, staff, "admin")).toEqual({ ok: true });
    expect(await memberRole(clinic.id, staff)).toBe("admin");
    expect((await auditFor(clinic.id, "clinic_members")).at(-1)).toMatchObject({
      action: "update",
      actor_id: admin,
      row_id: staff,
      changes: { role: { old: "receptionist", new: "admin" } },
    });
    expect(await removeStaffMember(as(admin), clinic.id, staff)).toEqual({ ok: true });
    expect(await memberRole(clinic.id, staff)).toBeNull();
    expect((await auditFor(clinic.id, "clinic_members")).at(-1)).toMatchObject({
      action: "delete",
      actor_id: admin,
      row_id: staff,
    });
    expect(await removeStaffMember(as(admin), clinic.id, staff)).toMatchObject({ ok: false });
  });

  it("keeps at least one admin, in SQL, even when two admins demote each other at once", async () => {
    const own = await createClinic(db);
    const first = await addStaff(db, [{ clinic: own, role: "admin" }]);
    const lastAdmin =
      "A clinic needs at least one admin. Make someone else an admin first, then try again.";
    expect(await changeStaffRole(as(first), own.id, first, "receptionist")).toEqual({
      ok: false,
      error: lastAdmin,
    });
    expect(await removeStaffMember(as(first), own.id, first)).toEqual({
      ok: false,
      error: lastAdmin,
    });
    // Not only the functions: the table itself refuses.
    await expect(
      db.query("delete from public.clinic_members where clinic_id = $1", [own.id]),
    ).rejects.toMatchObject({ code: "CW001" });
    expect(await memberRole(own.id, first)).toBe("admin");

    const second = await addStaff(db, [{ clinic: own, role: "admin" }]);
    const results = await Promise.all([
      changeStaffRole(as(first), own.id, second, "receptionist"),
      changeStaffRole(as(second), own.id, first, "receptionist"),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    const admins = await db.query(
      "select count(*) from public.clinic_members where clinic_id = $1 and role = 'admin'",
      [own.id],
    );
    expect(Number(admins.rows[0].count)).toBe(1);
  });
});

describe("local sessions", () => {
  it("refuses the old token after sign-out", async () => {
    const person = await accountWithPassword("sign-out-password");
    const { token } = await signedIn(person.email, "sign-out-password");
    expect((await unread(person.clinic.id, token)).status).toBe(200);
    const claims = JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString()) as Claims;
    await endLocalSession(claims);
    expect((await unread(person.clinic.id, token)).status).toBe(401);
  });

  it("refuses a removed member's token at once, and ends their live stream", async () => {
    const person = await accountWithPassword("removed-password");
    await db.query(
      "insert into public.clinic_members (clinic_id, user_id, role) values ($1, $2, 'receptionist')",
      [clinic.id, person.userId],
    );
    // Their own clinic keeps another admin, so they can be removed from it too.
    await addStaff(db, [{ clinic: person.clinic, role: "admin" }]);
    const { token } = await signedIn(person.email, "removed-password");
    const stream = await openStream(
      `/api/clinics/${clinic.id}/calls/stream`,
      `cw-session=${token}`,
    );
    expect(stream.status).toBe(200);
    await stream.waitFor((event) => event.event === "ready");

    // Removed from one of two clinics: that clinic closes at once (membership per request)...
    expect(await removeStaffMember(as(admin), clinic.id, person.userId)).toEqual({ ok: true });
    expect((await unread(clinic.id, token)).status).toBe(403);
    await stream.waitFor((event) => event.event === "access-ended", 10_000);
    stream.close();
    expect((await unread(person.clinic.id, token)).status).toBe(200);

    // ...and removed from the last one, every session of theirs ends.
    const other = (
      await db.query<{ user_id: string }>(
        "select user_id from public.clinic_members where clinic_id = $1 and role = 'admin' and user_id <> $2",
        [person.clinic.id, person.userId],
      )
    ).rows[0]!.user_id;
    expect(await removeStaffMember(as(other), person.clinic.id, person.userId)).toEqual({
      ok: true,
    });
    expect((await unread(person.clinic.id, token)).status).toBe(401);
    const sessions = await db.query(
      "select revoked_reason from private.local_sessions where user_id = $1",
      [person.userId],
    );
    expect(sessions.rows).toEqual([{ revoked_reason: "removed" }]);
  });

  it("ends sessions of a banned user, and at the absolute lifetime", async () => {
    const banned = await accountWithPassword("banned-password");
    const { token } = await signedIn(banned.email, "banned-password");
    await db.query("update auth.users set banned_until = now() + interval '1 day' where id = $1", [
      banned.userId,
    ]);
    expect((await unread(banned.clinic.id, token)).status).toBe(401);
    // A ban revokes the session for good: lifting it does not bring the old token back.
    await db.query("update auth.users set banned_until = null where id = $1", [banned.userId]);
    expect((await unread(banned.clinic.id, token)).status).toBe(401);

    const old = await accountWithPassword("old-password");
    const session = await signedIn(old.email, "old-password");
    const { rows } = await db.query<{ days: number }>(
      "select extract(epoch from expires_at - created_at) / 86400 as days from private.local_sessions where user_id = $1",
      [old.userId],
    );
    expect(Number(rows[0]!.days)).toBeCloseTo(7, 3);
    expect((await unread(old.clinic.id, session.token)).status).toBe(200);
    await db.query(
      "update private.local_sessions set expires_at = now() - interval '1 second' where user_id = $1",
      [old.userId],
    );
    expect((await unread(old.clinic.id, session.token)).status).toBe(401);
  });

  it("re-issues a token only for a live session, and never past its absolute end", async () => {
    const person = await accountWithPassword("refresh-password");
    const { token } = await signedIn(person.email, "refresh-password");
    const claims = JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString()) as Claims;
    // The same session, with a token past half its life: the proxy refreshes it.
    const now = Math.floor(Date.now() / 1000);
    const aging = await new SignJWT({ ...claims, exp: now + 60, iat: now - 8 * 3600 + 60 })
      .setProtectedHeader({ alg: "HS256" })
      .sign(new TextEncoder().encode(AUTH_JWT_SECRET));
    const end = new Date(Date.now() + 2 * 3600_000);
    await db.query("update private.local_sessions set expires_at = $2 where user_id = $1", [
      person.userId,
      end,
    ]);
    const page = () =>
      fetch(`${inject("appUrl")}/diary`, {
        headers: { cookie: `cw-session=${aging}` },
        redirect: "manual",
      });
    const refreshed = await page();
    expect(refreshed.status).toBe(200);
    const cookie = refreshed.headers.get("set-cookie") ?? "";
    const fresh = /cw-session=([^;]+)/.exec(cookie)?.[1];
    expect(fresh).toBeTruthy();
    const freshClaims = JSON.parse(Buffer.from(fresh!.split(".")[1]!, "base64url").toString());
    expect(freshClaims.exp).toBe(Math.floor(end.getTime() / 1000));

    await endLocalSession(claims);
    const refused = await page();
    expect(refused.status).toBe(307);
    expect(refused.headers.get("location")).toContain("/login");
    expect(refused.headers.get("set-cookie")).toMatch(/cw-session=;/);
  });
});

describe("sign-in throttling", () => {
  it("refuses the right password after 100 wrong ones, until the backoff ends", async () => {
    const person = await accountWithPassword("right-password");
    const address = freshAddress();
    const outcomes: string[] = [];
    for (let attempt = 0; attempt < 100; attempt++) {
      outcomes.push((await signInWithPassword(person.email, "wrong-password", address)).outcome);
    }
    // The first few are checked and wrong; once locked, attempts are refused unchecked.
    expect(outcomes.slice(0, THROTTLE.accountFree)).toEqual(
      Array(THROTTLE.accountFree).fill("wrong"),
    );
    expect(outcomes.slice(THROTTLE.accountFree)).toEqual(
      Array(100 - THROTTLE.accountFree).fill("throttled"),
    );

    // The right password, from this address or any other, is refused while the backoff lasts.
    for (const from of [address, freshAddress()]) {
      const refused = await signInWithPassword(person.email, "right-password", from);
      expect(refused.outcome).toBe("throttled");
      if (refused.outcome !== "throttled") return;
      expect(refused.waitUntil.getTime()).toBeGreaterThan(Date.now());
    }
    // The backoff ends (its time moved into the past, as if it had passed).
    await db.query(
      "update private.sign_in_failures set locked_until = now() - interval '1 second' where key in ($1, $2)",
      [person.email, address],
    );
    expect((await signInWithPassword(person.email, "right-password", address)).outcome).toBe(
      "signed-in",
    );
    // Success clears the account's count.
    const left = await db.query("select 1 from private.sign_in_failures where key = $1", [
      person.email,
    ]);
    expect(left.rowCount).toBe(0);
  });

  it("locks an address guessing at many accounts, and counts concurrent guesses one by one", async () => {
    const address = freshAddress();
    for (let index = 0; index < THROTTLE.addressFree; index++) {
      const result = await signInWithPassword(
        `nobody-${index}-${Date.now()}@example.test`,
        "guess",
        address,
      );
      expect(result.outcome).toBe("wrong");
    }
    const person = await accountWithPassword("address-password");
    expect((await signInWithPassword(person.email, "address-password", address)).outcome).toBe(
      "throttled",
    );
    expect(
      (await signInWithPassword(person.email, "address-password", freshAddress())).outcome,
    ).toBe("signed-in");

    // Thirty guesses at once at one account: no more than the free ones are ever checked.
    const target = await accountWithPassword("concurrent-password");
    const results = await Promise.all(
      Array.from({ length: 30 }, () =>
        signInWithPassword(target.email, "wrong-guess", freshAddress()),
      ),
    );
    expect(results.filter((result) => result.outcome === "wrong")).toHaveLength(
      THROTTLE.accountFree,
    );
    const { rows } = await db.query<{ failures: number }>(
      "select failures from private.sign_in_failures where scope = 'account' and key = $1",
      [target.email],
    );
    expect(rows[0]!.failures).toBe(THROTTLE.accountFree);
  });
});

describe("invitations on Supabase (AUTH_PROVIDER=supabase)", () => {
  it("asks Supabase Auth's admin API to email the invitation, with the service-role key, and adds the member", async () => {
    const serviceRoleKey = "service-role-key-for-the-double";
    const existingEmails = new Set<string>();
    const double = await startSupabaseAuthDouble(await freePort(), {
      serviceRoleKey,
      existingEmails,
      // GoTrue writes the invited user into its own auth.users.
      onInvite: async ({ id, email }) => {
        await db.query(
          `insert into auth.users (id, aud, role, email, invited_at, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
           values ($1, 'authenticated', 'authenticated', $2, now(), '{}', '{}', now(), now())`,
          [id, email],
        );
      },
    });
    const saved = { ...process.env };
    try {
      Object.assign(process.env, {
        AUTH_PROVIDER: "supabase",
        NEXT_PUBLIC_SUPABASE_URL: double.url,
        NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: "sb_publishable_double",
        SUPABASE_SERVICE_ROLE_KEY: serviceRoleKey,
      });
      resetEnvCache();
      const own = await createClinic(db);
      const owner = await addStaff(db, [{ clinic: own, role: "admin" }]);
      const email = `emailed-${Date.now()}@example.test`;

      expect(await inviteStaff(as(owner), own.id, { email, role: "receptionist" })).toEqual({
        ok: true,
        delivery: "email",
      });
      expect(double.invites).toEqual([
        {
          email,
          data: undefined,
          redirectTo: `${inject("appUrl")}/login`,
          authorization: `Bearer ${serviceRoleKey}`,
          apikey: serviceRoleKey,
        },
      ]);
      const { rows } = await db.query<{ role: string; actor_id: string }>(
        `select m.role, a.actor_id from auth.users u
           join public.clinic_members m on m.user_id = u.id and m.clinic_id = $2
           join public.audit_log a on a.clinic_id = m.clinic_id and a.row_id = u.id
          where u.email = $1`,
        [email, own.id],
      );
      expect(rows).toEqual([{ role: "receptionist", actor_id: owner }]);

      // Someone with an account already (another clinic's staff) is added without an email.
      const other = await accountWithPassword("other-password");
      expect(await inviteStaff(as(owner), own.id, { email: other.email, role: "admin" })).toEqual({
        ok: true,
        delivery: "email",
      });
      expect(double.invites).toHaveLength(1);
      expect(await memberRole(own.id, other.userId)).toBe("admin");

      // A receptionist cannot make Supabase send anything.
      const before = double.invites.length;
      expect(
        await inviteStaff(as(receptionist), own.id, { email: "x@example.test", role: "admin" }),
      ).toMatchObject({ ok: false });
      expect(double.invites).toHaveLength(before);
    } finally {
      process.env = saved;
      resetEnvCache();
      await double.close();
    }
  });
});
