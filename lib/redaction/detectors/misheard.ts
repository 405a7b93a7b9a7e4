import { MEDICAL_LEXICON } from "../lexicon/medical";
import { NUMBER_WORDS } from "../numbers";
import type { Token } from "../tokens";
import type { Finding } from "../types";

/**
 * Medication names as speech-to-text heard them: spelled loosely ("sertraleen"), by their sound
 * ("accutain"), over two to five words ("levo thigh rox een"), or built like a generic drug or
 * a diagnosis the lexicon lacks ("-prazole", "-itis"). Split from ./history.ts, which decides
 * whether a treatment was had; this only says whether a word is a medicine's name.
 */

// Never half of a misheard drug name ("for calling" is not one).
const FUNCTION_WORDS = new Set(
  "the and for you are was had has her his its our out off not but can get got how who why now new see say all any one too two way day".split(
    " ",
  ),
);

/**
 * How a name is spelled, loosely: "ph" and "f", a leading "x" and "z", a final "y", "ee" or
 * "ie", doubled letters ("zanax", "wegovee", "monjarro" are Xanax, Wegovy, Mounjaro). Names
 * within an edit or two of a medicine's are taken on this key.
 */
const spellingKey = (word: string) =>
  word
    .replace(/ph/g, "f")
    .replace(/^x/, "z")
    .replace(/(?:ee|ie|ey|y)$/, "i")
    .replace(/([a-z])\1+/g, "$1");

/**
 * How a name sounds: "igh", "ee", "ie", "ea" and "y" all sound "i"; "ai", "ay" and "ei" sound
 * "a"; "th" is "t", a hard "c" "k" and a soft one "s", a soft "g" "j"; an "h" after "a", "e" or "o" is
 * silent ("oh", "eh"); a final silent "e" goes ("accutain", "levo thigh rox een", "pro pran oh
 * lol" are Accutane, levothyroxine and propranolol). Looser than the spelling, so only an
 * exact match counts ("mobile" is one edit from Mobic's sound, not its sound).
 */
const soundKey = (word: string) =>
  word
    .replace(/ph/g, "f")
    .replace(/^x/, "z")
    .replace(/x/g, "ks")
    .replace(/igh/g, "i")
    .replace(/([aeo])h(?![aeiou])/g, "$1")
    .replace(/ck/g, "k")
    .replace(/qu/g, "kw")
    .replace(/c(?=[eiy])/g, "s")
    .replace(/c/g, "k")
    .replace(/g(?=[eiy])/g, "j")
    .replace(/th/g, "t")
    .replace(/wh/g, "w")
    .replace(/ee|ea|ie|ey/g, "i")
    .replace(/ai|ay|ei/g, "a")
    .replace(/oo/g, "u")
    .replace(/y/g, "i")
    .replace(/ow(?![aeiou])/g, "o")
    .replace(/z/g, "s")
    .replace(/d/g, "t")
    .replace(/([a-z]{4,})e$/, "$1")
    .replace(/([a-z])\1+/g, "$1");

const MEDICATIONS = [
  ...new Set(
    [...MEDICAL_LEXICON.medication]
      .map((term) => term.toLowerCase())
      .filter((term) => /^[a-z]{5,}$/.test(term)),
  ),
];
const SOUNDS = new Set(MEDICATIONS.map(soundKey));
// The first four sounds of every medicine of eight letters or more: several words are only
// joined and keyed when theirs begin like one (keying every window cost a third of the time).
// A long medicine's sound with its vowels blurred: over three or more words speech-to-text
// often hears an unstressed vowel wrong ("tam ox a fen", "al buter all").
const blurred = (sound: string) => sound.replace(/[aeiou]+/g, "*");
const LONG_BLURRED = new Set(
  MEDICATIONS.filter((drug) => drug.length >= 8).map((drug) => blurred(soundKey(drug))),
);
const LONG_STARTS = new Set(
  MEDICATIONS.filter((drug) => drug.length >= 8).map((drug) => soundKey(drug).slice(0, 4)),
);
// And of the six- and seven-letter ones, heard in pieces only when exactly so ("oh tez la").
const SHORT_STARTS = new Set(
  MEDICATIONS.filter((drug) => drug.length >= 6 && drug.length < 8).map((drug) =>
    soundKey(drug).slice(0, 4),
  ),
);
const startsLike = (sound: string) =>
  LONG_STARTS.has(sound.slice(0, 4)) || SHORT_STARTS.has(sound.slice(0, 4));
