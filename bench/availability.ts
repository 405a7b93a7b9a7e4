import { pathToFileURL } from "node:url";
import pg from "pg";

import type { Tx } from "../lib/db/transaction";
import {
  availableStarts,
  workingIntervals,
  type BookableType,
  type DiarySchedule,
  type OfferedStart,
} from "../lib/diary/availability";
import { seeded } from "../lib/simulator/random";
import { summarise } from "./environment";

/**
 * Availability for 14 days at a clinic with 10 practitioners, 5 rooms and 2,000 appointments
 * and blocks (goal: p95 < 20 ms including loading the diary). Each case is a `load` step that
 * produces the schedule (in memory here; the database load reads the same clinic from
 * PostgreSQL) followed by `availableStarts` for a treatment that needs a room. Baseline in the
 * same run: a naive engine on the same working intervals that scans every busy range for every
 * candidate start; both must answer the same starts.
 */

const DAY = 86_400_000;
const MINUTE = 60_000;

export interface SyntheticClinic {
  schedule: DiarySchedule;
  type: BookableType;
  range: { from: Date; to: Date };
  practitionerIds: string[];
  resourceIds: string[];
}

/** One way of getting the schedule for a request: the part a real request pays before the engine. */
export interface AvailabilityLoad {
  label: string;
  load: (clinic: SyntheticClinic) => DiarySchedule | Promise<DiarySchedule>;
}

/**
 * A busy clinic, deterministic from `seed`: practitioners on different weekly hours (split
 * days, late evenings, Mondays to Saturdays), overrides, a closure day, and appointments of
 * 10-45 minutes placed in working hours without overlapping their practitioner or room
 * (about 60% of practitioners' time, 40% of each room's), plus room-only blocks.
 */
export function syntheticClinic(
  options = { seed: 14, practitioners: 10, rooms: 5, busy: 2000 },
): SyntheticClinic {
  const random = seeded(options.seed);
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)]!;
  const now = new Date("2026-12-01T07:00:00Z"); // Tuesday, London (GMT)
  const practitionerIds = Array.from({ length: options.practitioners }, (_, i) => `p${i + 1}`);
  const resourceIds = Array.from({ length: options.rooms }, (_, i) => `room${i + 1}`);
  const patterns = [
    [
      ["08:00", "13:00"],
      ["14:00", "19:00"],
    ],
    [
      ["08:00", "12:30"],
      ["13:15", "18:00"],
    ],
    [
      ["10:00", "14:00"],
      ["15:00", "21:00"],
    ],
    [["09:00", "18:30"]],
  ];
  const weeklyHours: DiarySchedule["weeklyHours"] = [];
  practitionerIds.forEach((practitionerId, i) => {
    for (const weekday of [1, 2, 3, 4, 5, 6]) {
      for (const [opens, closes] of patterns[(i + weekday) % patterns.length]!) {
        weeklyHours.push({ practitionerId, weekday, opens: opens!, closes: closes! });
      }
    }
  });
  const schedule: DiarySchedule = {
    timeZone: "Europe/London",
    now,
    minNoticeMinutes: 60,
    horizonDays: 60,
    weeklyHours,
    overrides: [
      { practitionerId: "p2", date: "2026-12-03", kind: "off", opens: null, closes: null },
      { practitionerId: "p3", date: "2026-12-04", kind: "off", opens: "14:00", closes: "16:00" },
      { practitionerId: "p4", date: "2026-12-05", kind: "extra", opens: "09:00", closes: "13:00" },
    ],
    closures: [{ startsOn: "2026-12-08", endsOn: "2026-12-08" }],
    busy: [],
  };
  const range = { from: now, to: new Date(now.getTime() + 14 * DAY) };

  // Pack appointments into working time; retry a placement that would overlap.
  const intervals = new Map(
    practitionerIds.map((id) => [id, workingIntervals(schedule, id, range.from, range.to)]),
  );
  const taken = new Map<string, [number, number][]>();
  const free = (key: string, start: number, end: number) =>
    !(taken.get(key) ?? []).some(([s, e]) => s < end && start < e);
  const take = (key: string, start: number, end: number) => {
    if (!taken.has(key)) taken.set(key, []);
    taken.get(key)!.push([start, end]);
  };
  for (
    let attempt = 0;
    schedule.busy.length < options.busy && attempt < options.busy * 50;
    attempt++
  ) {
    const blockOnly = random() < 0.05;
    const practitionerId = pick(practitionerIds);
    const resourceId = blockOnly || random() < 0.25 ? pick(resourceIds) : null;
    const interval = pick(intervals.get(practitionerId)!);
    const length = pick([10, 15, 20, 20, 30, 45]) * MINUTE;
    const slots = Math.floor(
      (interval.end.getTime() - interval.start.getTime() - length) / (5 * MINUTE),
    );
    if (slots < 0) continue;
    const start = interval.start.getTime() + Math.floor(random() * (slots + 1)) * 15 * MINUTE;
    const end = start + length;
    if (!blockOnly && !free(practitionerId, start, end)) continue;
    if (resourceId && !free(resourceId, start, end)) continue;
    if (!blockOnly) take(practitionerId, start, end);
    if (resourceId) take(resourceId, start, end);
    schedule.busy.push({
      practitionerId: blockOnly ? null : practitionerId,
      resourceId,
      start: new Date(start),
      end: new Date(end),
    });
  }
  if (schedule.busy.length < options.busy) throw new Error("the synthetic clinic is too full");

  const type: BookableType = {
    id: "laser-resurfacing",
    durationMinutes: 45,
    bufferBeforeMinutes: 5,
    bufferAfterMinutes: 10,
    resourceId: "room1",
    practitionerIds,
  };
  return { schedule, type, range, practitionerIds, resourceIds };
}

