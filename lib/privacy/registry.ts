// Where the clinic holds identifiers of a patient (issue 16, "Requests from patients"), in one
// place. public.privacy_subject_data and public.privacy_erase
// (supabase/migrations/20261201001000_patient_requests.sql) search and erase these areas; a test
// (tests/integration/patient-requests.test.ts) reads the catalog and fails when a column named
// like an identifier (phone, number, name, email, body, caller, text, message, …) is in neither
// PERSONAL_COLUMNS nor NOT_PERSONAL, and when the search returns an area not listed here or
// misses one. A new table holding patient data must be added here and to the two functions.

/** The search's areas, in the order the admin page and the summary show them. */
export const AREAS = [
  "patients",
  "calls",
  "bookings",
  "callEvents",
  "transcripts",
  "handoffs",
  "followUps",
  "smsMessages",
  "optOuts",
  "appointmentTexts",
  "callbackTasks",
  "waitlist",
  "aftercareLinks",
  "appointmentLinks",
  "webhookReceipts",
  "accessLog",
  "auditTrail",
] as const;
export type Area = (typeof AREAS)[number];

export interface AreaInfo {
  /** schema.table */
  table: string;
  /** What an admin reads: "Calls", "Text messages (inbox)". */
  label: string;
  /** What the erasure does to these rows, said to the admin. */
  erasure: string;
}

export const AREA_INFO: Record<Area, AreaInfo> = {
  patients: {
    table: "public.patients",
    label: "Patient records",
    erasure: 'Kept, renamed "Erased patient"; number, email and notes removed',
  },
  calls: {
    table: "public.calls",
    label: "Calls",
    erasure: "Kept for the clinic's call history without the caller's number or name",
  },
  bookings: {
    table: "public.bookings",
    label: "Appointments",
    erasure:
      'Kept as the clinic\'s record under "Erased patient"; number, notes and cancellation reason removed',
  },
  callEvents: {
    table: "public.call_events",
    label: "Call events (timeline and tool details)",
    erasure: "Deleted",
  },
  transcripts: { table: "public.logs", label: "Transcripts (redacted)", erasure: "Deleted" },
  handoffs: {
    table: "public.handoffs",
    label: "Hand-offs (the follow-up agent's memory)",
    erasure: "Deleted",
  },
  followUps: { table: "public.follow_ups", label: "Follow-up texts", erasure: "Deleted" },
  smsMessages: {
    table: "public.sms_messages",
    label: "Text messages (inbox)",
    erasure: "Deleted",
  },
  optOuts: {
    table: "public.sms_opt_outs",
    label: "Text opt-outs",
    erasure: "The number removed; a keyed hash of it kept, so it is still never texted",
  },
  appointmentTexts: {
    table: "public.appointment_texts",
    label: "Reminders and appointment texts",
    erasure: "Deleted",
  },
  callbackTasks: {
    table: "public.callback_tasks",
    label: "Call-back tasks and messages",
    erasure: "Deleted",
  },
  waitlist: {
    table: "public.waitlist_entries",
    label: "Waitlist",
    erasure: "Kept (they hold no identifier; their appointment is anonymised)",
  },
  aftercareLinks: {
    table: "public.aftercare_links",
    label: "Aftercare links sent",
    erasure: "Deleted (the aftercare PDF is the clinic's leaflet and stays)",
  },
  appointmentLinks: {
    table: "public.appointment_links",
    label: "Manage-appointment links",
    erasure: "Revoked",
  },
  webhookReceipts: {
    table: "public.webhook_events",
    label: "Webhook receipts of their calls",
    erasure: "Deleted",
  },
  accessLog: {
    table: "public.access_log",
    label: "Access log entries about them",
    erasure: "Kept: who opened what, by id only (it names staff, not the patient)",
  },
  auditTrail: {
    table: "public.audit_log",
    label: "Audit trail of their records",
    erasure: "Kept; their names and numbers inside copied free text replaced by [erased]",
  },
};

/**
 * Columns that can hold a patient's identifiers, with how the erasure deals with each
 * ("schema.table.column": what happens). Every one belongs to an area above.
 */
