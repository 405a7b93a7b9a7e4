import {
  expectationsFrom,
  givingCues,
  saysSecretAtEnd,
  trailingCues,
  type Expectation,
} from "./context";
import { isTownAndCode } from "./detectors/address";
import { isSpelledToken } from "./detectors/spelled";
import { applyFindings, finishFindings, mergeFindings, overlapChecker } from "./findings";
import { digitRuns } from "./numbers";
import { answeredHealth, readBack } from "./read-back";
import type { Redactor, TurnMemo } from "./redact";
import { FILLERS, tokenize, type Token } from "./tokens";
import type { Finding } from "./types";

export type Role = "assistant" | "caller";

export interface Turn {
  role: Role;
  text: string;
}

export interface RedactedTurn {
  role: Role;
  text: string;
  findings: Finding[];
}

/** Short assistant turns that only keep the caller going ("mm-hm", "go on", "okay, and?"). */
const BACKCHANNEL =
  /^\W*(?:(?:mm+[- ]?hm+|uh[- ]?huh|yes|yeah|yep|okay|ok|right|sure|go on|go ahead|of course|no problem|certainly|absolutely|sure thing|fire away|ready when you are|whenever you're ready|i'm ready|and|got it|lovely|great|thanks|thank you|perfect|carry on|that's fine|i'm listening)\W*){1,4}$/i;

/**
 * Assistant turns that ask the caller to go on with what they were saying ("and the rest of the
 * number?", "and then?"): like a backchannel, they do not end a number or a spelling in progress.
 */