/**
 * The baseline: the same working intervals and grid, but every candidate start is checked
 * against every busy range (what a straightforward implementation does).
 */
export function naiveAvailableStarts(
  schedule: DiarySchedule,
  type: BookableType,
  range: { from: Date; to: Date },
): OfferedStart[] {
  const grid = (schedule.gridMinutes ?? 15) * MINUTE;
  const now = schedule.now.getTime();
  const earliest = now + schedule.minNoticeMinutes * MINUTE;
  const latest = now + schedule.horizonDays * DAY;
  const before = type.bufferBeforeMinutes * MINUTE;
  const length = type.durationMinutes * MINUTE;
  const after = type.bufferAfterMinutes * MINUTE;
  // Whole intervals (a day either side), so an occupied range may reach outside the range.
  const wide = [new Date(range.from.getTime() - DAY), new Date(range.to.getTime() + DAY)] as const;
  const result: OfferedStart[] = [];
  for (const practitionerId of type.practitionerIds) {
    for (const interval of workingIntervals(schedule, practitionerId, ...wide)) {
      const open = interval.start.getTime();
      const close = interval.end.getTime();
      for (let start = open + before; start + length + after <= close; start += grid) {
        if (start < range.from.getTime() || start >= range.to.getTime()) continue;
        if (start < now || start < earliest || start > latest) continue;
        const a = start - before;
        const b = start + length + after;
        const clash = schedule.busy.some(
          (busy) =>
            (busy.practitionerId === practitionerId ||
              (type.resourceId !== null && busy.resourceId === type.resourceId)) &&
            busy.start.getTime() < b &&
            a < busy.end.getTime(),
        );
        if (!clash)
          result.push({ practitionerId, start: new Date(start), end: new Date(start + length) });
      }
    }
  }
  return result.sort(
    (x, y) =>
      x.start.getTime() - y.start.getTime() || (x.practitionerId < y.practitionerId ? -1 : 1),
  );
}

