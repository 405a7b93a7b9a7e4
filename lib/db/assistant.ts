import "server-only";

import type { OpeningInterval } from "@/types/opening-hours";
import type { PrivacySettings } from "@/types/privacy";

import { listOpeningHours } from "./opening-hours";
import { PRIVACY_COLUMNS } from "./privacy";
import type { Checked, Col, JsonAs } from "./rows";
import type { Tx } from "./transaction";

export interface AssistantSource {
  clinic: {
    id: Col<"clinics", "id">;
    name: Col<"clinics", "name">;
    timezone: Col<"clinics", "timezone">;
    /** How Voxanne words dates, times and prices (lib/format); optional for sources built by hand. */
    locale?: Col<"clinics", "locale">;
    currency?: Col<"clinics", "currency">;
    frontDeskNumber: Col<"clinics", "front_desk_number">;
    settings: JsonAs<Col<"clinics", "settings">, Record<string, unknown>>;
    /** Read to callers before the assistant cancels (issue 15). */
    cancellationPolicy?: Col<"clinics", "cancellation_policy">;
    /** What Voxanne offers while the front desk is closed (issue 18). */
    afterHoursMode?: Checked<Col<"clinics", "after_hours_mode">, "message" | "book" | "both">;
    /** Said to callers with emergency signs (issue 18). */
    emergencyNumber?: Col<"clinics", "emergency_number">;
  };
  procedures: {
    name: Col<"procedures", "name">;
    synonyms: Col<"procedures", "synonyms">;
    description: Col<"procedures", "description">;
    /** Its bookable appointment types, e.g. "consultation 60 min", "surgery 240 min (after a consultation)". Computed in SQL. */
    appointments?: string[];
  }[];
  /** The clinic's privacy settings (issue 16); absent when it never saved any, so the defaults apply. */
  privacy?: PrivacySettings;
  /** When the front desk answers (opening_hours), clinic-local. */
  openingHours: OpeningInterval[];
}

/** What the assistant config is built from: the clinic, its hours and its active procedures. No patient data. */
export async function loadAssistantSource(tx: Tx, clinicId: string): Promise<AssistantSource> {
  // The privacy settings in the same round trip (assistant-request is on the call's path).
  const clinic = await tx.one<AssistantSource["clinic"] & { privacy: PrivacySettings | null }>(
    `select id, name, timezone, locale, currency, front_desk_number as "frontDeskNumber", settings,
            cancellation_policy as "cancellationPolicy", after_hours_mode as "afterHoursMode",
            emergency_number as "emergencyNumber",
            (select row_to_json(p) from (select ${PRIVACY_COLUMNS} from public.privacy_settings
                                          where clinic_id = c.id) p) as privacy
       from public.clinics c where id = $1`,
    [clinicId],
  );
  const procedures = await tx.query<AssistantSource["procedures"][number]>(
    `select p.name, p.synonyms, p.description,
            coalesce((select array_agg(t.kind || ' ' || t.duration_minutes || ' min'
                                       || case when t.requires_consultation then ' (after a consultation)' else '' end
                                       order by array_position(array['consultation', 'treatment', 'surgery', 'review'], t.kind))
                        from public.appointment_types t
                       where t.procedure_id = p.id and t.active
                         and exists (select 1 from public.appointment_type_practitioners a where a.appointment_type_id = t.id)),
                     '{}') as appointments
       from public.procedures p where p.clinic_id = $1 and p.active order by p.sort_order, p.name`,
    [clinicId],
  );
  const { privacy, ...clinicRow } = clinic;
  const openingHours = (await listOpeningHours(tx, clinicId)).map(({ weekday, opens, closes }) => ({
    weekday,
    opens,
    closes,
  }));
  return { clinic: clinicRow, procedures, openingHours, ...(privacy ? { privacy } : {}) };
}

/** Stores the id Vapi gave the clinic's assistant (assistant-request then answers with it). */
export async function setClinicAssistantId(
  tx: Tx,
  clinicId: string,
  assistantId: string,
): Promise<void> {
  await tx.query("update public.clinics set vapi_assistant_id = $2 where id = $1", [
    clinicId,
    assistantId,
  ]);
}

/** Sets the clinic's latency profile (RLS: admins of the clinic; audited by trigger). */
export async function setLatencyProfile(
  tx: Tx,
  clinicId: string,
  profile: string,
): Promise<boolean> {
  const rows = await tx.query(
    "update public.clinics set settings = jsonb_set(settings, '{latency_profile}', to_jsonb($2::text)) where id = $1 returning id",
    [clinicId, profile],
  );
  return rows.length > 0;
}

export async function getClinicAssistantId(tx: Tx, clinicId: string): Promise<string | null> {
  const row = await tx.maybeOne<{ id: Col<"clinics", "vapi_assistant_id"> }>(
    "select vapi_assistant_id as id from public.clinics where id = $1",
    [clinicId],
  );
  return row?.id ?? null;
}

/** The clinic's latency profile, `standard` unless an admin switched it. */
export async function getLatencyProfile(tx: Tx, clinicId: string): Promise<string> {
  // settings->>'latency_profile': a key of the jsonb, not a column.
  const row = await tx.maybeOne<{ profile: string | null }>(
    "select settings->>'latency_profile' as profile from public.clinics where id = $1",
    [clinicId],
  );
  return row?.profile ?? "standard";
}
