import type { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  asActor,
  errorOf,
  HARBOUR,
  HARBOUR_ADMIN,
  HARBOUR_RECEPTIONIST,
  ownerClient,
} from "../helpers/db";
import { createNorthside, NORTHSIDE, NORTHSIDE_ADMIN } from "./fixtures";

// Tables only the service side may read, even for members of the row's clinic.
const SERVICE_ONLY = new Set(["webhook_events"]);

let owner: Client;
let tables: string[];

const clinicColumn = (table: string) => (table === "clinics" ? "id" : "clinic_id");
/** Rows of `clinicId` visible to the current role; a table the role may not read at all counts as 0. */
async function countFor(client: Client, table: string, clinicId: string): Promise<number> {
  const sql = `select count(*) from public.${table} where ${clinicColumn(table)} = $1`;
  const error = await errorOf(client, sql, [clinicId]);
  if (error) {
    expect(error.code, `${table}: ${error.message}`).toBe("42501");
    return 0;
  }
  return Number((await client.query(sql, [clinicId])).rows[0].count);
}

beforeAll(async () => {
  owner = await ownerClient();
  await createNorthside(owner);
  const { rows } = await owner.query<{ tablename: string }>(
    "select tablename from pg_tables where schemaname = 'public' order by tablename",
  );
  tables = rows.map((row) => row.tablename);
});

afterAll(async () => {
  await owner.end();
});

describe("row level security", () => {
  it("is enabled on every table in the public schema", async () => {
    const { rows } = await owner.query(
      "select relname from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'r' and not c.relrowsecurity",
    );
    expect(rows).toEqual([]);
    expect(tables.length).toBeGreaterThanOrEqual(20);
  });

  it("gives every table a Northside row, so the isolation checks below are not vacuous", async () => {
    for (const table of tables) {
      const { rows } = await owner.query(
        `select count(*) from public.${table} where ${clinicColumn(table)} = $1`,
        [NORTHSIDE],
      );
      expect(Number(rows[0].count), table).toBeGreaterThan(0);
    }
  });

  it("shows a member of one clinic none of another clinic's rows, in any table", async () => {
    for (const user of [HARBOUR_ADMIN, HARBOUR_RECEPTIONIST]) {
      await asActor(owner, { role: "authenticated", sub: user }, async () => {
        for (const table of tables)
          expect(await countFor(owner, table, NORTHSIDE), `${table} as ${user}`).toBe(0);
      });
    }
  });

  it("shows members their own clinic's rows", async () => {
    await asActor(owner, { role: "authenticated", sub: NORTHSIDE_ADMIN }, async () => {
      for (const table of tables) {
        const expected = SERVICE_ONLY.has(table) ? 0 : 1;
        expect(Math.min(await countFor(owner, table, NORTHSIDE), 1), table).toBe(expected);
        expect(await countFor(owner, table, HARBOUR), `${table} leaks Harbour to Northside`).toBe(
          0,
        );
      }
    });
  });

  it("lets anon read nothing", async () => {
    await asActor(owner, { role: "anon" }, async () => {
      for (const table of tables) {
        const error = await errorOf(owner, `select 1 from public.${table} limit 1`);
        if (error) {
          expect(error.code, table).toBe("42501");
          continue;
        }
        const { rowCount } = await owner.query(`select 1 from public.${table} limit 1`);
        expect(rowCount, table).toBe(0);
      }
    });
  });

  it("never lets a user write logs, the audit log or webhook events", async () => {
    for (const user of [HARBOUR_ADMIN, HARBOUR_RECEPTIONIST]) {
      await asActor(owner, { role: "authenticated", sub: user }, async () => {
        const call = await owner.query("select id from public.calls where clinic_id = $1 limit 1", [
          HARBOUR,
        ]);
        const callId = call.rows[0]?.id ?? "00000000-0000-4000-8000-000000000000";
        const inserts = [
          [
            "logs",
            "insert into public.logs (clinic_id, call_id, seq, speaker, text) values ($1, $2, 99, 'user', 'raw')",
            [HARBOUR, callId],
          ],
          [
            "audit_log",
            "insert into public.audit_log (clinic_id, action, table_name) values ($1, 'insert', 'x')",
            [HARBOUR],
          ],
          [
            "webhook_events",
            "insert into public.webhook_events (source, dedupe_key, message_type) values ('vapi', 'k', 't')",
            [],
          ],
        ] as const;
        for (const [table, sql, params] of inserts) {
          expect((await errorOf(owner, sql, [...params]))?.code, `${table} as ${user}`).toBe(
            "42501",
          );
        }
        expect((await errorOf(owner, "update public.logs set text = 'x'"))?.code).toBe("42501");
        expect((await errorOf(owner, "delete from public.logs"))?.code).toBe("42501");
      });
    }
  });
});