/**
 * The database case: the synthetic clinic seeded as a real clinic (practitioners, rooms, weekly
 * hours, overrides, the closure, a treatment that needs room1, and its busy ranges as
 * appointments with their bookings, room-only ones as blocks), then each request loads it
 * through lib/diary/load.ts (the query the assistant's check_availability and the diary use:
 * one round trip) and runs the engine. The load's ids are mapped back to the synthetic ones so
 * the starts can be compared with the in-memory case; `now` is the synthetic clinic's (the
 * database's clock is today, the synthetic diary is fixed), so both answer the same starts.
 */
export async function databaseLoad(
  databaseUrl: string,
  clinic: SyntheticClinic,
): Promise<AvailabilityLoad & { clinicId: string; close: () => Promise<void> }> {
  // Server-only modules: `npm run bench` runs under the react-server condition.
  const [{ wrap }, { loadDiary }] = await Promise.all([
    import("../lib/db/transaction"),
    import("../lib/diary/load"),
  ]);
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "bench" });
  await client.connect();
  const { clinicId, procedureId, ids } = await seedSyntheticClinic(client, clinic);
  const back = new Map([...ids].map(([synthetic, uuid]) => [uuid, synthetic]));
  const map = (id: string | null) => (id === null ? null : (back.get(id) ?? id));
  const tx: Tx = wrap(client);
  return {
    label: "database (lib/diary/load.ts)",
    clinicId,
    async load(c) {
      const diary = await loadDiary(tx, clinicId, c.range, { procedureId });
      if (!diary) throw new Error("availability: the seeded clinic did not load");
      const { schedule } = diary;
      return {
        ...schedule,
        now: c.schedule.now,
        weeklyHours: schedule.weeklyHours.map((h) => ({
          ...h,
          practitionerId: map(h.practitionerId)!,
        })),
        overrides: schedule.overrides.map((o) => ({
          ...o,
          practitionerId: map(o.practitionerId)!,
        })),
        busy: schedule.busy.map((b) => ({
          practitionerId: map(b.practitionerId),
          resourceId: map(b.resourceId),
          start: b.start,
          end: b.end,
        })),
      };
    },
    close: () => client.end(),
  };
}

