import "server-only";

import type { Claims } from "@/lib/auth/claims";
import { listRedactionRules, saveRedactionRule, setRedactionRuleEnabled } from "@/lib/db/catalog";
import { loadRedactionConfig } from "@/lib/db/redaction";
import { asSignedIn, withClaims } from "@/lib/db/transaction";

import { createRedactor } from "./redact";
import type { Finding } from "./types";

// A clinic's own rules, as the signed-in person: RLS lets only the clinic's admins change them,
// and the audit trigger records who did.

export const listRules = asSignedIn(listRedactionRules);
export const saveRule = asSignedIn(saveRedactionRule);
export const setRuleEnabled = asSignedIn(setRedactionRuleEnabled);

/** The clinic's real redactor (built-in detectors, lexicon, its rules) on `text`. Nothing is stored or logged. */
export async function redactWithClinicRules(
  claims: Claims,
  clinicId: string,
  text: string,
): Promise<{ text: string; findings: Finding[] }> {
  const config = await withClaims(claims, (tx) => loadRedactionConfig(tx, clinicId));
  const { text: redacted, findings } = createRedactor(config).redact(text);
  return { text: redacted, findings };
}