// Each word's sound, kept: a call says the same words again and again.
const wordSounds = new Map<string, string>();
function wordSound(word: string): string {
  let key = wordSounds.get(word);
  if (key === undefined) {
    key = soundKey(word);
    if (wordSounds.size < 50_000) wordSounds.set(word, key);
  }
  return key;
}
const BY_LENGTH = new Map<number, string[]>();
for (const drug of new Set(MEDICATIONS.map(spellingKey)))
  BY_LENGTH.set(drug.length, [...(BY_LENGTH.get(drug.length) ?? []), drug]);

/**
 * Words built like a medicine's generic name, from the stems the naming bodies (INN, USAN)
 * give each class: "-prazole", "-statin", "-olol", "-pril", "-sartan", "-oxetine", "-glutide",
 * "-cycline", "-mab"... No English word of seven letters or more ends so, so a drug the
 * lexicon has never heard of is still one ("rabeprazole", "nebivolol", "vortioxetine").
 */
const DRUG_SHAPED =
  /^[a-z]{3,}(?:prazole|conazole|dazole|statin|olol|alol|pril|sartan|dipine|oxetine|oxamine|aline|triptyline|ipramine|pramine|azepam|azolam|zepam|zolam|zodone|azodone|apine|idone|peridol|thiazine|perazine|promazine|hydroxyzine|afil|ifil|gliflozin|gliptin|glutide|glinide|patide|formin|cycline|mycin|micin|cillin|floxacin|oxacin|vir|virine|vudine|tinib|ciclib|parib|mab|kinra|semide|thiazide|zolamide|tidine|setron|triptan|lukast|terol|tropium|sonide|olone|isone|asone|methasone|nisone|cort|dronate|parin|xaban|gatran|idogrel|sugrel|gestrel|estrel|estradiol|sterone|thyroxin|thyroxine|amine|tamine|phetamine|feine|codone|morphone|orphan|adol|profen|oxicam|fenac|coxib|caine|zoline|ergoline|lamide|racetam|tiapine|barbital|vastatin|trexate|oxifen|strozole|lutamide|fungin|nazole|lizumab|tocin|pressin|relin|relix|tropin)$/;

// English words of the same shape.
const NOT_DRUGS = new Set(
  "reexamine alkaline tourmaline jessamine caffeine provolone vitamine triumvir quadrumvir decemvir septemvir duumvir centumvir".split(
    " ",
  ),
);
/**
 * Words built like a diagnosis or an operation: "-itis", "-osis", "-aemia", "-oma", "-pathy",
 * "-algia", "-ectomy", "-ostomy", "-plegia", "-rrhoea" (dermatitis, endometriosis, anaemia,
 * melanoma, neuropathy, fibromyalgia, hysterectomy, colostomy), a condition the lexicon lacks.
 */
const CONDITION_SHAPED =
  /^[a-z]{3,}(?:itis|osis|iasis|aemia|emia|oma|omas|pathy|algia|ectomy|ectomies|otomy|ostomy|philia|phobia|plegia|paresis|dystrophy|trophy|rrhea|rrhoea|uria|cele)$/;
const NOT_CONDITIONS = new Set(
  (
    "diagnosis prognosis hypnosis apotheosis metamorphosis symbiosis osmosis apoptosis anadiplosis " +
    "academia bohemia diploma diplomas aroma aromas chromas sympathy antipathy telepathy unsympathy " +
    "empathy homeopathy homoeopathy osteopathy naturopathy allopathy naprapathy nostalgia dichotomy " +
    "anglophobia francophobia europhobia homophobia xenophobia islamophobia technophobia computerphobia " +
    "wapitis transphobia neophilia mitosis cyberphobia anglophilia francophilia europhilia biophilia topophilia decuria prototrophy autotrophy heterotrophy"
  ).split(" "),
);
const drugShaped = (word: string) =>
  (DRUG_SHAPED.test(word) && !NOT_DRUGS.has(word)) ||
  (CONDITION_SHAPED.test(word) && !NOT_CONDITIONS.has(word));

// English words within an edit or a sound of a medicine's name ("station" ~ statin, "program"
// ~ Prograf, "ability" ~ Abilify, "lyrics" ~ Lyrica, "concert" ~ Concerta, "medicines" ~
// Medikinet), found by running the matcher over an English word list (Debian's wamerican and
// wbritish): never taken for a medicine misheard.
const NOT_MEDICINES = new Set(
  (
    "ability allege ambient dioxin amnestied amnesties aspiring augmented augmenting biological biologist " +
    "biologists brilliants chamoix chantey chanty clarity concert concerted concerti concertina " +
    "concerto concertos concerts contravene contrive contrived contrives creator dietetics dinette " +
    "elided elides femora harmony insulting lyrical lyrics medicines moraine penciling " +
    "pencilling perks preparing program prolix prosaic rebuff secretive singular singulars solar " +
    "spheroid spheroids stains static stating station stations stellar ultras wayfaring"
  ).split(" "),
);

