/**
 * What an inbound text asks for: opt out (STOP), opt back in (START), or help (HELP).
 *
 * With Advanced Opt-Out on the clinic's Messaging Service, Twilio has already matched the text
 * against the service's keywords (in any language: "ARRET", "STOPP", ...) and says which kind it
 * was in `OptOutType` (STOP, START or HELP): that decides, whatever the body says. Without it,
 * Twilio's default keyword list applies, matched the way Twilio matches it: the whole trimmed
 * body, any case ("Stop" opts out, "Stop please" does not).
 */
export type OptOutKind = "STOP" | "START" | "HELP";

export const DEFAULT_KEYWORDS: Readonly<Record<OptOutKind, readonly string[]>> = {
  STOP: ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT"],
  START: ["START", "YES", "UNSTOP"],
  HELP: ["HELP", "INFO"],
};

const KINDS = Object.keys(DEFAULT_KEYWORDS) as OptOutKind[];

/** Twilio's OptOutType, if it names a kind we know; anything else is treated as absent. */
function fromOptOutType(optOutType: string | undefined): OptOutKind | null {
  const value = optOutType?.trim().toUpperCase() ?? "";
  return (KINDS as string[]).includes(value) ? (value as OptOutKind) : null;
}

export function optOutKind(body: string, optOutType?: string): OptOutKind | null {
  const decided = fromOptOutType(optOutType);
  if (decided) return decided;
  const word = body.trim();
  // ASCII letters only, so Unicode case folding ("ſtop", dotless "ınfo") cannot make a keyword.
  if (!/^[A-Za-z]+$/.test(word)) return null;
  const upper = word.toUpperCase();
  return KINDS.find((kind) => DEFAULT_KEYWORDS[kind].includes(upper)) ?? null;
}
