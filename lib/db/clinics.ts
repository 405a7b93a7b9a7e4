import "server-only";

import type { Claims } from "@/lib/auth/claims";
import { withClaims } from "./transaction";

export type ClinicRole = "admin" | "receptionist";

export interface ClinicMembership {
  id: string;
  slug: string;
  name: string;
  timezone: string;
  phoneNumber: string;
  role: ClinicRole;
}

/** The clinics the signed-in person belongs to, with their role in each (RLS-scoped). */
export function listMyClinics(claims: Claims): Promise<ClinicMembership[]> {
  return withClaims(claims, (tx) =>
    tx.query<ClinicMembership>(
      `select c.id, c.slug, c.name, c.timezone, c.phone_number as "phoneNumber", m.role
         from public.clinics c
         join public.clinic_members m on m.clinic_id = c.id and m.user_id = (select auth.uid())
        order by c.name`,
    ),
  );
}

export interface CallSummary {
  id: string;
  state: string;
  outcome: string | null;
  callerNumber: string | null;
  callerName: string | null;
  startedAt: Date | null;
  endedAt: Date | null;
  procedures: string[];
}

/** The clinic's calls from the last 24 hours, newest first (RLS-scoped). */
export function listRecentCalls(claims: Claims, clinicId: string): Promise<CallSummary[]> {
  return withClaims(claims, (tx) =>
    tx.query<CallSummary>(
      `select c.id, c.state, c.outcome, c.caller_number as "callerNumber", c.caller_name as "callerName",
              coalesce(c.started_at, c.created_at) as "startedAt", c.ended_at as "endedAt",
              coalesce((select array_agg(p.name order by p.sort_order) from public.procedures p
                         where p.id = any (c.procedures_of_interest)), '{}') as procedures
         from public.calls c
        where c.clinic_id = $1 and c.created_at > now() - interval '24 hours'
        order by c.created_at desc
        limit 50`,
      [clinicId],
    ),
  );
}
