import type { TranscriptLine } from "@/types/transcript";

import { answerFindings } from "./answers";
import type { Expectation } from "./context";
import { redactConversation } from "./conversation";
import { detectAddresses } from "./detectors/address";
import { detectAlphanumericIds, detectCodes, detectDigitRuns } from "./detectors/digits";
import { detectDatesOfBirth } from "./detectors/dob";
import { detectEmails } from "./detectors/email";
import { BODY_PART } from "./detectors/everyday";
import { historyDetector, takenFor, TREATMENTS, withHistoryVerb } from "./detectors/history";
import { detectKnownNames } from "./detectors/known-names";
import { compileLexicon } from "./detectors/lexicon";
import { fuzzyMedications } from "./detectors/misheard";
import { AMBIGUOUS_NAMES, couldBeName, STAFF_TITLE } from "./detectors/name-words";
import { detectNames } from "./detectors/names";
import { listedAfter, saidOfOneself } from "./detectors/said-of-someone";
import { detectSymbolSecrets } from "./detectors/secrets";
import { detectSpelledRuns, spelledWord } from "./detectors/spelled";
import { applyFindings, finishFindings, mergeFindings, overlapChecker } from "./findings";
import { credentialsSaid, identifiersSaid, valueAfter } from "./following";
import { MEDICAL_LEXICON, REFERRED_TO_BY_LAST_WORD } from "./lexicon/medical";
import { compilePatterns } from "./rules";
import { announcedAnswers, corrected, securityCodes, spelledOut } from "./said-with";
import { asSaid, tokenize, type Token } from "./tokens";
import type { Finding, RedactionConfig, RedactionResult } from "./types";

export { applyFindings, mergeFindings } from "./findings";

export interface RedactOptions {
  /** What the assistant's previous turn asked for (lib/redaction/conversation.ts). */
  expect?: Expectation[];
  /**
   * Health terms' last words learned earlier in the same call (`learn`): said alone ("the
   * transplant"), they are that term.
   */
  knownTerms?: ReadonlySet<string>;
  /**
   * The turn's working memory: what the first pass (`learn`) found in this turn, which the
   * second (`redact`) of the same turn reuses instead of finding it again.
   */
  memo?: TurnMemo;
}

/** What one turn holds before the call's names are known: its words, terms and names. */
export interface TurnAnalysis {
  tokens: Token[];
  terms: Finding[];
  overlapsTerm: (finding: Finding) => boolean;
  answers: Finding[];
  names: Finding[];
  learned: string[];
  lastWords: string[];
}
export interface TurnMemo {
  /** The text it was found in: a memo handed another text is not used. */
  text?: string;
  analysis?: TurnAnalysis;
}

/** What a first pass over one piece of a call learns, to be removed everywhere in it. */
export interface Learned {
  names: string[];
  /** Last words of health terms named in full ("hair transplant" -> "transplant"). */
  terms: string[];
}

export interface Redactor {
  /**
   * The names a piece of text gives and the health terms it names in full (the first pass over
   * a call), without redacting it.
   */
  learn(text: string, options?: RedactOptions): Learned;
  /**
   * Whether the text ends on one of the clinic's keywords whose value follows ("...my gift
   * voucher code is"): the caller's next words are that value.
   */
  endsOnKeywordValue(text: string): boolean;
  /** Whether the text names one of the clinic's keywords whose value follows ("voucher code"). */
  namesKeywordValue(text: string): boolean;
  /** Whether a word is the clinic's own (a treatment, a member of staff, its name). */
  keeps(word: string): boolean;
  /** Redacts one piece of text. `knownNames` are names learned earlier in the same call. */
  redact(
    text: string,
    knownNames?: Set<string>,
    options?: RedactOptions,
  ): RedactionResult & { names: string[] };
}

/**
 * Builds the redactor for one clinic: built-in detectors (numbers and ids written or spoken,
 * emails, dates of birth, addresses, names), the medical lexicon, and the clinic's own rules.
 * Detection runs on the original and on a normalised shadow whose spans map back to the
 * original; only the redacted text ever leaves this module.
 */