const CONTINUE_PROMPT =
  /^\W*(?:(?:sorry|okay|ok|yes|right|thanks|thank you|got it|and|so)\W+)*(?:(?:the )?(?:rest|remainder|end|last (?:part|bit|few digits?)) of (?:the|that|your|it)(?: number| code| postcode| zip code| reference)?|the rest|and then|what comes next|what's next|keep going|continue)\W*$/i;
const continues = (text: string) => BACKCHANNEL.test(text) || CONTINUE_PROMPT.test(text);

/** Digits that may continue into the next caller turn: at least 7 together make an identifier. */
const JOINED_MIN_DIGITS = 7;

/**
 * Redacts a whole call with its context, as it was said:
 * - the assistant's previous turn sets what the caller's next turn is expected to contain ("and
 *   your date of birth?" -> a date, "can you spell that?" -> letters), so an answer given bare
 *   is removed even where the detectors alone would not know what it is;
 * - numbers said across pauses ("oh seven seven double oh" ... "nine hundred" ... "one two
 *   three") are joined across consecutive caller turns before deciding what they are;
 * - a name found anywhere in the call (or known beforehand, `knownNames`) is removed from every
 *   turn (two passes), and so is a health term's last word said alone after the term in full
 *   ("my hair transplant" ... "the transplant").
 * Linear in the call: each turn is read twice, and what the first read found that does not
 * depend on the rest of the call is kept for the second (`memos`).
 */
export function redactConversation(
  redactor: Redactor,
  turns: Turn[],
  knownNames: Iterable<string> = [],
): RedactedTurn[] {
  const expectations = expectedPerTurn(turns, redactor);
  const names = new Set<string>(knownNames);
  const knownTerms = new Set<string>();
  // What the first pass finds in a turn that the second would find again.
  const memos: TurnMemo[] = turns.map(() => ({}));
  for (const [index, turn] of turns.entries()) {
    const learned = redactor.learn(turn.text, { expect: expectations[index], memo: memos[index] });
    for (const name of learned.names) names.add(name.toLowerCase());
    for (const term of learned.terms) knownTerms.add(term);
  }
  const joined = joinedNumbers(turns);
  const found = turns.map((turn, index) =>
    mergeFindings([
      ...redactor.redact(turn.text, names, {
        expect: expectations[index],
        knownTerms,
        memo: memos[index],
      }).findings,
      ...(joined.get(index) ?? []),
    ]),
  );
  continuedSpellings(turns, found);
  continuedAddresses(turns, found);
  notedHealth(turns, found, expectations, redactor);
  return turns.map((turn, index) => {
    const findings = finishFindings(turn.text, found[index]!);
    return { role: turn.role, text: applyFindings(turn.text, findings), findings };
  });
}

/**
 * What the assistant says it noted right after a caller's health answer ("I've noted the
 * alendronate and the rest"): the caller's history read back (read-back.ts). Updates `found`
 * in place; never over another finding.
 */
function notedHealth(
  turns: Turn[],
  found: Finding[][],
  expectations: Expectation[][],
  redactor: Redactor,
) {
  let answered = false;
  for (const [index, turn] of turns.entries()) {
    if (turn.role === "caller") {
      answered = answeredHealth(expectations[index]!, found[index]!);
      continue;
    }
    if (!answered) continue;
    answered = false;
    const overlaps = overlapChecker(found[index]!.filter((finding) => finding.type !== "MEDICAL"));
    const noted = readBack(turn.text, redactor.keeps).filter((finding) => !overlaps(finding));
    if (noted.length) found[index] = mergeFindings([...found[index]!, ...noted]);
  }
}

// What leads into the rest of something spelled ("and then", "the rest is").
const CONTINUE_LEAD = new Set(
  "and then so it's its is the rest last bit part next yeah yes okay ok right after that".split(
    " ",
  ),
);

// What a caller says straight after the rest of something spelled: an aside or a check.
const ASIDE =
  /^(?:sorry|hang|hold|wait|oops|that's|thats|that|is|did|got|okay|ok|my|and|yeah|right)$/;
const SPELLED_TYPES = new Set(["ID", "PHONE", "CARD", "ADDRESS", "NAME", "EMAIL", "CUSTOM"]);

/**
 * Something spelled out continued over pauses: a caller turn that ends in an identifier being
 * spelled ("my number is three h w eight") and the caller turns after it (with at most a
 * backchannel or "and the rest?" between) that are nothing but letters and digits ("e k four",
 * "t p six two") are one identifier: those turns are removed whole, or their opening letters
 * and digits when an aside follows ("two eight four sorry my kid is yelling"). Updates `found`
 * in place.
 */
function continuedSpellings(turns: Turn[], found: Finding[][]) {
  let open: Finding["type"] | null = null;
  for (const [index, turn] of turns.entries()) {
    if (turn.role === "assistant") {
      if (!continues(turn.text)) open = null;
      continue;
    }
    const tokens = tokenize(turn.text);
    const said = tokens.filter((token) => /\w/.test(token.text) && !FILLERS.has(token.lower));
    // "and then four four b", "the rest is x nine": what leads into the rest is not part of it.
    const leadIn = open ? said.findIndex((token) => !CONTINUE_LEAD.has(token.lower)) : 0;
    const words: Token[] = leadIn > 0 && leadIn < said.length ? said.slice(leadIn) : said;
    if (open && words.length > 0 && words.length <= 12 && words.every(isSpelledToken)) {
      found[index] = mergeFindings([
        ...found[index]!,
        { type: open, start: words[0]!.start, end: words.at(-1)!.end },
      ]);
      continue;
    }
    // "two eight four sorry my kid is yelling", "r two nine he wrote it so small": the rest,
    // then an aside (any, once the rest has a number and a letter in it).
    const run = words.findIndex((word) => !isSpelledToken(word));
    const mixed =
      words.slice(0, run).some((word) => /^[a-z]$/i.test(word.text)) &&
      words.slice(0, run).some((word) => word.lower !== "a" && !/^[a-z]$/i.test(word.text));
    if (open && run >= 2 && run <= 12 && (ASIDE.test(words[run]!.lower) || mixed)) {
      found[index] = mergeFindings([
        ...found[index]!,
        { type: open, start: words[0]!.start, end: words[run - 1]!.end },
      ]);
      open = null;
      continue;
    }
    // Does this turn end inside something spelled or identified (at most a filler after it)?
    const last = words.at(-1);
    const ending = last
      ? found[index]!.find(
          (finding) =>
            SPELLED_TYPES.has(finding.type) && finding.end >= last.end && finding.start < last.end,
        )
      : undefined;
    open = ending && isSpelledToken(last!) ? ending.type : null;
  }
}

const ABOUT_AN_ADDRESS =
  /\b(?:address|live|lives|living|street|road|avenue|lane|drive|apartment|flat|unit)\b/i;

/**
 * An address said over a pause: a caller turn that ends in an address (or in its numbers) and
 * the next caller turn that is only a town with a zip or a postcode. Updates `found` in place.
 */
function continuedAddresses(turns: Turn[], found: Finding[][]) {
  for (let index = 1; index < turns.length; index++) {
    const before = turns[index - 1]!;
    const turn = turns[index]!;
    if (before.role !== "caller" || turn.role !== "caller" || !isTownAndCode(turn.text)) continue;
    const tail = before.text.replace(/[\s.,!?]+$/, "");
    const ends = found[index - 1]!.some(
      (finding) => /^(?:ADDRESS|PHONE|ID)$/.test(finding.type) && finding.end >= tail.length,
    );
    if (!ends || !ABOUT_AN_ADDRESS.test(before.text)) continue;
    const start = turn.text.search(/\w/);
    const end = turn.text.replace(/\W+$/, "").length;
    found[index] = mergeFindings([
      ...found[index]!.filter((finding) => finding.end <= start || finding.start >= end),
      { type: "ADDRESS", start, end },
    ]);
  }
}

/**
 * What each caller turn is expected to contain: set by the assistant's turn before it, and
 * kept over consecutive caller turns and the assistant's backchannels in between (the caller
 * is still answering).
 */
function expectedPerTurn(turns: Turn[], redactor: Redactor): Expectation[][] {
  const result: Expectation[][] = [];
  let current: Expectation[] = [];
  for (const turn of turns) {
    if (turn.role === "assistant") {
      result.push([]);
      // "Sorry, I only caught part of that. And the rest?": still the same answer.
      if (!BACKCHANNEL.test(turn.text)) {
        const asked = expectationsFrom(turn.text, redactor.namesKeywordValue);
        current = continues(lastSentenceOf(turn.text) ?? "")
          ? [...new Set([...current, ...asked])]
          : asked;
      }
      continue;
    }
    result.push(current);
    // A caller who ends on what they are about to say ("...it asks for my portal password")
    // sets what their next turns contain.
    const lastSentence = lastSentenceOf(turn.text);
    const announced = lastSentence
      ? [...new Set([...trailingCues(lastSentence), ...givingCues(lastSentence)])]
      : [];
    if (announced.length) current = announced;
    else if (
      lastSentence &&
      (saysSecretAtEnd(lastSentence) || redactor.endsOnKeywordValue(lastSentence))
    )
      // "...my gift voucher code is" (a clinic's keyword whose value follows): said next.
      current = ["SECRET_REST"];
  }
  return result;
}

const lastSentenceOf = (text: string) =>
  text
    .split(/(?<=[.?!])\s+/)
    .filter((part) => part.trim())
    .at(-1);

/**
 * Digit runs continued across pauses: a caller turn that ends with a number and the next
 * caller turn (with at most a backchannel between) that starts with one are one number. When
 * the pieces together are long enough to be an identifier, every piece is removed.
 */
function joinedNumbers(turns: Turn[]): Map<number, Finding[]> {
  type Piece = { index: number; start: number; end: number; digits: number };
  const extra = new Map<number, Finding[]>();
  let chain: Piece[] = [];
  const flush = () => {
    const digits = chain.reduce((sum, piece) => sum + piece.digits, 0);
    if (chain.length > 1 && digits >= JOINED_MIN_DIGITS)
      for (const piece of chain)
        extra.set(piece.index, [
          ...(extra.get(piece.index) ?? []),
          { type: "PHONE", start: piece.start, end: piece.end },
        ]);
    chain = [];
  };
  for (const [index, turn] of turns.entries()) {
    if (turn.role === "assistant") {
      if (!continues(turn.text)) flush();
      continue;
    }
    const tokens = tokenize(turn.text);
    const words = tokens.filter((token) => /\w/.test(token.text));
    const runs = digitRuns(tokens).filter((run) => !run.quantity);
    // "oh oh oh oh" said alone while a number is going on: zeros, not an exclamation.
    if (chain.length && words.length > 0 && words.every((word) => /^(?:oh|o)$/i.test(word.text)))
      runs.push({
        digits: "0".repeat(words.length),
        quantity: false,
        start: words[0]!.start,
        end: words.at(-1)!.end,
        first: tokens.indexOf(words[0]!),
        last: tokens.indexOf(words.at(-1)!),
        raw: "",
      });
    // An area code written in brackets is removed with its brackets: "(201)".
    const bracketed = (run: (typeof runs)[number]) =>
      turn.text[run.start - 1] === "(" && turn.text[run.end] === ")";
    const piece = (run: (typeof runs)[number]): Piece => ({
      index,
      start: bracketed(run) ? run.start - 1 : run.start,
      end: bracketed(run) ? run.end + 1 : run.end,
      digits: run.digits.length,
    });
    // A run that opens the turn (after at most two words: "um", "and then") or closes it.
    const firstRun = runs[0];
    const lastRun = runs.at(-1);
    const lead =
      firstRun && words.filter((word) => word.end <= firstRun.start).length <= 2
        ? piece(firstRun)
        : null;
    const tail =
      lastRun && words.filter((word) => word.start >= lastRun.end).length <= 2
        ? firstRun === lastRun && lead
          ? lead
          : piece(lastRun)
        : null;
    if (chain.length) {
      if (lead) {
        chain.push(lead);
        if (lead !== tail) flush();
      } else flush();
    }
    if (!tail) flush();
    else if (chain.at(-1) !== tail) {
      flush();
      chain = [tail];
    }
  }
  flush();
  return extra;
}

const SPEAKER =
  /^\s*(voxanne|assistant|agent|receptionist|bot|ai|caller|patient|customer|user)\s*:\s*(.*)$/i;

/**
 * A pasted transcript read as a conversation when its lines say who spoke ("Voxanne: ...",
 * "Caller: ..."; a line without a speaker continues the one before). Null when no line names
 * a speaker: the text is then redacted as one piece.
 */
export function parseConversation(text: string): Turn[] | null {
  const turns: Turn[] = [];
  let named = false;
  for (const line of text.split(/\r?\n/)) {
    const match = SPEAKER.exec(line);
    if (match) {
      named = true;
      const role: Role = /^(?:caller|patient|customer|user)$/i.test(match[1]!)
        ? "caller"
        : "assistant";
      turns.push({ role, text: match[2]! });
    } else if (line.trim()) {
      const last = turns.at(-1);
      if (last) last.text = `${last.text} ${line.trim()}`;
      else turns.push({ role: "caller", text: line.trim() });
    }
  }
  return named ? turns : null;
}
