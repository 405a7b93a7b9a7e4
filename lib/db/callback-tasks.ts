import "server-only";

import type { Checked, Col } from "./rows";
import type { Tx } from "./transaction";

/** A call-back the front desk owes a caller (one per call), e.g. after a call cut off while booking. */
export async function openCallbackTask(
  tx: Tx,
  task: { clinicId: string; callId: string; reason: string },
): Promise<void> {
  await tx.query(
    "insert into public.callback_tasks (clinic_id, call_id, reason) values ($1, $2, $3) on conflict (call_id) do nothing",
    [task.clinicId, task.callId, task.reason],
  );
}

export interface CallbackTask {
  id: Col<"callback_tasks", "id">;
  callId: Col<"callback_tasks", "call_id">;
  reason: Col<"callback_tasks", "reason">;
  /** The message the caller left, redacted; null when none was taken. */
  message: Col<"callback_tasks", "message">;
  urgency: Checked<Col<"callback_tasks", "urgency">, "routine" | "urgent">;
  callerName: Col<"calls", "caller_name">;
  /** right(caller_number, 4). */
  callerLast4: Col<"calls", "caller_number">;
  /** The full number, for the roles public.staff_phone allows (null otherwise): to ring back. */
  phone: Col<"calls", "caller_number">;
  /** The caller's patient record: the text link opens their conversation. */
  patientId: Col<"calls", "patient_id">;
  createdAt: Col<"callback_tasks", "created_at">;
}

export function listOpenCallbacks(tx: Tx, clinicId: string): Promise<CallbackTask[]> {
  return tx.query<CallbackTask>(
    `select t.id, t.call_id as "callId", t.reason, t.message, t.urgency, c.caller_name as "callerName", right(c.caller_number, 4) as "callerLast4",
            public.staff_phone(t.clinic_id, c.caller_number) as phone, c.patient_id as "patientId", t.created_at as "createdAt"
       from public.callback_tasks t join public.calls c on c.id = t.call_id
      where t.clinic_id = $1 and t.done_at is null order by t.urgency = 'urgent' desc, t.created_at`,
    [clinicId],
  );
}

/** Marks a call-back done as the signed-in person (RLS: members of the task's clinic). */
export async function completeCallbackTask(tx: Tx, taskId: string): Promise<boolean> {
  const rows = await tx.query(
    "update public.callback_tasks set done_at = now(), done_by = (select auth.uid()) where id = $1 and done_at is null returning id",
    [taskId],
  );
  return rows.length > 0;
}
