/**
 * What the words of an answer are (lib/redaction/answers.ts): numbers, months and dates said any
 * way (English, Spanish and Portuguese), codes, and the stretches of them an answer holds.
 */
import { NUMBER_WORDS } from "./numbers";
import type { Token } from "./tokens";
import type { Finding, RedactionType } from "./types";

const MONTHS =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)$/;
const ORDINAL =
  /^(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)$/;

/**
 * A date said in Spanish by a caller who switches for it ("el quince de enero", "el primero de
 * mayo del noventa"): its months, its numbers and its joining words.
 */
const SPANISH_MONTHS =
  /^(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|sep?tiembre|octubre|noviembre|diciembre)$/;
const SPANISH_NUMBERS =
  /^(?:uno|primero|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce|quince|dieci(?:s[eé]is|siete|ocho|nueve)|veinte|veinti(?:uno|d[oó]s|tr[eé]s|cuatro|cinco|s[eé]is|siete|ocho|nueve)|treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa|mil|novecientos)$/;
/** And in Portuguese ("vinte e dois de outubro", "dez de dezembro"); "um" is a filler in English. */
const PORTUGUESE_MONTHS =
  /^(?:janeiro|fevereiro|mar[cç]o|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro)$/;
const PORTUGUESE_NUMBERS =
  /^(?:uma|primeiro|dois|duas|tr[eê]s|quatro|cinco|seis|sete|oito|nove|dez|onze|doze|treze|catorze|quatorze|quinze|dez[ae]sseis|dez[ae]ssete|dezoito|dez[ae]nove|vinte|trinta|quarenta|cinquenta|sessenta|setenta|oitenta|noventa|mil|novecentos)$/;
export const isNumberish = (token: Token) =>
  /\d/.test(token.text) ||
  NUMBER_WORDS.has(token.lower) ||
  ORDINAL.test(token.lower) ||
  SPANISH_NUMBERS.test(token.lower) ||
  PORTUGUESE_NUMBERS.test(token.lower);
// Bikram Sambat months, as a Nepali caller may give a birthday first ("two thousand forty nine
// saun twenty six").
const NEPALI_MONTHS =
  /^(?:baisakh|baishakh|jestha|jeth|asar|ashadh|asadh|saun|shrawan|srawan|bhadau|bhadra|asoj|ashwin|kartik|mangsir|poush|push|magh|falgun|phagun|chaitra|chait)$/;
export const isMonth = (token: Token) =>
  MONTHS.test(token.lower) ||
  NEPALI_MONTHS.test(token.lower) ||
  SPANISH_MONTHS.test(token.lower) ||
  PORTUGUESE_MONTHS.test(token.lower);
export const isDateish = (token: Token) =>
  isNumberish(token) ||
  isMonth(token) ||
  // "1st of November", "'82": ordinal endings and a year's apostrophe belong to the date.
  [
    "of",
    "the",
    "/",
    "-",
    ".",
    ",",
    "st",
    "nd",
    "rd",
    "th",
    "'",
    "’",
    "el",
    "de",
    "del",
    "y",
    "e",
    "do",
  ].includes(token.lower);
export const isCodeish = (token: Token) =>
  isNumberish(token) ||
  /^[a-z]$/i.test(token.text) ||
  /^[A-Z]{1,4}$/.test(token.text) ||
  /^[a-z]*\d[a-z0-9]*$/i.test(token.text) ||
  ["-", "/", "dash", "hyphen", "slash", "double", "triple", "treble", "oh", "o"].includes(
    token.lower,
  );

/** Every stretch of `segment` made of tokens that pass `fits`, each as one finding. */
export function stretch(segment: Token[], fits: (token: Token) => boolean, type: RedactionType) {
  const findings: Finding[] = [];
  let start = -1;
  let end = -1;
  for (const token of segment) {
    if (fits(token)) {
      if (start < 0) start = token.start;
      end = token.end;
    } else if (start >= 0) {
      findings.push({ type, start, end });
      start = -1;
    }
  }
  if (start >= 0) findings.push({ type, start, end });
  return findings;
}