export const PERSONAL_COLUMNS: Record<string, string> = {
  "public.patients.full_name": 'set to "Erased patient"',
  "public.patients.phone": "removed",
  "public.patients.email": "removed",
  "public.patients.notes": "emptied",
  "public.calls.caller_number": "removed",
  "public.calls.caller_name": "removed",
  "public.bookings.patient_name": 'set to "Erased patient"',
  "public.bookings.patient_phone": "removed",
  "public.bookings.notes": "emptied",
  "public.bookings.cancel_reason": "replaced with a fixed sentence",
  "public.call_events.metadata": "row deleted",
  "public.logs.text": "row deleted",
  "public.logs.findings": "row deleted",
  "public.handoffs.caller_number": "row deleted",
  "public.handoffs.caller_name": "row deleted",
  "public.handoffs.summary": "row deleted",
  "public.handoffs.questions": "row deleted",
  "public.follow_ups.to_number": "row deleted",
  "public.sms_messages.to_number": "row deleted",
  "public.sms_messages.from_number": "row deleted",
  "public.sms_messages.body": "row deleted",
  "public.sms_messages.error_message": "row deleted",
  "public.sms_opt_outs.phone_number": "removed (phone_hash kept)",
  "public.appointment_texts.to_number": "row deleted",
  "public.callback_tasks.message": "row deleted",
  "public.callback_tasks.reason": "row deleted",
  "public.webhook_events.response": "row deleted",
  "public.audit_log.changes": "identifiers replaced by [erased]",
};

/**
 * Columns named like identifiers that hold none of a patient's, and why. The catalog test
 * fails on any such column in neither list.
 */
export const NOT_PERSONAL: Record<string, string> = {
  "public.access_log.actor_email": "the staff member's email",
  "public.aftercare_documents.file_name": "the clinic's leaflet",
  "public.aftercare_documents.content_type": "a MIME type",
  "public.aftercare_documents.title": "the clinic's leaflet",
  "public.aftercare_documents.body": "the clinic's leaflet (its text)",
  "public.aftercare_documents.storage_path": "the clinic's leaflet",
  "public.appointment_texts.skip_reason": "our fixed sentences",
  "public.appointment_texts.last_error": "provider error codes and our sentences",
  "public.appointment_types.name": "the clinic's catalogue",
  "public.audit_log.table_name": "a table name",
  "public.calls.transferred_to": "a clinic number (front desk or on-call)",
  "public.calls.transfer_target": "front desk or on-call, a kind",
  "public.calls.ended_reason": "Vapi's reason code",
  "public.clinics.name": "the clinic",
  "public.clinics.phone_number": "the clinic's number",
  "public.clinics.front_desk_number": "the clinic's number",
  "public.clinics.emergency_number": "the local emergency number",
  "public.clinic_members.display_name": "a staff member",
  "public.clinic_closures.reason": "the clinic's closures",
  "public.follow_ups.skip_reason": "our fixed sentences",
  "public.follow_ups.last_error": "provider error codes and our sentences",
  "public.on_call_rota.clinician_name": "a clinician",
  "public.on_call_rota.phone_number": "a clinician's number",
  "public.practitioners.name": "a practitioner",
  "public.privacy_requests.actor_email": "the admin's email",
  "public.privacy_requests.subject_masked": "country code and last four digits only",
  "public.privacy_settings.greeting": "the clinic's wording",
  "public.procedure_knowledge.question": "the clinic's knowledge base",
  "public.procedures.name": "the clinic's catalogue",
  "public.purge_runs.error": "our error sentences, no patient data",
  "public.redaction_rules.value": "the clinic's redaction rules",
  "public.reservations.reason": "staff block reasons (appointments' reservations carry none)",
  "public.resources.name": "a room or device",
  "public.schedule_overrides.reason": "a practitioner's schedule",
  "public.sms_messages.provider_sid": "Twilio's message id",
  "public.turn_latencies.breakdown": "timings",
  "public.webhook_events.message_type": "Vapi's or Twilio's message type",
  "public.webhook_events.dedupe_key": "ids and event names",
  "public.webhook_events.external_call_id": "Vapi's call id",
  "private.sms_status_early.provider_sid": "Twilio's message id",
  "public.appointment_texts.inbound_sid": "Twilio's message id",
  "public.calls.twilio_call_sid": "Twilio's call id",
  "public.practitioners.title": "a practitioner's title",
  "public.sms_messages.keyword": "STOP, START or HELP",
  "public.sms_opt_outs.phone_hash": "a keyed hash, what an erasure keeps so the opt-out holds",
  "private.local_sessions.revoked_reason": "signed_out, removed or banned",
  "private.sign_in_failures.key": "a staff member's email or a client address, never a patient's",
  "public.clinics.vapi_number_error": "our sentences about connecting the clinic's number",
  "public.clinics.vapi_number_fallback": "the clinic's front desk number as Vapi holds it",
  "public.clinics.vapi_phone_number_id": "Vapi's id for the clinic's number",
  "public.opening_hours_dates.reason": "the clinic's special hours",
  "public.staff_invitations.email": "an invited staff member",
};

/** Columns the catalog test treats as possibly holding an identifier, by name. */
export const IDENTIFIER_COLUMN =
  /phone|number|name|email|body|caller|text|message|summary|notes|metadata|questions|response|changes|reason|findings|breakdown|greeting|title|error|key|value|sid/;