describe("who may change what", () => {
  it("stops a receptionist writing procedures or redaction rules", async () => {
    await asActor(owner, { role: "authenticated", sub: HARBOUR_RECEPTIONIST }, async () => {
      expect(
        (
          await errorOf(
            owner,
            "insert into public.procedures (clinic_id, name) values ($1, 'Lip filler')",
            [HARBOUR],
          )
        )?.code,
      ).toBe("42501");
      expect(
        (
          await errorOf(
            owner,
            "insert into public.redaction_rules (clinic_id, kind, value) values ($1, 'keyword', 'x')",
            [HARBOUR],
          )
        )?.code,
      ).toBe("42501");
      expect(
        (
          await owner.query(
            "update public.procedures set name = name || '!' where clinic_id = $1",
            [HARBOUR],
          )
        ).rowCount,
      ).toBe(0);
      expect(
        (
          await owner.query(
            "update public.redaction_rules set enabled = false where clinic_id = $1",
            [HARBOUR],
          )
        ).rowCount,
      ).toBe(0);
      expect(
        (await owner.query("delete from public.redaction_rules where clinic_id = $1", [HARBOUR]))
          .rowCount,
      ).toBe(0);
      expect(
        (await owner.query("update public.clinics set name = 'Hacked' where id = $1", [HARBOUR]))
          .rowCount,
      ).toBe(0);
    });
  });

  it("lets an admin manage procedures and rules, and audits who did it", async () => {
    await asActor(owner, { role: "authenticated", sub: HARBOUR_ADMIN }, async () => {
      await owner.query(
        "insert into public.procedures (clinic_id, name) values ($1, 'Lip filler')",
        [HARBOUR],
      );
      const rule = await owner.query(
        "insert into public.redaction_rules (clinic_id, kind, value, category) values ($1, 'keyword', 'warfarin', 'MEDICAL') returning id",
        [HARBOUR],
      );
      await owner.query("update public.redaction_rules set enabled = false where id = $1", [
        rule.rows[0].id,
      ]);
      const audit = await owner.query(
        "select action, actor_id, changes from public.audit_log where row_id = $1 order by id",
        [rule.rows[0].id],
      );
      expect(audit.rows.map((row) => row.action)).toEqual(["insert", "update"]);
      expect(audit.rows.every((row) => row.actor_id === HARBOUR_ADMIN)).toBe(true);
      expect(audit.rows[1].changes).toEqual({ enabled: { old: true, new: false } });
      // Admin of Harbour only: Northside stays out of reach.
      expect(
        (
          await errorOf(owner, "insert into public.procedures (clinic_id, name) values ($1, 'X')", [
            NORTHSIDE,
          ])
        )?.code,
      ).toBe("42501");
    });
  });

  it("lets a receptionist confirm and cancel a booking, and nothing else about it", async () => {
    // An appointment of its own (its own practitioner, a month out), not one of Harbour's: those
    // may be what another file is about to book.
    const booked = await owner.query(
      `with pr as (insert into public.practitioners (clinic_id, name) values ($1, 'Dr RLS Test') returning id),
       b as (insert into public.bookings (clinic_id, patient_name, practitioner_id, starts_at, ends_at)
             select $1, 'Jane Test', pr.id, date_trunc('hour', now()) + interval '30 days',
                    date_trunc('hour', now()) + interval '30 days 30 minutes' from pr returning *)
       insert into public.reservations (clinic_id, kind, practitioner_id, starts_at, ends_at, occupied, booking_id)
       select $1, 'appointment', practitioner_id, starts_at, ends_at, tstzrange(starts_at, ends_at), id from b
       returning booking_id, practitioner_id`,
      [HARBOUR],
    );
    const bookingId = booked.rows[0].booking_id;

    await asActor(owner, { role: "authenticated", sub: HARBOUR_RECEPTIONIST }, async () => {
      expect(
        (
          await errorOf(owner, "update public.bookings set patient_name = 'X' where id = $1", [
            bookingId,
          ])
        )?.code,
      ).toBe("42501");
      const confirmed = await owner.query(
        "update public.bookings set status = 'confirmed' where id = $1 returning confirmed_by, confirmed_at",
        [bookingId],
      );
      expect(confirmed.rows[0]).toMatchObject({ confirmed_by: HARBOUR_RECEPTIONIST });
      expect(
        (
          await errorOf(owner, "update public.bookings set status = 'cancelled' where id = $1", [
            bookingId,
          ])
        )?.message,
      ).toMatch(/needs a reason/);
      await owner.query(
        "update public.bookings set status = 'cancelled', cancel_reason = 'Patient asked' where id = $1",
        [bookingId],
      );
      // Cancelling freed the time in the same transaction.
      const freed = await owner.query(
        "select count(*)::int as n from public.reservations where booking_id = $1",
        [bookingId],
      );
      expect(freed.rows[0].n).toBe(0);
      expect(
        (
          await errorOf(owner, "update public.bookings set status = 'confirmed' where id = $1", [
            bookingId,
          ])
        )?.message,
      ).toMatch(/cannot become confirmed/);
      const foreign = await owner.query(
        "update public.bookings set status = 'confirmed' where clinic_id = $1",
        [NORTHSIDE],
      );
      expect(foreign.rowCount).toBe(0);
    });
    // Out of Harbour's diary again.
    await owner.query("delete from public.bookings where id = $1", [bookingId]);
    await owner.query("delete from public.practitioners where id = $1", [
      booked.rows[0].practitioner_id,
    ]);
  });

  it("keeps call events append-only", async () => {
    const event = await owner.query(
      "select id from public.call_events where clinic_id = $1 limit 1",
      [NORTHSIDE],
    );
    await expect(
      owner.query("update public.call_events set event = 'changed' where id = $1", [
        event.rows[0].id,
      ]),
    ).rejects.toThrow(/append-only/);
  });
});
