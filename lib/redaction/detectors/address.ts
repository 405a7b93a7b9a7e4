import type { Finding } from "../types";

const NUMBER_WORD =
  "(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|oh|double)";
const HOUSE = `(?:\\d{1,6}[a-z]?|${NUMBER_WORD}(?:[\\s-]+${NUMBER_WORD}){0,4})`;
// Abbreviations never run into a capitalised word ("six weeks. Dr Okafor" is not a street).
const SUFFIX =
  "(?:street|avenue|road|lane|drive|boulevard|court|place|way|terrace|close|crescent|square|parkway|highway|circle|trail|mews|gardens|grove|row|hill|walk|park|(?:st|ave|rd|ln|dr|blvd|ct|pl|pkwy|hwy|cir)(?!\\.?\\s+(?!(?:Apt|Apartment|Unit|Suite|Flat)\\b)[A-Z]))";
// Numbered streets: "72nd", "125th", "one hundred and twenty fifth".
const ORDINAL_WORD =
  "(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth|hundredth)";
const ORDINAL = `(?:\\d{1,3}(?:st|nd|rd|th)|(?:${NUMBER_WORD}[\\s-]+(?:and\\s+)?){0,3}${ORDINAL_WORD})`;
// A name of one to three words (or a numbered street with its direction: "E 72nd", "West
// 125th"), none of them a time of day, a linking word or a pronoun ("wednesday five because i
// close the salon" is no street).
const STREET_NAME = `(?:(?:(?:(?:north|south)[\\s-]?(?:east|west)|north|south|east|west|[ns][ew]|[nsew])\\.?\\s+)?${ORDINAL}\\s+|(?:(?!(?:am|pm|at|on|in|to|and|or|for|is|was|my|your|with|by|from|of|a|an|per|each|than|because|cause|cos|i|we|you|they|he|she|it|when|if|so|but|then|till|til|until|weeks?|days?|months?|years?|hours?|minutes?)\\b)[a-z][a-z'’-]*\\s+){1,3})`;
const STREET_WORD = new RegExp(`\\b${SUFFIX}\\b`, "i");
// A street whose word comes first, as in Spanish and Portuguese ("1720 calle cuervo nw",
// "seventeen twenty camino del oso"): the house number (digits, or two number words or more),
// the word, a name of one or two words.
const STREET_FIRST_WORD =
  /\b(?:calle|camino|avenida|paseo|v[ií]a|plaza|placita|callej[oó]n|caminito|rua|rue)\b/i;
const STREET_FIRST = new RegExp(
  `\\b(?:\\d{1,6}[a-z]?|${NUMBER_WORD}(?:[\\s-]+${NUMBER_WORD}){1,4})\\s+(?:calle|camino|avenida|paseo|v[ií]a|plaza|placita|callej[oó]n|caminito|rua|rue)\\s+(?:(?:de|del|de la|de los|de las|do|da|dos|das)\\s+)?[a-zà-ÿ'’-]+(?:\\s+(?!(?:north|south|east|west|northwest|northeast|southwest|southeast|nw|ne|sw|se|n|s|e|w|apt|apartment|unit|suite|and|in|at|to|on|for|so|but|i|we|my)\\b)[a-zà-ÿ'’-]+)?\\b`,
  "gi",
);
const STREET = new RegExp(`\\b${HOUSE}\\s+${STREET_NAME}${SUFFIX}\\b\\.?`, "gi");
// Without a house number only after an address phrase: "send it to ... church lane".
const ADDRESS_CONTEXT =
  /\b(?:address|live at|lives at|living at|send (?:it|the letter|the pack|them)? ?to|post (?:it )?to|we're at|i'm at|deliver(?:ed)? to|moved to|staying at)\b[^.!?]{0,80}$/i;
const BARE_STREET = new RegExp(`\\b${STREET_NAME}${SUFFIX}\\b\\.?`, "gi");
const UK_POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2}\b/gi;
const PO_BOX = /\bp\.?\s?o\.?\s+box\s+\d+\b/gi;
// "flat two, " · "apartment 5C, " · "suite nine hundred, " · "plot twelve, " · "number nine, the old rectory, "
const PREFIX = new RegExp(
  `(?:\\b(?:flat|apartment|apt|suite|unit|plot|number|no\\.?)\\s+[a-z0-9]+(?:[\\s-]+${NUMBER_WORD})*\\s*,\\s*(?:(?:the\\s+)?[a-z'’-]+(?:\\s+[a-z'’-]+){0,2}\\s*,\\s*)?)$`,
  "i",
);
// A flat or unit said before the house number with no comma, as speech-to-text writes it:
// "flat 3 22 harrow road", "apartment 5b 310 east 72nd street", "flat" alone when the street
// match took its number ("flat two forty one kings road").
const UNIT_BEFORE = new RegExp(
  `\\b(?:flat|apartment|apt|suite|unit|plot)\\.?(?:\\s+(?:[a-z]?\\d+[a-z]?|${NUMBER_WORD}(?:[\\s-]+${NUMBER_WORD})*(?:\\s+[a-z])?|[a-z]))?\\s*,?\\s*$`,
  "i",
);
// Words that end an address: a new clause has begun.
const CLAUSE =
  /\b(?:i|i'm|im|we|we're|you|your|my|me|is|are|was|and|but|so|thanks|thank|that's|thats|it's|its|please|can|could|will|would|should|do|does|did|have|has|had|not|if|when|what|for|with|where|who|there|here|then|also|just|yes|no|okay|ok|all|done|great)\b/i;