/** Writes the synthetic clinic into the database; its uuid, the treatment's procedure and the id map. */
export async function seedSyntheticClinic(client: pg.Client, clinic: SyntheticClinic) {
  const { schedule, type } = clinic;
  const tag = Math.random().toString(36).slice(2, 8);
  await client.query("begin");
  try {
    const {
      rows: [row],
    } = await client.query<{ id: string }>(
      `insert into public.clinics (slug, name, timezone, phone_number, min_notice_minutes, horizon_days)
       values ($1, 'Availability Bench Clinic', $2, $3, $4, $5) returning id`,
      [
        `availability-bench-${tag}`,
        schedule.timeZone,
        `+1555${String(Math.floor(1_000_000 + Math.random() * 8_999_999))}`,
        schedule.minNoticeMinutes,
        schedule.horizonDays,
      ],
    );
    const clinicId = row!.id;
    const ids = new Map<string, string>();
    for (const id of clinic.practitionerIds) {
      const { rows } = await client.query<{ id: string }>(
        "insert into public.practitioners (clinic_id, name) values ($1, $2) returning id",
        [clinicId, `Dr ${id.toUpperCase()}`],
      );
      ids.set(id, rows[0]!.id);
    }
    for (const id of clinic.resourceIds) {
      const { rows } = await client.query<{ id: string }>(
        "insert into public.resources (clinic_id, name, kind) values ($1, $2, 'room') returning id",
        [clinicId, `Room ${id.replace("room", "")}`],
      );
      ids.set(id, rows[0]!.id);
    }
    const uuid = (id: string | null) => (id === null ? null : ids.get(id)!);
    await client.query(
      `insert into public.working_hours (clinic_id, practitioner_id, weekday, opens, closes)
       select $1, h.practitioner_id, h.weekday, h.opens::time, h.closes::time
         from unnest($2::uuid[], $3::int[], $4::text[], $5::text[]) as h (practitioner_id, weekday, opens, closes)`,
      [
        clinicId,
        schedule.weeklyHours.map((h) => uuid(h.practitionerId)),
        schedule.weeklyHours.map((h) => h.weekday),
        schedule.weeklyHours.map((h) => h.opens),
        schedule.weeklyHours.map((h) => h.closes),
      ],
    );
    for (const o of schedule.overrides) {
      await client.query(
        `insert into public.schedule_overrides (clinic_id, practitioner_id, on_date, kind, opens, closes)
         values ($1, $2, $3, $4, $5, $6)`,
        [clinicId, uuid(o.practitionerId), o.date, o.kind, o.opens, o.closes],
      );
    }
    for (const c of schedule.closures) {
      await client.query(
        "insert into public.clinic_closures (clinic_id, starts_on, ends_on, reason) values ($1, $2, $3, 'Staff training')",
        [clinicId, c.startsOn, c.endsOn],
      );
    }
    const {
      rows: [procedure],
    } = await client.query<{ id: string }>(
      "insert into public.procedures (clinic_id, name) values ($1, 'Laser resurfacing') returning id",
      [clinicId],
    );
    const {
      rows: [appointmentType],
    } = await client.query<{ id: string }>(
      `insert into public.appointment_types (clinic_id, procedure_id, kind, name, duration_minutes,
                                             buffer_before_minutes, buffer_after_minutes, resource_id, confirmation)
       values ($1, $2, 'treatment', 'Laser resurfacing', $3, $4, $5, $6, 'instant') returning id`,
      [
        clinicId,
        procedure!.id,
        type.durationMinutes,
        type.bufferBeforeMinutes,
        type.bufferAfterMinutes,
        uuid(type.resourceId),
      ],
    );
    await client.query(
      `insert into public.appointment_type_practitioners (clinic_id, appointment_type_id, practitioner_id)
       select $1, $2, unnest($3::uuid[])`,
      [clinicId, appointmentType!.id, type.practitionerIds.map(uuid)],
    );
    // Appointments (a booking and its reservation) for busy ranges with a practitioner; blocks
    // for a room alone.
    const appointments = schedule.busy.filter((b) => b.practitionerId !== null);
    const blocks = schedule.busy.filter((b) => b.practitionerId === null);
    await client.query(
      `with b as (
         insert into public.bookings (clinic_id, procedure_id, patient_name, status, practitioner_id, resource_id,
                                      starts_at, ends_at, source)
         select $1, $2, 'Bench Patient', 'confirmed', a.practitioner_id, a.resource_id, a.starts_at, a.ends_at, 'assistant'
           from unnest($3::uuid[], $4::uuid[], $5::timestamptz[], $6::timestamptz[])
                as a (practitioner_id, resource_id, starts_at, ends_at)
         returning id, practitioner_id, resource_id, starts_at, ends_at)
       insert into public.reservations (clinic_id, kind, practitioner_id, resource_id, starts_at, ends_at, occupied, booking_id)
       select $1, 'appointment', b.practitioner_id, b.resource_id, b.starts_at, b.ends_at,
              tstzrange(b.starts_at, b.ends_at), b.id
         from b`,
      [
        clinicId,
        procedure!.id,
        appointments.map((b) => uuid(b.practitionerId)),
        appointments.map((b) => uuid(b.resourceId)),
        appointments.map((b) => b.start),
        appointments.map((b) => b.end),
      ],
    );
    await client.query(
      `insert into public.reservations (clinic_id, kind, resource_id, starts_at, ends_at, occupied, reason)
       select $1, 'block', r.resource_id, r.starts_at, r.ends_at, tstzrange(r.starts_at, r.ends_at), 'Maintenance'
         from unnest($2::uuid[], $3::timestamptz[], $4::timestamptz[]) as r (resource_id, starts_at, ends_at)`,
      [
        clinicId,
        blocks.map((b) => uuid(b.resourceId)),
        blocks.map((b) => b.start),
        blocks.map((b) => b.end),
      ],
    );
    await client.query("commit");
    await client.query("analyze public.reservations");
    return { clinicId, procedureId: procedure!.id, ids };
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw error;
  }
}

