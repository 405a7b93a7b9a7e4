import { randomUUID } from "node:crypto";
import { Client } from "pg";

import { summarise, type BenchEnvironment } from "./environment";

/**
 * 1,000 appointment reminders falling due in the same minute: due time -> text handed to the
 * sender (arrival at the Twilio API double), and how many texts each appointment got. The
 * appointments are made a little ahead of time (their confirmations go then), with their 24-hour
 * reminder planned by the database for one instant; nothing is fast-forwarded. Baseline: one
 * reminder falling due alone. The promise: every reminder within 60 s (p99), each exactly once.
 */
export async function benchReminders(env: BenchEnvironment, options = { solo: 3, burst: 1000 }) {
  const db = new Client({ connectionString: env.databaseUrl });
  await db.connect();
  try {
    const clinic = await benchClinic(db);
    const reminderTexts = () =>
      env.texts().filter((text) => text.from === clinic.phone && /A reminder of/.test(text.body));

    /** `count` appointments whose 24-hour reminders all fall due `inSeconds` from now. */
    const plan = async (count: number, inSeconds: number, prefix: string) => {
      const numbers = Array.from(
        { length: count },
        (_, index) => `+1${prefix}${String(index).padStart(6, "0")}`,
      );
      const { rows } = await db.query<{ due: Date }>(
        `with due as (select date_trunc('second', now()) + make_interval(secs => $5) as at),
              made as (
                insert into public.bookings (clinic_id, patient_name, patient_phone, practitioner_id, appointment_type_id,
                                             starts_at, ends_at, source, status)
                select $1, 'Bench Patient', n, $2, $3, due.at + interval '24 hours', due.at + interval '24 hours 30 minutes',
                       'staff', 'confirmed'
                  from due, unnest($4::text[]) n returning id)
         select at as due from due, (select count(*) from made) m`,
        [clinic.id, clinic.practitionerId, clinic.typeId, numbers, inSeconds],
      );
      return { numbers, due: rows[0]!.due.getTime() };
    };

    const lagsOf = async (numbers: string[], due: number, timeoutMs: number) => {
      const wanted = new Set(numbers);
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const texts = reminderTexts().filter((text) => wanted.has(text.to));
        const reached = new Set(texts.map((text) => text.to)).size;
        if ((reached >= numbers.length && Date.now() > due) || Date.now() > deadline) {
          // A few more seconds, so a duplicate sent late would still be counted.
          await new Promise((resolve) => setTimeout(resolve, 5_000));
          const all = reminderTexts().filter((text) => wanted.has(text.to));
          const perNumber = new Map<string, number>();
          for (const text of all) perNumber.set(text.to, (perNumber.get(text.to) ?? 0) + 1);
          const first = new Map<string, number>();
          for (const text of all)
            if (!first.has(text.to) || first.get(text.to)! > text.receivedAt)
              first.set(text.to, text.receivedAt);
          return {
            lags: [...first.values()].map((at) => at - due),
            reached: perNumber.size,
            duplicates: [...perNumber.values()].reduce((sum, n) => sum + (n - 1), 0),
          };
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };

    const solo: number[] = [];
    for (let index = 0; index < options.solo; index++) {
      const { numbers, due } = await plan(1, 5, `55571${index}`);
      solo.push(...(await lagsOf(numbers, due, 60_000)).lags);
    }

    // Made 90 s ahead: the 1,000 confirmations go first, then the reminders all fall due at once.
    const { numbers, due } = await plan(options.burst, 90, "55572");
    const burst = await lagsOf(numbers, due, due - Date.now() + 5 * 60_000);
    const withinPromise = burst.lags.filter((lag) => lag <= 60_000).length;
    return {
      name: `Reminders: due -> text handed to the sender (${options.burst} due in the same minute)`,
      reminders: options.burst,
      handedOver: burst.reached,
      duplicates: burst.duplicates,
      withinPromiseRatio: Math.round((withinPromise / options.burst) * 1000) / 1000,
      lagMs: summarise(burst.lags),
      baselineAloneMs: summarise(solo),
      promiseMs: 60_000,
    };
  } finally {
    await db.end();
  }
}

/** A clinic of the bench's own (no quiet hours, so the time of day does not matter). */
async function benchClinic(db: Client) {
  const id = randomUUID();
  const phone = `+1557${String(Date.now()).slice(-7)}`;
  const { rows } = await db.query<{ practitioner_id: string; type_id: string }>(
    `with clinic as (insert into public.clinics (id, slug, name, timezone, phone_number)
                     values ($1, $2, 'Bench Reminders Clinic', 'America/New_York', $3) returning id),
          settings as (insert into public.reminder_settings (clinic_id, quiet_start, quiet_end)
                       select id, null, null from clinic returning 1),
          pr as (insert into public.practitioners (clinic_id, name) select id, 'Dr Bench' from clinic returning id),
          proc as (insert into public.procedures (clinic_id, name) select id, 'Consultation' from clinic returning id),
          type as (insert into public.appointment_types (clinic_id, procedure_id, kind, name, duration_minutes)
                   select $1, proc.id, 'consultation', 'Consultation', 30 from proc returning id)
     select pr.id as practitioner_id, type.id as type_id from pr, type, (select count(*) from settings) s`,
    [id, `bench-reminders-${id}`, phone],
  );
  return { id, phone, practitionerId: rows[0]!.practitioner_id, typeId: rows[0]!.type_id };
}

export function printReminders(result: Awaited<ReturnType<typeof benchReminders>>) {
  console.log(`\n${result.name}`);
  console.log(
    `  ${result.reminders} due together   handed over ${result.handedOver}/${result.reminders}   duplicates ${result.duplicates}   within 60 s ${(result.withinPromiseRatio * 100).toFixed(1)}%   p50 ${result.lagMs.p50} ms   p99 ${result.lagMs.p99} ms   max ${result.lagMs.max} ms`,
  );
  console.log(
    `  baseline one alone    p50 ${result.baselineAloneMs.p50} ms   p99 ${result.baselineAloneMs.p99} ms   (promise: p99 within 60 s, each once)`,
  );
}
