/**
 * Which words can be part of a person's name: the everyday words, months, languages, titles and
 * brands that are not, the words that are names and words both ("may", "will", "grace"), and
 * the relations that introduce a name ("my sister").
 */
import { NUMBER_WORDS } from "../numbers";
import type { Token } from "../tokens";

// Words that follow "this is", "I'm", "it's" etc. without being a name.
export const NOT_NAMES = new Set(
  (
    "a an the so very really just not calling ringing phoning interested looking wondering hoping trying thinking going getting here there " +
    "sorry fine good great okay ok yes yeah no about after from with and but or in on at for to of it its is was be been being " +
    "my your his her their our me him them you we they that this what when where why how who which also still " +
    "actually currently pregnant nervous worried curious considering planning ready booked free available busy done sure new back " +
    "home work out up down over under around again already only quite rather too well much more less right left speaking please thanks thank " +
    "hello hi hey morning afternoon evening regarding re spelled spelt spelling like as called named " +
    "all any some one two three four five six seven eight nine ten twelve twenty thirty fifty hundred thousand first second third last next " +
    "fine happy glad sad tired late early open closed expensive cheap worth possible true false normal better worse best worst same different " +
    "about around maybe probably definitely totally kind sort lot bit little big small long short quick fast slow easy hard " +
    "because since until unless whether while if then than though although even ever never always often sometimes usually " +
    "own mine yours hers ours theirs myself yourself herself himself themselves ourselves everyone someone anyone nobody something nothing anything everything " +
    "cool nice lovely perfect brilliant amazing awesome fantastic wonderful excellent alright fair weird strange funny crazy " +
    "worth due important urgent fine covered included paid confirmed cancelled canceled scheduled there's that's it's what's " +
    "honestly basically literally seriously obviously apparently hopefully unfortunately luckily " +
    "asking booking checking coming doing feeling following having leaving making needing returning running saying seeing sending sitting " +
    "staying taking talking telling texting waiting working writing enquiring inquiring emailing messaging reaching trying hoping ringing " +
    "called married worried scared excited confused concerned pleased based located allergic diabetic vegan vegetarian older younger single " +
    "divorced retired unemployed employed student self over under nearly almost exactly " +
    "earlier later today tonight tomorrow yesterday now again reception " +
    "wants needs has had says said thinks loves likes hates gets got went came asked told tried uses used does did goes works lives knows feels felt looks seems wanted needed " +
    "don't dont doesn't didn't can't cant won't isn't wasn't aren't haven't hasn't wouldn't couldn't shouldn't use " +
    // The plain verb where speech drops the "-s" or the "-ed" ("me daughter karen come for her
    // botox", "she want that kybella"): never a surname.
    "come go want need say think love like get take bring live know feel look seem ring call pay book " +
    // What a caller adds after giving their name ("would you believe", "i reckon").
    "believe reckon suppose guess mean imagine " +
    // A relative who "comes to you", a caller "off that night", "my english name is ...".
    "comes brings takes books pays rings calls swears booked rang off name names surname nickname " +
    "keep keeps kept tell tells ask asks make makes give gives let lets help helps reckons wanna gonna gotta " +
    // Said after a relative's name, in the past: "my girl yanelis brought me".
    "brought bought thought caught taught drove took gave made sent paid spent lent showed shown recommended referred " +
    // What a caller gives next after their name ("stuart harland and me mobile's ...").
    "mobile landline cell phone number email address postcode zip " +
    // The "-ing" said without its "g", and how a caller hedges ("i'm phonin fae", "i'm wantin
    // lip filler", "i'm kinda freaking out").
    "phonin callin ringin wantin lookin wonderin hopin tryin askin thinkin goin gettin comin needin " +
    "feelin bookin checkin waitin workin kinda sorta " +
    // Scots for how someone is ("i'm affa feart", "i'm fair scunnered").
    "affa awfy feart fair richt scunnered crabbit chuffed gutted knackered shattered " +
    // Scots and Geordie "our" ("it's for oor kayleigh").
    "oor wor"
  ).split(" "),
);
// Relations said in English, and as slang ("my girl yanelis", "my pops"): never a name alone.
const ENGLISH_RELATIONS =
  "ex|missus|hubby|lass|lad|daughter|son|husband|wife|partner|mother|mum|mom|mam|mama|momma|mommy|mummy|ma|father|dad|daddy|papa|da|sister|brother|friend|best friend|mate|pal|colleague|neighbour|neighbor|flatmate|housemate|roommate|fiance|fiancé|fiancee|girlfriend|boyfriend|grandmother|grandma|nan|nana|gran|granny|grandfather|grandpa|grandad|granddad|stepmum|stepmom|stepdad|stepson|stepdaughter|aunt|auntie|uncle|niece|nephew|cousin|grandson|granddaughter|grandchild|grandkid|godson|goddaughter|child|kid|boss|pa|assistant|carer|girl|homegirl|homeboy|bestie|pops|moms|" +
  // Scots ("ma quine kayleigh", "oor loon", "the bairn").
  "quine|loon|bairn|wean|lassie|laddie|faither|mither|granda|grandda|grannie|wifie|" +
  // A partner said plainly ("ma man glen", "my fella", "the wifey").
  "man|fella|feller|bloke|hubs|wifey";