async function timed(
  clinic: SyntheticClinic,
  load: AvailabilityLoad,
  engine: typeof availableStarts,
): Promise<{ ms: number; starts: OfferedStart[] }> {
  const started = performance.now();
  const schedule = await load.load(clinic);
  const starts = engine(schedule, clinic.type, clinic.range);
  return { ms: performance.now() - started, starts };
}

const inMemory: AvailabilityLoad = { label: "in memory", load: (clinic) => clinic.schedule };

export async function benchAvailability(
  options: {
    iterations?: number;
    loads?: AvailabilityLoad[];
    /** A database to seed the clinic into for the database case (`npm run bench`). */
    databaseUrl?: string;
  } = {},
) {
  const iterations = options.iterations ?? 200;
  const clinic = syntheticClinic();
  const database = options.databaseUrl ? await databaseLoad(options.databaseUrl, clinic) : null;
  const loads = [inMemory, ...(options.loads ?? []), ...(database ? [database] : [])];
  try {
    return await measure(clinic, loads, iterations);
  } finally {
    await database?.close();
  }
}

async function measure(clinic: SyntheticClinic, loads: AvailabilityLoad[], iterations: number) {
  const same = (a: OfferedStart[], b: OfferedStart[]) =>
    a.length === b.length &&
    a.every(
      (x, i) =>
        x.practitionerId === b[i]!.practitionerId && x.start.getTime() === b[i]!.start.getTime(),
    );

  // Every load must give the engine the same clinic: the same starts as in memory.
  const expected = availableStarts(clinic.schedule, clinic.type, clinic.range);
  const cases = [];
  for (const load of loads) {
    if (!same((await timed(clinic, load, availableStarts)).starts, expected))
      throw new Error(`availability (${load.label}): not the starts of the in-memory clinic`);
    const engineMs: number[] = [];
    const baselineMs: number[] = [];
    let offered = 0;
    // Warm up, then interleave engine and baseline so both see the same machine noise.
    for (let i = 0; i < 10; i++) await timed(clinic, load, availableStarts);
    for (let i = 0; i < iterations; i++) {
      const engine = await timed(clinic, load, availableStarts);
      engineMs.push(engine.ms);
      offered = engine.starts.length;
      // The baseline is slow: measure it every fourth round.
      if (i % 4 === 0) {
        const baseline = await timed(clinic, load, naiveAvailableStarts);
        baselineMs.push(baseline.ms);
        if (!same(engine.starts, baseline.starts)) {
          throw new Error(`availability (${load.label}): the engine and the baseline disagree`);
        }
      }
    }
    const engine = summarise(engineMs);
    const baseline = summarise(baselineMs);
    cases.push({
      load: load.label,
      offered,
      engineMs: engine,
      baselineNaiveMs: baseline,
      speedupP50: Math.round((baseline.p50 / engine.p50) * 10) / 10,
    });
  }
  return {
    name: `Availability: 14 days, ${clinic.practitionerIds.length} practitioners, ${clinic.resourceIds.length} rooms, ${clinic.schedule.busy.length} busy ranges`,
    goalP95Ms: 20,
    cases,
  };
}

export function printAvailability(result: Awaited<ReturnType<typeof benchAvailability>>) {
  console.log(`\n${result.name} (goal p95 < ${result.goalP95Ms} ms)`);
  for (const c of result.cases) {
    const line = (label: string, figures: ReturnType<typeof summarise>) =>
      `    ${label.padEnd(34)} n ${String(figures.n).padStart(4)}   p50 ${String(figures.p50).padStart(7)} ms   p95 ${String(figures.p95).padStart(7)} ms`;
    console.log(
      `  load ${c.load}: ${c.offered} starts offered, engine ${c.speedupP50}x faster than the baseline (p50)`,
    );
    console.log(line("load + availableStarts", c.engineMs));
    console.log(line("load + baseline (scan every range)", c.baselineNaiveMs));
  }
}

// `npx tsx bench/availability.ts`: the engine alone, without starting the bench environment.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  printAvailability(await benchAvailability());
}
