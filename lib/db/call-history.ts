import "server-only";

import type { Checked, Col } from "./rows";
import type { Tx } from "./transaction";

/** What the call history is filtered by (lib/validations/call-history.ts reads it from the address). */
export interface CallHistoryFilter {
  /** Clinic-local days, YYYY-MM-DD, both included. */
  from: string;
  to: string;
  /** Part of the caller's name, or three or more digits of their number. */
  caller?: string;
  /** A calls.outcome, or in_progress for calls still live. */
  outcome?: string;
  procedureId?: string;
  practitionerId?: string;
}

export interface CallHistoryRow {
  id: Col<"calls", "id">;
  /** coalesce(started_at, created_at). */
  startedAt: Col<"calls", "created_at">;
  state: Col<"calls", "state">;
  outcome: Col<"calls", "outcome">;
  endedReason: Col<"calls", "ended_reason">;
  callerName: Col<"calls", "caller_name">;
  /** The full number for the roles public.staff_phone allows (null otherwise), for the export. */
  callerNumber: Col<"calls", "caller_number">;
  /** right(caller_number, 4): what the list shows. */
  callerLast4: Col<"calls", "caller_number">;
  /** duration_ms, else ended_at − answered_at in ms; null while live. */
  durationMs: number | null;
  /** array_agg of the procedures asked about and booked, in the clinic's order. */
  procedures: Col<"procedures", "name">[];
  /** The practitioners of appointments booked on the call. */
  practitioners: Col<"practitioners", "name">[];
  urgency: Checked<Col<"calls", "urgency">, "urgent" | "emergency">;
}

// The clinic's calls whose start falls in [from, to] in the clinic's zone, as instants so the
// (clinic_id, coalesce(started_at, created_at)) index serves the range.
const WHERE = `c.clinic_id = $1
   and coalesce(c.started_at, c.created_at) >= ($2::date::timestamp at time zone cl.timezone)
   and coalesce(c.started_at, c.created_at) < (($3::date + 1)::timestamp at time zone cl.timezone)
   and ($4::text is null
        or c.caller_name ilike '%' || replace(replace(replace($4, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'
        or (length(regexp_replace($4, '\\D', '', 'g')) >= 3
            and c.caller_number like '%' || regexp_replace($4, '\\D', '', 'g') || '%'))
   and (case when $5::text is null then true
             when $5 = 'in_progress' then c.state not in ('completed', 'ended', 'failed', 'abandoned')
             else c.outcome = $5 end)
   and ($6::uuid is null or $6 = any (c.procedures_of_interest)
        or exists (select 1 from public.bookings b where b.call_id = c.id and b.procedure_id = $6))
   and ($7::uuid is null
        or exists (select 1 from public.bookings b where b.call_id = c.id and b.practitioner_id = $7))`;

const params = (clinicId: string, filter: CallHistoryFilter) => [
  clinicId,
  filter.from,
  filter.to,
  filter.caller?.trim() || null,
  filter.outcome ?? null,
  filter.procedureId ?? null,
  filter.practitionerId ?? null,
];

/** One page of the clinic's calls under `filter`, newest first, and how many match in all (RLS-scoped). */
export async function listCallHistory(
  tx: Tx,
  clinicId: string,
  filter: CallHistoryFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: CallHistoryRow[]; total: number }> {
  const rows = await tx.query<CallHistoryRow & { total: number }>(
    `select c.id, coalesce(c.started_at, c.created_at) as "startedAt", c.state, c.outcome,
            c.ended_reason as "endedReason", c.caller_name as "callerName", public.staff_phone(c.clinic_id, c.caller_number) as "callerNumber",
            right(c.caller_number, 4) as "callerLast4",
            coalesce(c.duration_ms, (extract(epoch from (c.ended_at - coalesce(c.answered_at, c.started_at, c.created_at))) * 1000)::int) as "durationMs",
            coalesce((select array_agg(p.name order by p.sort_order) from public.procedures p
                       where p.id = any (c.procedures_of_interest)
                          or p.id in (select b.procedure_id from public.bookings b where b.call_id = c.id)), '{}') as procedures,
            coalesce((select array_agg(distinct pr.name) from public.bookings b
                        join public.practitioners pr on pr.id = b.practitioner_id where b.call_id = c.id), '{}') as practitioners,
            c.urgency, count(*) over ()::int as total
       from public.calls c join public.clinics cl on cl.id = c.clinic_id
      where ${WHERE}
      order by coalesce(c.started_at, c.created_at) desc, c.id desc
      limit $8 offset $9`,
    [...params(clinicId, filter), page.limit, page.offset],
  );
  if (rows.length > 0 || page.offset === 0)
    return { rows: rows.map(({ total: _total, ...row }) => row), total: rows[0]?.total ?? 0 };
  // Past the last page: the count alone, so the page can say how many there are.
  const count = await tx.one<{ total: number }>(
    `select count(*)::int as total from public.calls c join public.clinics cl on cl.id = c.clinic_id where ${WHERE}`,
    params(clinicId, filter),
  );
  return { rows: [], total: count.total };
}

/** The clinic's procedures and practitioners, for the history's filters. */
export async function callHistoryOptions(
  tx: Tx,
  clinicId: string,
): Promise<{
  procedures: { id: Col<"procedures", "id">; name: Col<"procedures", "name"> }[];
  practitioners: { id: Col<"practitioners", "id">; name: Col<"practitioners", "name"> }[];
}> {
  const [procedures, practitioners] = [
    await tx.query<{ id: string; name: string }>(
      "select id, name from public.procedures where clinic_id = $1 order by sort_order, name",
      [clinicId],
    ),
    await tx.query<{ id: string; name: string }>(
      "select id, name from public.practitioners where clinic_id = $1 order by name",
      [clinicId],
    ),
  ];
  return { procedures, practitioners };
}
