import { randomUUID } from "node:crypto";
import type { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { addStaff, createClinic, type TestClinic } from "../helpers/clinic";
import { asActor, errorOf, ownerClient } from "../helpers/db";

/** Findings of the go-live security review (issue 19) that live in the database. */

let owner: Client;
beforeAll(async () => {
  owner = await ownerClient();
});
afterAll(async () => {
  await owner.end();
});

describe("API role grants", () => {
  it("anon and authenticated hold no TRUNCATE, TRIGGER or REFERENCES on any table", async () => {
    const { rows } = await owner.query<{ grantee: string; rel: string; privilege: string }>(
      `select r.rolname as grantee, n.nspname || '.' || c.relname as rel, p.privilege
         from pg_class c
         join pg_namespace n on n.oid = c.relnamespace
         cross join (values ('anon'), ('authenticated')) as r (rolname)
         cross join (values ('TRUNCATE'), ('TRIGGER'), ('REFERENCES')) as p (privilege)
        where n.nspname in ('public', 'private') and c.relkind in ('r', 'p', 'v', 'm')
          and has_table_privilege(r.rolname, c.oid, p.privilege)
        order by 1, 2, 3`,
    );
    expect(rows).toEqual([]);
  });

  it("anon cannot empty a table RLS protects (the review emptied redaction_rules)", async () => {
    await asActor(owner, { role: "anon" }, async () => {
      const error = await errorOf(owner, "truncate public.redaction_rules");
      expect(error?.code).toBe("42501");
    });
  });

  it("neither may create temporary tables", async () => {
    const { rows } = await owner.query(
      `select has_database_privilege('anon', current_database(), 'TEMP') as anon,
              has_database_privilege('authenticated', current_database(), 'TEMP') as authenticated`,
    );
    expect(rows[0]).toEqual({ anon: false, authenticated: false });
  });

  it("tables created later start without those rights (default privileges)", async () => {
    await owner.query("begin");
    try {
      await owner.query("create table public.grants_probe (id int primary key)");
      const { rows } = await owner.query(
        `select has_table_privilege('anon', 'public.grants_probe', 'TRUNCATE') as truncate,
                has_table_privilege('authenticated', 'public.grants_probe', 'TRIGGER') as trigger,
                has_table_privilege('authenticated', 'public.grants_probe', 'REFERENCES') as references,
                has_table_privilege('authenticated', 'public.grants_probe', 'SELECT') as select`,
      );
      expect(rows[0]).toEqual({
        truncate: false,
        trigger: false,
        references: false,
        select: true,
      });
    } finally {
      await owner.query("rollback");
    }
  });
});

describe("call-back tasks", () => {
  let clinic: TestClinic;
  let receptionist: string;
  let colleague: string;
  let taskId: string;

  beforeAll(async () => {
    clinic = await createClinic(owner);
    receptionist = await addStaff(owner, [{ clinic, role: "receptionist" }]);
    colleague = await addStaff(owner, [{ clinic, role: "admin" }]);
    const { rows } = await owner.query<{ id: string }>(
      `with call as (insert into public.calls (clinic_id, vapi_call_id, state) values ($1, $2, 'completed') returning id)
       insert into public.callback_tasks (clinic_id, call_id, reason) select $1, id, 'Cut off while booking' from call returning id`,
      [clinic.id, `callback-${randomUUID()}`],
    );
    taskId = rows[0]!.id;
  });

  const task = async () =>
    (
      await owner.query<{ done_at: Date | null; done_by: string | null }>(
        "select done_at, done_by from public.callback_tasks where id = $1",
        [taskId],
      )
    ).rows[0]!;

  it("records who marked it done and when, whatever the update claims, and audits it", async () => {
    const before = Date.now();
    await owner.query("begin");
    await owner.query(
      "select set_config('role', 'authenticated', true), set_config('request.jwt.claims', $1, true)",
      [JSON.stringify({ sub: receptionist, role: "authenticated" })],
    );
    await owner.query(
      "update public.callback_tasks set done_by = $2, done_at = '2020-01-01T00:00:00Z' where id = $1",
      [taskId, colleague],
    );
    await owner.query("commit");
    const done = await task();
    expect(done.done_by).toBe(receptionist);
    expect(done.done_at!.getTime()).toBeGreaterThanOrEqual(before - 5_000);

    const { rows: audit } = await owner.query<{ actor_id: string; changes: object }>(
      "select actor_id, changes from public.audit_log where table_name = 'callback_tasks' and row_id = $1",
      [taskId],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_id).toBe(receptionist);
    expect(audit[0]!.changes).toMatchObject({ done_by: { old: null, new: receptionist } });
  });

  it("keeps who and when once done; reopening clears both", async () => {
    const first = await task();
    await asActor(owner, { role: "authenticated", sub: colleague }, async () => {
      await owner.query(
        "update public.callback_tasks set done_by = $2, done_at = now() + interval '1 day' where id = $1",
        [taskId, colleague],
      );
      const again = (
        await owner.query("select done_at, done_by from public.callback_tasks where id = $1", [
          taskId,
        ])
      ).rows[0];
      expect(again).toEqual(first);
      await owner.query("update public.callback_tasks set done_at = null where id = $1", [taskId]);
      const reopened = (
        await owner.query("select done_at, done_by from public.callback_tasks where id = $1", [
          taskId,
        ])
      ).rows[0];
      expect(reopened).toEqual({ done_at: null, done_by: null });
    });
  });
});

describe("aftercare storage paths", () => {
  it("refuses a path that climbs out of the clinic's folder", async () => {
    const clinic = await createClinic(owner);
    const other = await createClinic(owner);
    await owner.query("begin");
    try {
      for (const storagePath of [
        `${clinic.id}/../${other.id}/aftercare/x.pdf`,
        `${clinic.id}/aftercare/../../${other.id}/aftercare/x.pdf`,
        `${clinic.id}/aftercare/..`,
        `${clinic.id}/other-folder/x.pdf`,
        `${clinic.id}/aftercare/sub/x.pdf`,
        `${clinic.id}/aftercare/X\\..\\y.pdf`,
      ]) {
        const error = await errorOf(
          owner,
          `insert into public.aftercare_documents (clinic_id, title, storage_path, file_name, size_bytes, sha256)
         values ($1, 'Probe', $2, 'x.pdf', 10, repeat('a', 64))`,
          [clinic.id, storagePath],
        );
        expect(error?.code, storagePath).toBe("23514");
      }
      expect(
        await errorOf(
          owner,
          `insert into public.aftercare_documents (clinic_id, title, storage_path, file_name, size_bytes, sha256)
         values ($1, 'Probe', $2, 'x.pdf', 10, repeat('a', 64))`,
          [clinic.id, `${clinic.id}/aftercare/${randomUUID()}-x.pdf`],
        ),
      ).toBeNull();
    } finally {
      await owner.query("rollback");
    }
  });
});

describe("patient links in the SMS log", () => {
  const token = "Zk3v9Qm2Lp8Xw4Rt6Yb1Nc";
  const body = (link: string) => `Hi Ana, your aftercare: ${link} Reply STOP to opt out.`;
  const insert = (provider: string, direction: string, text: string) =>
    owner.query<{ body: string }>(
      `insert into public.sms_messages (clinic_id, direction, to_number, from_number, body, provider, status)
       values ($1, $2, '+15555550123', '+15555550777', $3, $4, 'delivered') returning body`,
      [clinicId, direction, text, provider],
    );
  let clinicId: string;
  beforeAll(async () => {
    clinicId = (await createClinic(owner)).id;
  });

  it("stores a sent text with the link's token masked, in and out, updates included", async () => {
    await owner.query("begin");
    try {
      const sent = await insert("twilio", "outbound", body(`https://app.example.org/a/${token}`));
      expect(sent.rows[0]!.body).toBe(body("https://app.example.org/a/[private link]"));
      const manage = await insert(
        "twilio",
        "outbound",
        `Manage it: http://127.0.0.1:3000/m/${token} or add it: http://127.0.0.1:3000/m/${token}/calendar.ics`,
      );
      expect(manage.rows[0]!.body).toBe(
        "Manage it: http://127.0.0.1:3000/m/[private link] or add it: http://127.0.0.1:3000/m/[private link]/calendar.ics",
      );
      const back = await insert(
        "twilio",
        "inbound",
        `is this mine? https://app.example.org/m/${token}`,
      );
      expect(back.rows[0]!.body).not.toContain(token);
      const { rows } = await owner.query<{ body: string }>(
        "update public.sms_messages set body = $2 where clinic_id = $1 and direction = 'inbound' returning body",
        [clinicId, `again https://app.example.org/a/${token}`],
      );
      expect(rows[0]!.body).toBe("again https://app.example.org/a/[private link]");
    } finally {
      await owner.query("rollback");
    }
  });

  it("keeps the link in the local demo's outbox, which is the demo patient's phone", async () => {
    await owner.query("begin");
    try {
      const text = body(`http://localhost:3000/a/${token}`);
      expect((await insert("outbox", "outbound", text)).rows[0]!.body).toBe(text);
    } finally {
      await owner.query("rollback");
    }
  });
});