/** Edit distance with transpositions, giving up above `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  let before: number[] = [];
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, before[j - 2]! + 1);
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Medication names as speech-to-text spells what it heard ("sertraleen", "metforman",
 * "roacutane", "Levo Thyroxin", "mon jaro", "oh zempic", "zanax", "accutain"): the same
 * sound, or within one edit of a lexicon medication of 6-8 letters, two of a longer one, also
 * over two words said as one name, and over three to five said as one with the same sound.
 * Words in `keep` (the clinic's own terms) are never matched.
 */
export function fuzzyMedications(
  text: string,
  tokens: Token[],
  keep: Set<string>,
  seen: Map<string, boolean> = new Map(),
  /** The clinic's whole terms ("botox"), not the words of longer ones ("loss" of "weight loss"). */
  wholeTerms: Set<string> = keep,
): Finding[] {
  const findings: Finding[] = [];
  const near = (word: string) => {
    if (word.length < 5 || keep.has(word) || NOT_MEDICINES.has(word)) return false;
    const known = seen.get(word);
    if (known !== undefined) return known;
    const found = nearMedication(word);
    if (seen.size < 50_000) seen.set(word, found);
    return found;
  };
  const nearMedication = (heard: string) => {
    if (SOUNDS.has(soundKey(heard))) return true;
    const word = spellingKey(heard);
    if (heard.length < 6 || word.length < 5) return false;
    const limit = word.length >= 9 ? 2 : 1;
    for (let length = word.length - limit; length <= word.length + limit; length++)
      for (const drug of BY_LENGTH.get(length) ?? [])
        if (drug[0] === word[0] && distance(word, drug, limit) <= limit) return true;
    return false;
  };
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (!/^[a-z]+$/i.test(token.text)) continue;
    const next = tokens[index + 1];
    // Three to five words heard for one long name ("spiro no lactone", "a tor va sta tin"):
    // taken only when together they sound exactly like it.
    const heardAs = soundsLikeSeveral(text, tokens, index, wholeTerms);
    if (heardAs > index) {
      findings.push({ type: "MEDICAL", start: token.start, end: tokens[heardAs]!.end });
      index = heardAs;
      continue;
    }
    // Two words heard for one name ("Levo Thyroxin"), never a number ("code nine").
    if (
      next &&
      // "the effex or": a last syllable of two letters only where the whole sounds exactly so.
      (/^[a-z]{3,}$/i.test(next.text) ||
        (/^[a-z]{2}$/i.test(next.text) && SOUNDS.has(soundKey(token.lower + next.lower)))) &&
      /^\s$/.test(text.slice(token.end, next.start)) &&
      !NUMBER_WORDS.has(next.lower) &&
      !NUMBER_WORDS.has(token.lower) &&
      (!FUNCTION_WORDS.has(token.lower) || token.lower === "a") &&
      !FUNCTION_WORDS.has(next.lower)
    ) {
      const joined = token.lower + next.lower;
      if (
        // "zo loft": six letters when they sound exactly like one.
        (joined.length >= 7 ||
          (joined.length === 6 && next.text.length >= 3 && SOUNDS.has(soundKey(joined)))) &&
        !keep.has(joined) &&
        !clinicWord(token, keep) &&
        !clinicWord(next, keep) &&
        // "a pixaban": a first letter heard as the word "a" ("of april" is no "-pril").
        (near(joined) || (token.text.length === 1 && drugShaped(joined)))
      ) {
        findings.push({ type: "MEDICAL", start: token.start, end: next.end });
        index++;
        continue;
      }
    }
    // "war for in": a name heard as three short words (the last two of at most three letters).
    const third = tokens[index + 2];
    if (
      next &&
      third &&
      /^[a-z]{3,}$/i.test(token.text) &&
      /^[a-z]{1,3}$/i.test(next.text) &&
      /^[a-z]{2,3}$/i.test(third.text) &&
      /^\s$/.test(text.slice(token.end, next.start)) &&
      /^\s$/.test(text.slice(next.end, third.start)) &&
      !FUNCTION_WORDS.has(token.lower) &&
      // "the code in the email" is no codeine, "a copy is one" no Copaxone ("add her all" is
      // Adderall).
      !STARTS_ANOTHER.has(third.lower) &&
      !clinicWord(token, keep) &&
      near(token.lower + next.lower + third.lower)
    ) {
      findings.push({ type: "MEDICAL", start: token.start, end: third.end });
      index += 2;
      continue;
    }
    // "oh zempic": a first syllable heard as the word "oh".
    if (
      (token.lower === "oh" || token.lower === "o") &&
      next &&
      /^[a-z]{4,}$/i.test(next.text) &&
      /^\s$/.test(text.slice(token.end, next.start)) &&
      near(`o${next.lower}`)
    ) {
      findings.push({ type: "MEDICAL", start: token.start, end: next.end });
      index++;
      continue;
    }
    if ((drugShaped(token.lower) && !keep.has(token.lower)) || near(token.lower))
      findings.push({ type: "MEDICAL", start: token.start, end: token.end });
  }
  return findings;
}