export function createRedactor(config: RedactionConfig = {}): Redactor {
  // The clinic's words, and the common aesthetic treatments and brands ("Morpheus8" is no name).
  const allowed = [...(config.allow ?? []), ...TREATMENTS];
  const allow = new Set(
    allowed
      .flatMap((term) => [
        term.toLowerCase(),
        // A term's own words, but not its grammar: "with" of "microneedling with PRP" is no
        // business word ("Mrs. Batiste with Sunny" is the caller with a practitioner).
        ...tokenize(term.toLowerCase())
          .map((token) => token.lower)
          .filter((word) => !TERM_GRAMMAR.has(word)),
      ])
      .filter(Boolean),
  );
  const allowPhrases = new Set((config.allow ?? []).map((term) => term.trim().toLowerCase()));
  const wholeTerms = new Set(allowed.map((term) => term.trim().toLowerCase()));
  // Allowed terms written as a person's name ("Beau Landry") that are no procedure: staff.
  const procedureNames = new Set(
    (config.procedures ?? []).map((term) => term.trim().toLowerCase()),
  );
  const staffSurnames = new Set(
    (config.allow ?? [])
      .map((term) => term.trim())
      .filter(
        (term) =>
          /^(?:[A-Z][a-z'’-]+ )+[A-Z][a-z'’-]+$/.test(term) &&
          !procedureNames.has(term.toLowerCase()),
      )
      .map((term) => term.split(" ").at(-1)!.toLowerCase()),
  );
  // Treatments named in one word (the clinic's and the common ones): never part of a name ("for
  // the botox gustavo briceno" answers "your name?" after the treatment). Not the words of
  // longer ones: "Laser Genesis" does not make Genesis no name.
  const treatmentWords = new Set(
    [...(config.procedures ?? []), ...TREATMENTS]
      .map((term) => term.trim().toLowerCase())
      .filter((term) => /^[a-z][a-z0-9-]*$/.test(term)),
  );
  // The clinic's terms and the common treatments, as whole terms ("cold plasma" is one, "cold"
  // alone is not).
  const clinicTerms = compileLexicon([...allowed], "MEDICAL");
  const isClinicWord = (phrase: string) => clinicTerms(phrase).length > 0;
  const history = historyDetector(config.procedures ?? []);
  const rules = config.rules ?? [];
  const medical = compileLexicon(Object.values(MEDICAL_LEXICON).flat(), "MEDICAL", allow);
  const valueKeywords = compileLexicon(
    rules
      .filter((rule) => rule.kind === "keyword" && rule.redactFollowing)
      .map((rule) => rule.value),
    "CUSTOM",
  );
  const keywords = rules
    .filter((rule) => rule.kind === "keyword")
    .map((rule) => {
      const match = compileLexicon([rule.value], rule.category);
      return (text: string, tokens: Token[]): Finding[] =>
        match(text, tokens).flatMap((found) =>
          rule.redactFollowing
            ? [found, ...valueAfter(text, tokens, found.end, rule.category)]
            : [found],
        );
    });
  const patterns = compilePatterns(rules);
  // "p c o s", "a d h d", "h r t": a condition's initials spelled out, not a name.
  // "i had a t i a": the article said before the letters.
  const spelledMedical = (text: string, finding: Finding) => {
    const word = spelledWord(text.slice(finding.start, finding.end));
    const isCondition = (letters: string) =>
      SPELLED_CONDITIONS.has(letters) || medical(letters).length > 0;
    return (
      word !== null &&
      (isCondition(word) || (/^a[a-z]{2,}$/.test(word) && isCondition(word.slice(1))))
    );
  };

  // Misheard medication names, memoised per word: a call repeats its words.
  const fuzzySeen = new Map<string, boolean>();

  /** The clinic's terms, and the names (guessed and answered) that are not one of them. */
  const namesIn = (
    text: string,
    tokens: Token[],
    options: RedactOptions,
  ): Omit<TurnAnalysis, "tokens"> => {
    // Terms the clinic or the lexicon name explicitly outrank a guess that a word is a name.
    const keywordFindings = keywords.flatMap((match) => match(text, tokens));
    const known = medical(text, tokens);
    const misheard = fuzzyMedications(text, tokens, allow, fuzzySeen, wholeTerms);
    const medicines = [...known, ...misheard];
    // A word only heard like a medicine ("Renata" ~ Repatha) is removed but does not outrank
    // a name found over it.
    const heardLike = new Set(misheard.map((finding) => withHistoryVerb(text, finding)));
    // A clinic's own keyword rule names what it matches (and its value) first.
    const byKeyword = overlapChecker(keywordFindings);
    const terms = [
      ...known.map((finding) => withHistoryVerb(text, finding)),
      ...heardLike,
      ...medicines.flatMap((finding) => takenFor(text, finding, allow)),
      ...history(text, tokens, options.expect?.includes("HAD_BEFORE")),
      ...saidOfOneself(text, isClinicWord).filter((finding) => !byKeyword(finding)),
      ...keywordFindings,
      ...[...credentialsSaid(text, tokens), ...identifiersSaid(text, tokens)].filter(
        (finding) => !byKeyword(finding),
      ),
    ];
    // "...and then the sleeve in 2017": the next item of a list of health matters.
    terms.push(...listedAfter(text, terms, isClinicWord));
    const overlapsTerm = overlapChecker(terms.filter((finding) => !heardLike.has(finding)));
    const overlapsHeard = overlapChecker([...heardLike]);
    // An answer to "your name?" is a name even if a member of staff has it too.
    const isNameWord = (token: Token, previous: Token | undefined) =>
      !(previous && STAFF_TITLE.test(previous.text) && allow.has(token.lower)) &&
      !treatmentWords.has(token.lower) &&
      (couldBeName(token) || AMBIGUOUS_NAMES.has(token.lower));
    // In a health answer a part of the body is business only inside one of the clinic's terms
    // ("lip filler"): "filler put in my top lip" is where it was had.
    const insideTerm = options.expect?.includes("MEDICAL")
      ? overlapChecker(clinicTerms(text, tokens))
      : () => false;
    const isBusiness = (token: Token) =>
      allow.has(token.lower) &&
      (!BODY_PART.test(token.lower) ||
        insideTerm({ type: "MEDICAL", start: token.start, end: token.end }));
    const answers = [
      ...answerFindings(tokens, options.expect ?? [], isNameWord, isBusiness),
      ...announcedAnswers(text, tokens, isNameWord),
    ];
    const names = [
      ...detectNames(text, tokens, allow, allowPhrases, staffSurnames).filter(
        (finding) => !overlapsTerm(finding) && !(finding.guessed && overlapsHeard(finding)),
      ),
      ...answers.filter((finding) => finding.type === "NAME"),
    ].map((finding) =>
      spelledMedical(text, finding) ? { ...finding, type: "MEDICAL" as const } : finding,
    );
    const learned = names
      .filter((finding) => finding.type === "NAME")
      .map((finding) => text.slice(finding.start, finding.end))
      // A name spelled out is learned as the word it spells ("k o w a l c z y k").
      .flatMap((name) => {
        const word = spelledWord(name);
        return [...name.split(/\s+/), word && !allow.has(word) ? word : ""];
      })
      // A staff member's name is learned too when a caller introduced themselves by it;
      // detectKnownNames keeps it where staff are named ("Nurse Grace").
      .filter((part) => part.length >= 2 && !/^[A-Za-z]([\s.-][A-Za-z])+$/.test(part));
    // "my hair transplant": its last word alone names it later in the call.
    const lastWords = [...terms, ...answers].flatMap((finding) => {
      if (finding.type !== "MEDICAL") return [];
      const words =
        text
          .slice(finding.start, finding.end)
          .toLowerCase()
          .match(/[\p{L}'’-]+/gu) ?? [];
      const last = words.at(-1) ?? "";
      return words.length > 1 && REFERRED_TO_BY_LAST_WORD.has(last) ? [last] : [];
    });
    return { terms, overlapsTerm, answers, names, learned, lastWords };
  };

  /**
   * A turn's words, terms and names, found once for both passes (`options.memo`): they depend on
   * the turn's text and the question before it only.
   */
  const analyse = (text: string, options: RedactOptions): TurnAnalysis => {
    const memo = options.memo;
    if (memo?.analysis && memo.text === text) return memo.analysis;
    const tokens = tokenize(text);
    const analysis = { tokens, ...namesIn(text, tokens, options) };
    if (memo) Object.assign(memo, { text, analysis });
    return analysis;
  };

  /** "the transplant", said after "my hair transplant": a learned term's last word alone. */
  const referredTo = (tokens: Token[], known: ReadonlySet<string> | undefined): Finding[] =>
    known?.size
      ? tokens
          .filter(
            (token) =>
              (known.has(token.lower) || known.has(token.lower.replace(/s$/, ""))) &&
              !allow.has(token.lower),
          )
          .map((token) => ({ type: "MEDICAL" as const, start: token.start, end: token.end }))
      : [];

  return {
    namesKeywordValue: (text) => valueKeywords(text).length > 0,
    keeps: (word) => allow.has(word.toLowerCase()),
    endsOnKeywordValue(text) {
      const last = valueKeywords(text).at(-1);
      return last !== undefined && VALUE_TO_COME.test(text.slice(last.end));
    },
    learn(said, options = {}) {
      const { learned, lastWords } = analyse(asSaid(said), options);
      return { names: learned, terms: lastWords };
    },
    redact(said, knownNames = new Set(), options = {}) {
      // Detection reads the text with its dialect words as said (same offsets); the original
      // is what is redacted.
      const text = asSaid(said);
      const { tokens, terms, overlapsTerm, answers, names, learned } = analyse(text, options);
      const detected = [
        ...detectDigitRuns(text, tokens),
        ...detectAlphanumericIds(text, tokens),
        ...detectCodes(text),
        // A keyword rule that takes the value after it names that value first.
        ...detectSymbolSecrets(text).filter((finding) => !overlapsTerm(finding)),
        ...detectEmails(text, tokens),
        ...detectDatesOfBirth(text, tokens),
        ...detectAddresses(text),
        ...names,
        ...detectKnownNames(text, knownNames, allow, tokens).filter(
          (finding) => !overlapsTerm(finding),
        ),
        ...terms,
        ...referredTo(tokens, options.knownTerms),
        ...patterns(text),
        ...answers,
      ];
      const spelled = detectSpelledRuns(tokens, detected).map((finding) =>
        spelledMedical(text, finding) ? { ...finding, type: "MEDICAL" as const } : finding,
      );
      detected.push(...corrected(text, tokens, mergeFindings(detected)));
      detected.push(...securityCodes(text, detected));
      const findings = finishFindings(
        text,
        mergeFindings([
          ...detected,
          ...spelled,
          ...spelledOut(text, tokens, [...names, ...spelled], allow),
        ]),
      );
      return { text: applyFindings(said, findings), findings, names: learned };
    },
  };
}

// Conditions known by initials that the lexicon leaves out as words ("ms", "tia": names and
// words too), taken only when spelled letter by letter ("a t i a", "the m s").
const SPELLED_CONDITIONS = new Set([
  "tia",
  "ms",
  "ra",
  "pe",
  "uti",
  "dvt",
  "ckd",
  "mi",
  "cf",
  "sle",
]);

// The little words inside a clinic's multi-word terms ("microneedling with PRP", "Skin by the
// Sea", "Facial for men"), never business words alone.
const TERM_GRAMMAR = new Set(
  "a an and & or of the to in on at by for from with without my your our de del la le los las y et".split(
    " ",
  ),
);

// Nothing after a keyword but what introduces its value: "is", "it's", ":", a filler.
const VALUE_TO_COME = /^(?:['’]s)?\W*(?:(?:is|it's|its|it is|um|uh|er|erm|like|so)\W*)*$/i;

/**
 * Redacts a whole call with its context (lib/redaction/conversation.ts): the assistant's
 * questions set what the caller's answers contain, numbers split over pauses are joined, and
 * a name given late ("...it's Jane, by the way") is also removed from earlier lines.
 */
export function redactTranscript(redactor: Redactor, lines: TranscriptLine[]) {
  const redacted = redactConversation(
    redactor,
    lines.map((line) => ({
      role: line.speaker === "assistant" ? ("assistant" as const) : ("caller" as const),
      text: line.text,
    })),
  );
  return lines.map((line, index) => ({
    speaker: line.speaker,
    at: line.at,
    text: redacted[index]!.text,
    findings: redacted[index]!.findings,
  }));
}