// Said in Spanish, Portuguese or Haitian Creole ("my tia dulce", "mi abuela", "my avó"): they
// introduce a name, but may be one too ("Tia Leigh", "Rose Mae").
const OTHER_RELATIONS =
  "tia|tía|tio|tío|titi|abuela|abuelo|abuelita|abuelito|prima|primo|hermana|hermano|madre|padre|mami|papi|suegra|suegro|cuñada|cuñado|cunada|cunado|madrina|padrino|comadre|compadre|avó|avô|avo|vovó|vovo|mãe|mae|irmã|irma|irmão|irmao|manman|grann|tonton|matant|ate|kuya|tita|tito|lola|lolo|nanay|tatay|tutu|" +
  // New Mexico and northern Mexico Spanish ("my tata eloy", "my nina rosie", "my mija").
  "tata|nina|nino|mija|mijo|hija|hijo|jita|jito|esposa|esposo|novia|novio|sobrina|sobrino|nieta|nieto";
export const RELATIONS = `${ENGLISH_RELATIONS}|${OTHER_RELATIONS}`;
const RELATION_WORDS = new Set(ENGLISH_RELATIONS.split("|"));
// Capitalised words that are not people: calendar, languages and nationalities, titles, brands.
export const CAPITALISED_COMMON = new Set(
  (
    "i i'm i've i'll i'd monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september " +
    "october november december christmas easter english spanish french german italian portuguese chinese mandarin cantonese japanese korean " +
    "arabic hindi urdu punjabi bengali polish russian turkish greek dutch swedish norwegian danish finnish american british irish scottish welsh " +
    "canadian australian european african asian caribbean latin ok okay dr mr mrs ms miss mx doctor nurse sir madam visa mastercard amex " +
    "nhs covid google apple gmail yahoo outlook hotmail icloud zoom whatsapp facetime uber amazon paypal stripe thanks thank yes no sure great " +
    "perfect lovely hello hi hey please sorry alright right well so and but or the a an that this it is we you he she they there here what when " +
    "where why how who which can could would should will shall may might must do does did have has had be been am are was were not also just " +
    "let let's our your my his her their its our if then because okay good fine best kind regards bye goodbye morning afternoon evening " +
    "street road avenue lane drive apartment suite unit flat north south east west am pm " +
    "medicare medicaid tricare aetna cigna humana kaiser anthem bupa axa vitality carecredit cherry affirm klarna " +
    "health care social security national insurance"
  ).split(" "),
);