// Words that start what follows, never a drug's last syllable.
const STARTS_ANOTHER = new Set("the an this that my your his our their one you and".split(" "));

/**
 * A word of the clinic's own terms, longer than a syllable: "pro" of "pro hilo" or the "a" of
 * "vitamin a" may still start a misheard medicine ("pro pran oh lol", "a pixaban").
 */
const clinicWord = (token: Token, keep: Set<string>) =>
  token.lower.length >= 4 && keep.has(token.lower);

/**
 * A word heard for a syllable of a longer name, as it sounds there: "are" is "ar" ("loss are
 * tan"), "you" is "u" ("ack you tane"), a final "que" is "k" ("plaque when ill"), a final "ough" is "o" ("through"), a letter
 * is its name ("v" is "vee").
 */
const LETTER_NAMES: Record<string, string> = {
  b: "bee",
  c: "see",
  d: "dee",
  g: "jee",
  k: "kay",
  p: "pee",
  t: "tee",
  v: "vee",
  z: "zee",
};
function syllable(word: string): string {
  if (word === "are") return "ar";
  // "ack you tane": "you" said for the "u" of a name.
  if (word === "you") return "u";
  // "oh tez la": "oh" said for an "o".
  if (word === "oh") return "o";
  if (word.length === 1) return LETTER_NAMES[word] ?? word;
  if (word.endsWith("que")) return `${word.slice(0, -3)}k`;
  // "sin through id": "through", "though" said for "thro", "tho".
  return word.endsWith("ough") ? `${word.slice(0, -4)}o` : word;
}

/**
 * The last of the three to five words from `index` that together sound exactly like a
 * medicine of at least eight letters (words of letters only, one space apart, no number, the
 * first not a function word, none a word of the clinic's longer than a syllable), or `index`
 * when none do.
 */
function soundsLikeSeveral(text: string, tokens: Token[], index: number, keep: Set<string>) {
  const first = tokens[index]!;
  const firstSound = wordSound(syllable(first.lower));
  if (
    (firstSound.length >= 4 && !startsLike(firstSound)) ||
    // "oh mep ra zole": a first syllable heard as "oh", never another number.
    (NUMBER_WORDS.has(first.lower) && first.lower !== "oh") ||
    clinicWord(first, keep)
  )
    return index;
  // "a ten oh lol", "can de sar tan": a first syllable heard as a little word, or one heard as a
  // number inside, only where the whole sounds exactly like a medicine of eight letters or more.
  let exactOnly = FUNCTION_WORDS.has(first.lower);
  let joined = syllable(first.lower);
  // How the words sound one by one, joined: close enough to the whole's sound to rule out
  // windows that cannot start like a long medicine.
  let sounds = firstSound;
  for (let last = index + 1; last < Math.min(tokens.length, index + 5); last++) {
    const token = tokens[last]!;
    if (
      !/^[a-z]+$/i.test(token.text) ||
      text.slice(tokens[last - 1]!.end, token.start) !== " " ||
      // "pro pran oh lol": a syllable heard as "oh"; another number only as above.
      /^(?:hundred|thousand|double|triple|treble)$/.test(token.lower) ||
      clinicWord(token, keep)
    )
      return index;
    if (NUMBER_WORDS.has(token.lower) && token.lower !== "oh") exactOnly = true;
    joined += syllable(token.lower);
    if (sounds.length < 4) {
      // One sound across the join too ("es cit": "essit" is "esit", as in "escitalopram").
      sounds = (sounds + wordSound(syllable(token.lower))).replace(/([a-z])\1+/g, "$1");
      if (sounds.length >= 4 && !startsLike(sounds)) return index;
    }
    if (exactOnly) {
      if (last >= index + 2 && joined.length >= 8 && SOUNDS.has(soundKey(joined))) return last;
      continue;
    }
    if (
      last >= index + 2 &&
      !keep.has(joined) &&
      ((joined.length >= 8 &&
        (SOUNDS.has(soundKey(joined)) ||
          (LONG_STARTS.has(sounds.slice(0, 4)) && LONG_BLURRED.has(blurred(soundKey(joined)))))) ||
        // "oh tez la": six or seven letters when they sound exactly like one.
        (joined.length >= 6 && SOUNDS.has(soundKey(joined))))
    )
      return last;
  }
  return index;
}
