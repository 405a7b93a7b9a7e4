import "server-only";

import type { Tx } from "./transaction";

export interface AssistantSource {
  clinic: { id: string; name: string; timezone: string; frontDeskNumber: string | null; settings: Record<string, unknown> };
  procedures: { name: string; synonyms: string[]; description: string }[];
}

/** What the assistant config is built from: the clinic, its hours and its active procedures. No patient data. */
export async function loadAssistantSource(tx: Tx, clinicId: string): Promise<AssistantSource> {
  const clinic = await tx.one<AssistantSource["clinic"]>(
    `select id, name, timezone, front_desk_number as "frontDeskNumber", settings from public.clinics where id = $1`,
    [clinicId],
  );
  const procedures = await tx.query<AssistantSource["procedures"][number]>(
    "select name, synonyms, description from public.procedures where clinic_id = $1 and active order by sort_order, name",
    [clinicId],
  );
  return { clinic, procedures };
}