const UNIT = /^(?:apt|apartment|unit|suite|flat|#)\.?\s*[a-z0-9]/i;
// What may follow a street with no comma, as speech-to-text writes it: a flat or unit ("apt 4R",
// "apartment nine b"), then a town with its state and zip or its postcode, written or spelled
// ("new york new york one zero zero two seven", "leeds l s six one a a").
const DIGIT = "(?:\\d|zero|oh|o|one|two|three|four|five|six|seven|eight|nine)";
const UNIT_PART = `(?:apt|apartment|unit|suite|flat|#)\\.?\\s*[a-z0-9]+(?:\\s+(?:${NUMBER_WORD}|[a-z])\\b){0,4}`;
const ZIP = `(?:\\d{5}(?:-\\d{4})?|(?:${DIGIT}\\s+){4}${DIGIT})`;
const SPOKEN_POSTCODE = `[a-z](?:\\s+[a-z])?\\s+(?:${DIGIT}\\s+){1,2}(?:[a-z]\\s+)?${DIGIT}\\s+[a-z]\\s*[a-z]`;
const WRITTEN_POSTCODE = "[a-z]{1,2}\\d[a-z\\d]?\\s?\\d[a-z]{2}";
// A town with its zip or postcode and nothing else, the rest of an address said after a pause
// ("minneapolis five five four five four", "plymouth p l four"): the outward code alone too.
const TOWN_AND_CODE = new RegExp(
  `^\\W*(?:[a-z'’-]+\\s+){0,3}(?:${ZIP}|${WRITTEN_POSTCODE}|${SPOKEN_POSTCODE}|[a-z](?:\\s+[a-z])?\\s+${DIGIT}(?:\\s+${DIGIT})?(?:\\s+\\w){0,3})\\W*$`,
  "i",
);
export const isTownAndCode = (text: string) => TOWN_AND_CODE.test(text);
const PLACE = `(?:[a-z]+\\s+){1,3}(?:(?:[a-z]+\\s+){0,2}${ZIP}|${SPOKEN_POSTCODE}|${WRITTEN_POSTCODE})`;
// "34th Avenue S, Seattle": a direction after the street type, before a comma or a unit.
const DIRECTION_AFTER =
  "(?:\\s+(?:[nsew]|[ns][ew]|north|south|east|west|north\\s?east|north\\s?west|south\\s?east|south\\s?west)\\.?(?=\\s*(?:,|$)|\\s+(?:apt|apartment|unit|suite|#)))?";
// A zip said straight after the street, with no town ("tasker street one nine one four six").
const TAIL = new RegExp(
  `^${DIRECTION_AFTER}(?:\\s+${UNIT_PART}\\b)?(?:\\s+${PLACE}\\b|\\s+${ZIP}\\b)?`,
  "i",
);

/**
 * Extends a street over what follows it in the same sentence: ", apartment 3B, Santa Monica,
 * CA 90401", ", clifton, bristol, b s eight, four q t" — comma-separated segments of up to six
 * words that do not start a new clause.
 */
function extendRight(text: string, end: number): number {
  let cursor = end + (TAIL.exec(text.slice(end))?.[0].length ?? 0);
  for (let segments = 0; segments < 5; segments++) {
    const next = /^\s*,?\s*([^,.!?;]{1,60})/.exec(text.slice(cursor));
    if (!next || !next[1]) break;
    let segment = next[1].trim();
    // A new clause ends the address: keep what came before it ("CA 90057 is where...").
    const clause = segment.search(CLAUSE);
    if (clause === 0) break;
    const truncated = clause > 0;
    if (truncated) segment = segment.slice(0, clause).trimEnd();
    if (segment.split(/\s+/).length > 7 || !/^[a-z0-9]/i.test(segment)) break;
    // Without a comma only a flat or unit, a postcode or state may follow directly ("Apt 4R",
    // "London SE15 3RA"), or a town before a state and zip ("Chicago IL 60649").
    if (
      !/^\s*,/.test(text.slice(cursor)) &&
      !/^[A-Z]{1,2}\d|^\d{5}|^[A-Z]{2}\b/.test(segment) &&
      !UNIT.test(segment) &&
      !/^[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\s[A-Z]{2}\s\d{5}\b/.test(segment)
    )
      break;
    cursor += next[0].indexOf(next[1]) + next[1].indexOf(segment) + segment.length;
    if (truncated) break;
  }
  return cursor;
}

// "my work address for the invoice is ...", "the postcode's ...": the address said next.
const ADDRESS_SAID =
  /\b(?:(?:address|postcode|post code|zip code|zip|postal code)(?:\s+(?:for|on|at|to)\s+(?:the\s+|my\s+|your\s+)?[a-z]+)?(?:\s+(?:is|was)\b|['’]s\b|\s*:)|(?:i|we|she|he|they)\s+(?:now\s+)?(?:live|lives|living|stay|stays|staying)\s+at|(?:i've|i’ve|we've|we’ve|i have|we have|she's|he's)\s+(?:just\s+)?moved\s+to)\s*/gi;
// Where an address said after its cue ends: a sentence's end, or a new clause.
const ADDRESS_END =
  /[.!?;]|,\s*(?:my|and|it's|its|i|i'm|im|the|her|his|that's|thats|please|thanks)\b|\b(?:and (?:i|i'm|my|can|could|is|it's|its|the|that's)|but|because|cos|thanks|thank you|please|if|so (?:i|can))\b/i;

const ITEM_END = new RegExp(`,|${ADDRESS_END.source}`, "i");
const HAS_NUMBER = new RegExp(`\\d|\\b${NUMBER_WORD}\\b`, "i");

/**
 * The address a caller names and then says ("my work address for the invoice is unit seven the
 * sharp project thorp road m forty five b j"): up to the sentence's end or a new clause, when
 * it has a number in it (not "my address is the same", "the postcode's on the letter").
 */
function saidAddresses(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const match of text.matchAll(ADDRESS_SAID)) {
    const start = match.index + match[0].length;
    const rest = text.slice(start, start + 160);
    // A postcode or zip is one item: it ends at a comma ("zero two one three eight, cambridge").
    const ends = /^address/i.test(match[0]) ? ADDRESS_END : ITEM_END;
    const end = ends.exec(rest)?.index ?? rest.length;
    const value = rest.slice(0, end).replace(/[\s,]+$/, "");
    if (
      HAS_NUMBER.test(value) &&
      !/^(?:the same|still|on|in|not|wrong|changed|different)\b/i.test(value)
    )
      findings.push({ type: "ADDRESS", start, end: start + value.length });
  }
  return findings;
}

/** Street addresses written or spoken, with flat and town and postcode; UK postcodes; PO boxes. */
export function detectAddresses(text: string): Finding[] {
  const findings: Finding[] = [];
  // Most turns name no street: one scan for a street word spares the two patterns that try a
  // street at every word.
  const hasStreetWord = STREET_WORD.test(text);
  const streets = hasStreetWord
    ? [...text.matchAll(STREET)].map(
        (match) => [match.index, match.index + match[0].length] as const,
      )
    : [];
  if (STREET_FIRST_WORD.test(text))
    for (const match of text.matchAll(STREET_FIRST))
      streets.push([match.index, match.index + match[0].length] as const);
  for (const match of hasStreetWord ? text.matchAll(BARE_STREET) : []) {
    const before = text.slice(Math.max(0, match.index - 120), match.index);
    if (ADDRESS_CONTEXT.test(before) || PREFIX.test(before))
      streets.push([match.index, match.index + match[0].length]);
  }
  for (const [start, end] of streets) {
    const before = text.slice(Math.max(0, start - 80), start);
    const prefix = PREFIX.exec(before) ?? UNIT_BEFORE.exec(before);
    findings.push({
      type: "ADDRESS",
      start: prefix ? start - prefix[0].length : start,
      end: extendRight(text, end),
    });
  }
  findings.push(...saidAddresses(text));
  for (const pattern of [UK_POSTCODE, SPOKEN_UK_POSTCODE, PO_BOX]) {
    for (const match of text.matchAll(pattern))
      findings.push({
        type: "ADDRESS",
        start: pattern === PO_BOX ? match.index : houseBefore(text, match.index),
        end: match.index + match[0].length,
      });
  }
  return findings;
}

// "b s six six a b", "m one four double e x": a UK postcode said letter by letter.
const LETTER = "[a-z]";
const DIGIT_WORD = "(?:zero|oh|o|one|two|three|four|five|six|seven|eight|nine)";
const SPOKEN_UK_POSTCODE = new RegExp(
  `\\b${LETTER}(?:\\s+${LETTER})?\\s+(?:${DIGIT_WORD}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)(?:\\s+${LETTER}|\\s+${DIGIT_WORD})?\\s+${DIGIT_WORD}\\s+(?:double\\s+${LETTER}|${LETTER}\\s+${LETTER})\\b`,
  "gi",
);
// The house and road said before a postcode with no street word ("37 cotham brow, bristol
// BS6 6AB", "fourteen the paddocks b s nine ..."): a number, then one to five words.
const HOUSE_BEFORE = new RegExp(
  `(?:^|[\\s,])(${HOUSE})\\s+(?:(?!(?:and|or|but|to|is|it|my|your|me|at|on|in|for|of|with|number|phone|mobile|postcode|post|code|zip|weeks?|days?|months?|years?|hours?|minutes?|since|ago|pounds|quid|dollars|times?|am|pm)\\b)[a-z'’-]+,?\\s+){1,5}$`,
  "i",
);
function houseBefore(text: string, start: number): number {
  const before = text.slice(Math.max(0, start - 80), start);
  const match = HOUSE_BEFORE.exec(before);
  return match ? start - before.length + match.index + match[0].indexOf(match[1]!) : start;
}
