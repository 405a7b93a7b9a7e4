// A clinic's privacy settings (issue 16): see lib/privacy/settings.ts for defaults and limits,
// and supabase/migrations/20261201000800_privacy.sql for the columns.

export const RETENTION_KINDS = [
  "transcriptDays",
  "callEventDays",
  "handoffDays",
  "smsDays",
  "webhookDays",
] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];
export type RetentionDays = Record<RetentionKind, number>;

export interface PrivacySettings {
  /** compliancePlan.hipaaEnabled on the clinic's assistant. */
  hipaaEnabled: boolean;
  /** artifactPlan.recordingEnabled: Vapi records the call only when true. */
  recordingEnabled: boolean;
  /** The clinic's own wording of the first message ({clinic} for its name); null for the standard one. */
  greeting: string | null;
  retention: RetentionDays;
}
