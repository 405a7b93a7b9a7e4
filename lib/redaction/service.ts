import "server-only";

import type { Claims } from "@/lib/auth/claims";
import { listRedactionRules, saveRedactionRule, setRedactionRuleEnabled } from "@/lib/db/catalog";
import { loadRedactionConfig } from "@/lib/db/redaction";
import { asSignedIn, withClaims } from "@/lib/db/transaction";

import { parseConversation, redactConversation } from "./conversation";
import { createRedactor } from "./redact";
import type { Finding } from "./types";

// A clinic's own rules, as the signed-in person: RLS lets only the clinic's admins change them,
// and the audit trigger records who did.

export const listRules = asSignedIn(listRedactionRules);
export const saveRule = asSignedIn(saveRedactionRule);
export const setRuleEnabled = asSignedIn(setRedactionRuleEnabled);

/**
 * The clinic's real redactor (built-in detectors, lexicon, its rules) on `text`. Nothing is
 * stored or logged. A pasted conversation ("Voxanne: ..." / "Caller: ..." lines) is redacted
 * as a whole call, exactly as a stored transcript is; anything else as one piece of text.
 */
export async function redactWithClinicRules(
  claims: Claims,
  clinicId: string,
  text: string,
): Promise<{
  text: string;
  findings: Finding[];
  turns?: { role: "assistant" | "caller"; text: string }[];
}> {
  const config = await withClaims(claims, (tx) => loadRedactionConfig(tx, clinicId));
  const redactor = createRedactor(config);
  const conversation = parseConversation(text);
  if (conversation) {
    const turns = redactConversation(redactor, conversation);
    return {
      text: turns.map((turn) => turn.text).join("\n"),
      findings: turns.flatMap((turn) => turn.findings),
      turns: turns.map(({ role, text: redacted }) => ({ role, text: redacted })),
    };
  }
  const { text: redacted, findings } = redactor.redact(text);
  return { text: redacted, findings };
}
