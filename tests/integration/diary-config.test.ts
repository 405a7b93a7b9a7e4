import { randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { claimsSchema } from "@/lib/auth/claims";
import type { ConfigResult } from "@/lib/diary/config-service";

import { addStaff, createClinic, type TestClinic } from "../helpers/clinic";
import { claimsFor, ownerClient } from "../helpers/db";
import { AUTH_JWT_SECRET } from "./global-setup";

// The query modules run in this process against the same database as the server.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.AUTH_JWT_SECRET = AUTH_JWT_SECRET;
const { closePool } = await import("@/lib/db/pool");
const { applyShim } = await import("@/lib/db/migrate");
const config = await import("@/lib/diary/config-service");

const claims = (userId: string) => claimsSchema.parse(claimsFor(userId));

let db: Client;
let clinic: TestClinic;
let other: TestClinic;
let admin: ReturnType<typeof claims>;
let receptionist: ReturnType<typeof claims>;
let otherAdmin: ReturnType<typeof claims>;
let adminId: string;
let procedureId: string;
let otherProcedureId: string;

/** Every configuration row of a clinic, and its audit rows: what "nothing stored" compares. */
async function snapshot(clinicId: string) {
  const { rows } = await db.query(
    `select (select json_agg(r order by r.id) from public.resources r where r.clinic_id = $1) as resources,
            (select json_agg(p order by p.id) from public.practitioners p where p.clinic_id = $1) as practitioners,
            (select json_agg(t order by t.id) from public.appointment_types t where t.clinic_id = $1) as types,
            (select json_agg(a order by a.appointment_type_id, a.practitioner_id)
               from public.appointment_type_practitioners a where a.clinic_id = $1) as performers,
            (select json_agg(w order by w.id) from public.working_hours w where w.clinic_id = $1) as hours,
            (select json_agg(o order by o.id) from public.schedule_overrides o where o.clinic_id = $1) as overrides,
            (select json_agg(c order by c.id) from public.clinic_closures c where c.clinic_id = $1) as closures,
            (select json_build_object('notice', min_notice_minutes, 'horizon', horizon_days)
               from public.clinics where id = $1) as rules,
            (select count(*)::int from public.audit_log where clinic_id = $1) as audit`,
    [clinicId],
  );
  return rows[0];
}

/** The types of the procedure this file sets up (the test clinic comes with its own consultation). */
const ours = <T extends { procedureId: string }>(types: T[]) =>
  types.filter((type) => type.procedureId === procedureId);

beforeAll(async () => {
  db = await ownerClient();
  clinic = await createClinic(db, { practitioners: 2, timezone: "Europe/London" });
  other = await createClinic(db, { practitioners: 1 });
  adminId = await addStaff(db, [{ clinic, role: "admin" }]);
  admin = claims(adminId);
  receptionist = claims(await addStaff(db, [{ clinic, role: "receptionist" }]));
  otherAdmin = claims(await addStaff(db, [{ clinic: other, role: "admin" }]));
  procedureId = (
    await db.query(
      "insert into public.procedures (clinic_id, name) values ($1, 'Laser resurfacing') returning id",
      [clinic.id],
    )
  ).rows[0].id;
  otherProcedureId = (
    await db.query(
      "insert into public.procedures (clinic_id, name) values ($1, 'Brow lift') returning id",
      [other.id],
    )
  ).rows[0].id;
});
afterAll(async () => {
  await db.end();
  await closePool();
});

const [monday, tuesday] = [1, 2];

describe("diary configuration, as an admin", () => {
  it("adds a room, a practitioner, an appointment type needing the room with two practitioners, split hours, an override, a closure and booking rules", async () => {
    const auditBefore = (await db.query("select coalesce(max(id), 0) as id from public.audit_log"))
      .rows[0].id;
    const room = await config.saveResource(admin, clinic.id, { name: "Laser suite", kind: "room" });
    expect(room).toEqual({ id: expect.any(String) });
    const renamed = await config.saveResource(admin, clinic.id, {
      id: room.id,
      name: "Laser Suite 1",
      kind: "device",
    });
    expect(renamed).toEqual({ id: room.id });

    const nurse = await config.savePractitioner(admin, clinic.id, {
      name: "Nurse Priya Shah",
      title: "Nurse injector",
    });
    expect(nurse.id).toEqual(expect.any(String));

    const [surgeon] = clinic.practitionerIds;
    const type = await config.saveAppointmentType(admin, clinic.id, {
      procedureId,
      kind: "treatment",
      name: "Laser resurfacing",
      durationMinutes: "60",
      bufferBeforeMinutes: 10,
      bufferAfterMinutes: 15,
      resourceId: room.id!,
      practitionerIds: [surgeon!, nurse.id!],
      requiresConsultation: true,
      confirmation: "instant",
      active: true,
    });
    expect(type.id).toEqual(expect.any(String));

    const hours = await config.saveWeeklyHours(admin, clinic.id, {
      practitionerId: nurse.id!,
      intervals: [
        { weekday: monday, opens: "09:00", closes: "13:00" },
        { weekday: monday, opens: "14:00", closes: "18:00" },
        { weekday: tuesday, opens: "10:00", closes: "16:00" },
      ],
    });
    expect(hours).toEqual({ id: nurse.id });

    const override = await config.addOverride(admin, clinic.id, {
      practitionerId: nurse.id!,
      onDate: "2099-03-02",
      kind: "off",
      opens: "",
      closes: "",
      reason: "Annual leave",
    });
    const extra = await config.addOverride(admin, clinic.id, {
      practitionerId: nurse.id!,
      onDate: "2099-03-07",
      kind: "extra",
      opens: "10:00",
      closes: "14:00",
      reason: "Saturday clinic",
    });
    const closure = await config.addClosure(admin, clinic.id, {
      startsOn: "2099-12-24",
      endsOn: "2099-12-27",
      reason: "Christmas",
    });
    expect(
      await config.saveBookingRules(admin, clinic.id, { minNoticeMinutes: 120, horizonDays: 90 }),
    ).toEqual({ id: clinic.id });

    const read = await config.loadDiaryConfig(admin, clinic.id);
    expect(read.rules).toMatchObject({
      timezone: "Europe/London",
      minNoticeMinutes: 120,
      horizonDays: 90,
    });
    expect(read.resources).toEqual([
      { id: room.id, name: "Laser Suite 1", kind: "device", active: true },
    ]);
    expect(read.practitioners).toContainEqual({
      id: nurse.id,
      name: "Nurse Priya Shah",
      title: "Nurse injector",
      active: true,
    });
    const saved = read.appointmentTypes.find((row) => row.id === type.id)!;
    expect(saved).toMatchObject({
      procedureId,
      kind: "treatment",
      durationMinutes: 60,
      bufferBeforeMinutes: 10,
      bufferAfterMinutes: 15,
      resourceId: room.id,
      requiresConsultation: true,
      confirmation: "instant",
      active: true,
    });
    expect([...saved.practitionerIds].sort()).toEqual([surgeon, nurse.id].sort());
    expect(
      read.weeklyHours
        .filter((row) => row.practitionerId === nurse.id)
        .map(({ weekday, opens, closes }) => [weekday, opens, closes]),
    ).toEqual([
      [1, "09:00", "13:00"],
      [1, "14:00", "18:00"],
      [2, "10:00", "16:00"],
    ]);
    expect(read.overrides).toEqual([
      {
        id: override.id,
        practitionerId: nurse.id,
        onDate: "2099-03-02",
        kind: "off",
        opens: null,
        closes: null,
        reason: "Annual leave",
      },
      {
        id: extra.id,
        practitionerId: nurse.id,
        onDate: "2099-03-07",
        kind: "extra",
        opens: "10:00",
        closes: "14:00",
        reason: "Saturday clinic",
      },
    ]);
    expect(read.closures).toEqual([
      { id: closure.id, startsOn: "2099-12-24", endsOn: "2099-12-27", reason: "Christmas" },
    ]);

    // Who performs it is set exactly: the surgeon leaves, the nurse stays (her row untouched).
    const before = await db.query(
      "select created_at from public.appointment_type_practitioners where appointment_type_id = $1 and practitioner_id = $2",
      [type.id, nurse.id],
    );
    expect(
      await config.saveAppointmentType(admin, clinic.id, {
        ...saved,
        practitionerIds: [nurse.id!],
      }),
    ).toEqual({ id: type.id });
    const performers = await db.query(
      "select practitioner_id, created_at from public.appointment_type_practitioners where appointment_type_id = $1",
      [type.id],
    );
    expect(performers.rows).toEqual([
      { practitioner_id: nurse.id, created_at: before.rows[0].created_at },
    ]);

    // Every change is in the audit trail, as the admin.
    const { rows: audit } = await db.query(
      "select table_name, action, actor_id from public.audit_log where clinic_id = $1 and id > $2 order by id",
      [clinic.id, auditBefore],
    );
    const trail = audit.map((row) => `${row.table_name}:${row.action}`);
    for (const entry of [
      "resources:insert",
      "resources:update",
      "practitioners:insert",
      "appointment_types:insert",
      "appointment_type_practitioners:insert",
      "appointment_type_practitioners:delete",
      "working_hours:insert",
      "schedule_overrides:insert",
      "clinic_closures:insert",
      "clinics:update",
    ])
      expect(trail).toContain(entry);
    expect(new Set(audit.map((row) => row.actor_id))).toEqual(new Set([adminId]));
  });

  it("replaces a week: unchanged intervals keep their rows, removed ones go, new ones come", async () => {
    const [practitionerId] = clinic.practitionerIds;
    const week = [
      { weekday: 3, opens: "09:00", closes: "12:30" },
      { weekday: 3, opens: "13:30", closes: "17:00" },
    ];
    expect(
      await config.saveWeeklyHours(admin, clinic.id, {
        practitionerId: practitionerId!,
        intervals: week,
      }),
    ).toEqual({
      id: practitionerId,
    });
    const ids = async () =>
      (
        await db.query(
          "select id, weekday, to_char(opens, 'HH24:MI') as opens from public.working_hours where practitioner_id = $1 order by weekday, opens",
          [practitionerId],
        )
      ).rows;
    const first = await ids();
    await config.saveWeeklyHours(admin, clinic.id, {
      practitionerId: practitionerId!,
      intervals: [week[0]!, { weekday: 4, opens: "08:00", closes: "12:00" }],
    });
    const second = await ids();
    expect(second.map((row) => [row.weekday, row.opens])).toEqual([
      [3, "09:00"],
      [4, "08:00"],
    ]);
    expect(second[0].id).toBe(first[0].id);
    await config.saveWeeklyHours(admin, clinic.id, {
      practitionerId: practitionerId!,
      intervals: [],
    });
    expect(await ids()).toEqual([]);
  });

  it("deactivates and deletes", async () => {
    const read = await config.loadDiaryConfig(admin, clinic.id);
    const room = read.resources[0]!;
    const type = ours(read.appointmentTypes)[0]!;
    const nurse = read.practitioners.find((row) => row.name === "Nurse Priya Shah")!;
    expect(
      await config.setResourceActive(admin, clinic.id, { id: room.id, active: false }),
    ).toEqual({ id: room.id });
    expect(
      await config.setAppointmentTypeActive(admin, clinic.id, { id: type.id, active: false }),
    ).toEqual({
      id: type.id,
    });
    expect(
      await config.setPractitionerActive(admin, clinic.id, { id: nurse.id, active: false }),
    ).toEqual({
      id: nurse.id,
    });
    const after = await config.loadDiaryConfig(admin, clinic.id);
    expect(after.resources[0]!.active).toBe(false);
    expect(ours(after.appointmentTypes)[0]!.active).toBe(false);
    expect(after.practitioners.find((row) => row.id === nurse.id)!.active).toBe(false);

    const override = after.overrides[0]!;
    expect(await config.deleteOverride(admin, clinic.id, { id: override.id })).toEqual({
      id: override.id,
    });
    expect(await config.deleteOverride(admin, clinic.id, { id: override.id })).toEqual({
      error: "That change of hours was already deleted.",
    });
    const closure = after.closures[0]!;
    expect(await config.deleteClosure(admin, clinic.id, { id: closure.id })).toEqual({
      id: closure.id,
    });
    expect((await config.loadDiaryConfig(admin, clinic.id)).closures).toEqual([]);
    const { rows } = await db.query(
      "select table_name from public.audit_log where clinic_id = $1 and action = 'delete' and row_id = any ($2)",
      [clinic.id, [override.id, closure.id]],
    );
    expect(rows.map((row) => row.table_name).sort()).toEqual([
      "clinic_closures",
      "schedule_overrides",
    ]);
    // Leave them active again for the tests below.
    await config.setResourceActive(admin, clinic.id, { id: room.id, active: true });
    await config.setAppointmentTypeActive(admin, clinic.id, { id: type.id, active: true });
    await config.setPractitionerActive(admin, clinic.id, { id: nurse.id, active: true });
  });
});

describe("who may change it", () => {
  it("lets a receptionist read the configuration but refuses every write, storing nothing", async () => {
    const read = await config.loadDiaryConfig(receptionist, clinic.id);
    expect(read.resources.map((row) => row.name)).toEqual(["Laser Suite 1"]);
    expect(ours(read.appointmentTypes)).toHaveLength(1);
    const room = read.resources[0]!;
    const type = ours(read.appointmentTypes)[0]!;
    const [practitionerId] = clinic.practitionerIds;

    const before = await snapshot(clinic.id);
    const answers = [
      await config.saveResource(receptionist, clinic.id, { name: "Theatre 1", kind: "room" }),
      await config.saveResource(receptionist, clinic.id, {
        id: room.id,
        name: "Renamed",
        kind: "room",
      }),
      await config.setResourceActive(receptionist, clinic.id, { id: room.id, active: false }),
      await config.savePractitioner(receptionist, clinic.id, { name: "Dr Sneaky", title: "" }),
      await config.setPractitionerActive(receptionist, clinic.id, {
        id: practitionerId!,
        active: false,
      }),
      await config.saveAppointmentType(receptionist, clinic.id, { ...type, name: "Renamed" }),
      await config.setAppointmentTypeActive(receptionist, clinic.id, {
        id: type.id,
        active: false,
      }),
      await config.saveWeeklyHours(receptionist, clinic.id, {
        practitionerId: practitionerId!,
        intervals: [{ weekday: 6, opens: "09:00", closes: "12:00" }],
      }),
      await config.addOverride(receptionist, clinic.id, {
        practitionerId: practitionerId!,
        onDate: "2099-01-05",
        kind: "off",
        reason: "",
      }),
      await config.addClosure(receptionist, clinic.id, {
        startsOn: "2099-01-01",
        endsOn: "2099-01-01",
      }),
      await config.saveBookingRules(receptionist, clinic.id, {
        minNoticeMinutes: 0,
        horizonDays: 365,
      }),
    ];
    for (const answer of answers) {
      expect(answer.id).toBeUndefined();
      expect(answer.error).toEqual(expect.any(String));
    }
    expect(answers[0]).toEqual({ error: config.NOT_ADMIN });
    expect(answers.at(-1)).toEqual({ error: config.NOT_ADMIN });
    expect(await snapshot(clinic.id)).toEqual(before);
  });

  it("hides it from another clinic's admin, who cannot change it either (RLS)", async () => {
    const read = await config.loadDiaryConfig(otherAdmin, clinic.id);
    expect(read).toMatchObject({
      rules: null,
      procedures: [],
      practitioners: [],
      resources: [],
      appointmentTypes: [],
      weeklyHours: [],
      overrides: [],
      closures: [],
    });
    const mine = await config.loadDiaryConfig(admin, clinic.id);
    const room = mine.resources[0]!;
    const type = ours(mine.appointmentTypes)[0]!;
    const before = await snapshot(clinic.id);
    const answers = [
      await config.saveResource(otherAdmin, clinic.id, { name: "Planted", kind: "room" }),
      await config.saveResource(otherAdmin, clinic.id, {
        id: room.id,
        name: "Hijacked",
        kind: "room",
      }),
      await config.setAppointmentTypeActive(otherAdmin, clinic.id, { id: type.id, active: false }),
      await config.saveWeeklyHours(otherAdmin, clinic.id, {
        practitionerId: clinic.practitionerIds[0]!,
        intervals: [],
      }),
      await config.addClosure(otherAdmin, clinic.id, {
        startsOn: "2099-02-01",
        endsOn: "2099-02-01",
      }),
      await config.saveBookingRules(otherAdmin, clinic.id, { minNoticeMinutes: 0, horizonDays: 1 }),
      // Their own clinic id with our rows: the rows are not theirs.
      await config.saveResource(otherAdmin, other.id, {
        id: room.id,
        name: "Hijacked",
        kind: "room",
      }),
      await config.saveWeeklyHours(otherAdmin, other.id, {
        practitionerId: clinic.practitionerIds[0]!,
        intervals: [],
      }),
      await config.deleteClosure(otherAdmin, other.id, { id: randomUUID() }),
    ];
    for (const answer of answers) expect(answer.error).toEqual(expect.any(String));
    expect(await snapshot(clinic.id)).toEqual(before);
  });
});

describe("bad input", () => {
  it("answers field errors and stores nothing", async () => {
    const mine = await config.loadDiaryConfig(admin, clinic.id);
    const type = ours(mine.appointmentTypes)[0]!;
    const [practitionerId] = clinic.practitionerIds;
    const otherRoom = (
      await db.query(
        "insert into public.resources (clinic_id, name, kind) values ($1, 'Their room', 'room') returning id",
        [other.id],
      )
    ).rows[0].id;
    const newType = {
      procedureId,
      kind: "consultation" as const,
      name: "Laser consultation",
      durationMinutes: 30,
      practitionerIds: [practitionerId!],
      confirmation: "staff" as const,
    };
    const before = await snapshot(clinic.id);

    const cases: [Promise<ConfigResult>, Record<string, RegExp>][] = [
      [
        config.saveWeeklyHours(admin, clinic.id, {
          practitionerId: practitionerId!,
          intervals: [
            { weekday: 1, opens: "09:00", closes: "13:00" },
            { weekday: 2, opens: "09:00", closes: "13:00" },
            { weekday: 1, opens: "12:00", closes: "15:00" },
          ],
        }),
        { "intervals.2": /Overlaps 09:00–13:00/ },
      ],
      [
        config.saveWeeklyHours(admin, clinic.id, {
          practitionerId: practitionerId!,
          intervals: [{ weekday: 1, opens: "17:00", closes: "09:00" }],
        }),
        { "intervals.0": /Closing time must be after opening time/ },
      ],
      [
        config.saveWeeklyHours(admin, clinic.id, {
          practitionerId: practitionerId!,
          intervals: [{ weekday: 1, opens: "9am", closes: "17:00" }],
        }),
        { "intervals.0": /HH:MM/ },
      ],
      [
        config.saveAppointmentType(admin, clinic.id, { ...newType, durationMinutes: 0 }),
        { durationMinutes: /At least 5/ },
      ],
      [
        config.saveAppointmentType(admin, clinic.id, {
          ...newType,
          durationMinutes: 721,
          bufferAfterMinutes: -5,
        }),
        { durationMinutes: /At most 720/, bufferAfterMinutes: /negative/ },
      ],
      [
        config.saveAppointmentType(admin, clinic.id, {
          ...newType,
          practitionerIds: [practitionerId!, other.practitionerIds[0]!],
        }),
        { practitionerIds: /practitioners of this clinic/ },
      ],
      [
        config.saveAppointmentType(admin, clinic.id, { ...newType, resourceId: otherRoom }),
        { resourceId: /not in this clinic/ },
      ],
      [
        config.saveAppointmentType(admin, clinic.id, { ...newType, procedureId: otherProcedureId }),
        { procedureId: /not in this clinic/ },
      ],
      [
        config.saveAppointmentType(admin, clinic.id, { ...newType, requiresConsultation: true }),
        { requiresConsultation: /cannot require one/ },
      ],
      [
        // The procedure already has its treatment.
        config.saveAppointmentType(admin, clinic.id, { ...newType, kind: type.kind }),
        { kind: /already has a treatment/ },
      ],
      [
        config.saveResource(admin, clinic.id, { name: "  laser suite 1 ", kind: "room" }),
        { name: /already have a room or device with this name/ },
      ],
      [
        config.saveResource(admin, clinic.id, { name: "   ", kind: "room" }),
        { name: /Enter the room/ },
      ],
      [
        config.savePractitioner(admin, clinic.id, { name: "", title: "" }),
        { name: /Enter the practitioner/ },
      ],
      [
        config.addClosure(admin, clinic.id, {
          startsOn: "2099-05-10",
          endsOn: "2099-05-09",
          reason: "",
        }),
        { endsOn: /cannot be before the first/ },
      ],
      [
        config.addClosure(admin, clinic.id, { startsOn: "2099-02-30", endsOn: "2099-03-01" }),
        { startsOn: /first closed day/ },
      ],
      [
        config.addOverride(admin, clinic.id, {
          practitionerId: practitionerId!,
          onDate: "2099-05-10",
          kind: "extra",
          opens: "",
          closes: "",
        }),
        { opens: /need a start/, closes: /need an end/ },
      ],
      [
        config.addOverride(admin, clinic.id, {
          practitionerId: practitionerId!,
          onDate: "2099-05-10",
          kind: "off",
          opens: "15:00",
          closes: "11:00",
        }),
        { closes: /after the start/ },
      ],
      [
        config.addOverride(admin, clinic.id, {
          practitionerId: other.practitionerIds[0]!,
          onDate: "2099-05-10",
          kind: "off",
        }),
        { practitionerId: /practitioner of this clinic/ },
      ],
      [
        config.saveBookingRules(admin, clinic.id, { minNoticeMinutes: 20161, horizonDays: 0 }),
        { minNoticeMinutes: /At most 20,160/, horizonDays: /At least 1 day/ },
      ],
    ];
    for (const [answer, expected] of cases) {
      const result = await answer;
      expect(result.id, JSON.stringify(result)).toBeUndefined();
      expect(Object.keys(result.fieldErrors ?? {}).sort(), JSON.stringify(result)).toEqual(
        Object.keys(expected).sort(),
      );
      for (const [field, message] of Object.entries(expected))
        expect(result.fieldErrors![field]).toMatch(message);
    }
    expect(await snapshot(clinic.id)).toEqual(before);
  });
});

/**
 * The config migration's data step on an upgraded database: a clinic as it was before the
 * diary (settings.hours, practitioners, procedures) gets weekly hours and consultation types.
 * Runs in a throw-away database on the same server: the shim, the migrations up to the last
 * one before the diary, some old-style rows, then the diary's configuration migration.
 */
describe("upgrading to the diary's configuration", () => {
  const CONFIG_MIGRATION = "20261130000100";
  const name = `upgrade_${randomUUID().replaceAll("-", "")}`;
  let upgrade: Client;

  beforeAll(async () => {
    await db.query(`create database ${name} template template0`);
    const url = new URL(inject("databaseUrl"));
    url.pathname = `/${name}`;
    upgrade = new Client({ connectionString: url.toString() });
    await upgrade.connect();
  });
  afterAll(async () => {
    await upgrade.end();
    await db.query(`drop database if exists ${name} with (force)`);
  });

  async function apply(file: string) {
    const sql = await readFile(path.join("supabase/migrations", file), "utf8");
    await upgrade.query("begin");
    await upgrade.query("set local search_path = public, extensions");
    await upgrade.query(sql);
    await upgrade.query("commit");
  }

  it("gives every active practitioner the clinic's opening hours, and every procedure a consultation", async () => {
    const files = (await readdir("supabase/migrations"))
      .filter((file) => file.endsWith(".sql"))
      .sort();
    const configFile = files.find((file) => file.startsWith(CONFIG_MIGRATION))!;
    expect(configFile).toBeDefined();
    await applyShim(upgrade);
    for (const file of files.filter((file) => file < configFile)) await apply(file);

    const clinicId = randomUUID();
    const plainId = randomUUID();
    await upgrade.query(
      `insert into public.clinics (id, slug, name, timezone, phone_number, settings) values
         ($1, 'old-clinic', 'Old Clinic', 'Europe/London', '+15550000001',
          '{"slot_minutes": 45, "hours": {"mon": ["09:00", "17:00"], "wed": ["10:00", "18:30"], "sat": null, "sun": ["12:00", "11:00"]}}'),
         ($2, 'plain-clinic', 'Plain Clinic', 'America/New_York', '+15550000002', '{}')`,
      [clinicId, plainId],
    );
    const practitioners = await upgrade.query<{ id: string; name: string }>(
      `insert into public.practitioners (clinic_id, name, active) values
         ($1, 'Dr Active', true), ($1, 'Dr Retired', false), ($2, 'Dr Plain', true)
       returning id, name`,
      [clinicId, plainId],
    );
    const id = Object.fromEntries(practitioners.rows.map((row) => [row.name, row.id]));
    await upgrade.query(
      `insert into public.procedures (clinic_id, name) values ($1, 'Facelift'), ($1, 'Rhinoplasty'), ($2, 'Peel')`,
      [clinicId, plainId],
    );

    await apply(configFile);

    const hours = await upgrade.query(
      `select practitioner_id, weekday, to_char(opens, 'HH24:MI') as opens, to_char(closes, 'HH24:MI') as closes
         from public.working_hours order by practitioner_id, weekday`,
    );
    // Monday and Wednesday for the active practitioner; no hours on a null day, a day that
    // closes before it opens, for the inactive practitioner, or for a clinic without hours.
    expect(hours.rows).toEqual([
      { practitioner_id: id["Dr Active"], weekday: 1, opens: "09:00", closes: "17:00" },
      { practitioner_id: id["Dr Active"], weekday: 3, opens: "10:00", closes: "18:30" },
    ]);

    const types = await upgrade.query(
      `select t.clinic_id, p.name as procedure, t.kind, t.name, t.duration_minutes, t.confirmation, t.active,
              t.requires_consultation, t.resource_id,
              array(select n.name from public.appointment_type_practitioners a
                      join public.practitioners n on n.id = a.practitioner_id
                     where a.appointment_type_id = t.id order by n.name) as performers
         from public.appointment_types t join public.procedures p on p.id = t.procedure_id
        order by p.name`,
    );
    expect(types.rows).toEqual([
      {
        clinic_id: clinicId,
        procedure: "Facelift",
        kind: "consultation",
        name: "Facelift consultation",
        duration_minutes: 45,
        confirmation: "staff",
        active: true,
        requires_consultation: false,
        resource_id: null,
        performers: ["Dr Active"],
      },
      {
        clinic_id: plainId,
        procedure: "Peel",
        kind: "consultation",
        name: "Peel consultation",
        duration_minutes: 30,
        confirmation: "staff",
        active: true,
        requires_consultation: false,
        resource_id: null,
        performers: ["Dr Plain"],
      },
      {
        clinic_id: clinicId,
        procedure: "Rhinoplasty",
        kind: "consultation",
        name: "Rhinoplasty consultation",
        duration_minutes: 45,
        confirmation: "staff",
        active: true,
        requires_consultation: false,
        resource_id: null,
        performers: ["Dr Active"],
      },
    ]);
    const rules = await upgrade.query(
      "select min_notice_minutes, horizon_days from public.clinics order by name",
    );
    expect(rules.rows).toEqual([
      { min_notice_minutes: 60, horizon_days: 60 },
      { min_notice_minutes: 60, horizon_days: 60 },
    ]);
  });
});