/**
 * Words that are also first names ("may i", "will do", "the bill", "grace period", "i hope"):
 * never guessed from capitals alone, but a name when introduced ("my name's may", "this is
 * Will Bradshaw"), asked for, or greeted once the call has learned it.
 */
export const AMBIGUOUS_NAMES = new Set(
  (
    "may june april august grace will bill rose hope joy faith mark sue pat bob jack art iris ivy " +
    "dawn summer autumn amber ruby pearl holly heather daisy lily violet sky rich frank sandy penny " +
    "carol chase drew gene guy jean kay lee max miles rob ray sage skip"
  ).split(" "),
);

export function isNameLike(token: Token | undefined, allowLower: boolean): boolean {
  if (!token || !/^[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F'’-]*$/.test(token.text)) return false;
  const bare = token.lower.replace(/['’]s$/, "");
  if (
    NOT_NAMES.has(bare) ||
    CAPITALISED_COMMON.has(bare) ||
    CAPITALISED_COMMON.has(bare.replace(/s$/, ""))
  )
    return false;
  if (NUMBER_WORDS.has(bare)) return false;
  // "my ex husband", "me mate's lad": a relation said after another is no name.
  if (token.text === token.lower && RELATION_WORDS.has(bare)) return false;
  if (!allowLower && !/^[A-Z\u00C0-\u00DE]/.test(token.text)) return false;
  // After "I'm", "it's", "this is" in lower case, what describes is no name: "I'm afraid",
  // "it's pretty mild", "it's mostly gone", "it's migrated", "I'm undetectable".
  if (token.text === token.lower && (PREDICATES.has(bare) || PREDICATE_SHAPE.test(bare)))
    return false;
  return bare.length >= 2;
}

export const PREDICATES = new Set(
  (
    "afraid pretty type mild gone positive negative undetectable awake asleep alive aware alone " +
    "unwell poorly ill sick poor rich broke bad worse sore stuck lost safe unsure sorted grand " +
    "fab ace dead mad glad proper bare such these those both either neither dry clean sober " +
    "healthy fit well tiny huge massive"
  ).split(" "),
);
// Adverbs, participles and adjectives by their endings, among them how a condition is said of
// someone ("i'm dyslexic", "she's epileptic", "he's anaemic"): names rarely end so in lower
// case ("olive" and "clive" do: "-ive" after an "l" is left to the other checks; "-ish" only
// as in "foolish", "childish", "biggish": "hamish", "manish", "trish" are names).
export const PREDICATE_SHAPE =
  /^[a-z]{2,}(?:ously|ently|antly|ately|ibly|ably|ively|fully|lessly|stly|ctly|ghtly|ated|ened|eared|ered|ished|i[sz]ed|ured|ected|ested|ented|olved|anged|aged|ating|ening|ting|ding|king|ying|ssed|ched|pped|tted|gged|ful|ous|(?<!l)ive|etic|atic|otic|ical|istic|lexic|rexic|eptic|ritic|phrenic|aemic|emic|ergic|able|ible|less|ness|ment|lish|ldish|fish|ckish|yish|ggish|ddish)$/;

/** Can this word be part of a name said in answer to "your name?" (any case, not a common word)? */
export function couldBeName(token: Token): boolean {
  return isNameLike(token, true);
}

// Months that are also first names ("in April", "since May": the month).
export const MONTH_NAMES = new Set(["april", "may", "june", "august"]);

// Words after "May", "Will" opening a sentence that make it the verb, not a name.
export const NOT_AFTER_NAME = new Set(
  "i we you he she they it that this there do be have the a an not never i'll i'm we'll you'll".split(
    " ",
  ),
);

/** Titles staff are named by ("Dr Okafor", "Nurse Grace"); Mr and Mrs are callers' too. */
export const STAFF_TITLE = /^(?:dr|doctor|nurse|prof|professor)\.?$/i;
