import { describe, expect, it } from "vitest";

import { redactConversation, type Turn } from "@/lib/redaction/conversation";
import { DISCLOSURE_HINTS, DISCLOSURES } from "@/lib/redaction/detectors/everyday";
import { FIRST_NAMES } from "@/lib/redaction/lexicon/first-names";
import { createRedactor } from "@/lib/redaction/redact";

import { loadCallSet } from "../../scripts/lib/redaction-eval";

// What the sixteenth set's tuned half showed, as classes (issue 17): names said in lower case
// with no cue, relatives named the dialect way, health said in pieces joined by little words.
// The examples are new ones, not lines of the evaluation set.
const redactor = createRedactor({
  allow: ["Botox", "Lip filler", "Morpheus8", "Nurse Kirsten Lowe", "Kirsten Lowe", "Voxanne"],
  procedures: ["Botox", "Lip filler", "Morpheus8"],
});
const redact = (text: string) => redactor.redact(text).text;
const call = (...turns: [Turn["role"], string][]) =>
  redactConversation(
    redactor,
    turns.map(([role, text]) => ({ role, text })),
  ).map((turn) => turn.text);

describe("a first name said in lower case with no cue", () => {
  it("is a name when it is no English word", () => {
    expect(redact("it's for oor kayleigh's birthday")).toBe("it's for oor [NAME] birthday");
    expect(redact("so then brandon drove me over")).toBe("so then [NAME] drove me over");
    expect(redact("can courtney come in with me")).toBe("can [NAME] come in with me");
  });

  it("takes one more word as the surname at most", () => {
    expect(redact("and callum mcnulty will pay for it")).toBe("and [NAME] will pay for it");
    expect(redact("for kayleigh's birthday")).toBe("for [NAME] birthday");
  });

  it("leaves names that are words, places and members of staff", () => {
    expect(redact("she's off to summer camp")).toBe("she's off to summer camp");
    expect(redact("we moved from jordan last year")).toBe("we moved from jordan last year");
    expect(redact("my sister's in san francisco")).not.toMatch(/NAME/);
    expect(redact("near beverly hills")).toBe("near beverly hills");
    expect(redact("i'd like kirsten for my botox")).toBe("i'd like kirsten for my botox");
  });

  it("gives way to a medicine heard like it", () => {
    expect(
      call(["assistant", "Any medications?"], ["caller", "just the pre gabba lynn at night"])[1],
    ).not.toMatch(/NAME|lynn/);
  });

  it("comes from the locale lists less English words and the callers' own speech", () => {
    for (const name of ["kirsten", "callum", "eloy", "hamish", "agnes"])
      expect(FIRST_NAMES.has(name)).toBe(true);
    for (const word of ["summer", "grace", "will", "chase", "fae", "nae", "tara", "ave", "dev"])
      expect(FIRST_NAMES.has(word)).toBe(false);
  });
});

describe("names said the dialect way", () => {
  it("reads Scots 'ma' and 'oor' before a relation, and the Scots and Spanish relations", () => {
    expect(redact("ma partner callum says it's fine")).toBe("ma partner [NAME] says it's fine");
    expect(redact("a gift card for ma quine isla")).toBe("a gift card for ma quine [NAME]");
    expect(redact("my tata ruben had one too")).toMatch(/^my tata \[NAME\]/);
  });

  it("takes a partner said plainly and a relative's name told, even a member of staff's", () => {
    expect(redact("ma man ewan will run me down")).toBe("ma man [NAME] will run me down");
    expect(redact("her name's kirsten, she's my niece")).toBe("her name's [NAME], she's my niece");
    expect(redact("my man said it's fine")).toBe("my man said it's fine");
  });

  it("never takes a dropped '-ing', a hedge or how someone is for a name", () => {
    expect(redact("i'm phonin aboot lip filler")).toBe("i'm phonin aboot lip filler");
    expect(redact("i'm kinda nervous")).toBe("i'm kinda nervous");
    expect(redact("i'm affa feart o needles")).toBe("i'm affa feart o needles");
  });

  it("never takes a name ending in '-ish' for how someone is", () => {
    expect(redact("this is hamish")).toBe("this is [NAME]");
    expect(redact("i'm feeling a bit foolish")).toBe("i'm feeling a bit foolish");
  });

  it("takes a condition said of oneself as health, not a name", () => {
    expect(
      call(["assistant", "Any health conditions?"], ["caller", "i'm dyslexic and that's it"])[1],
    ).not.toMatch(/NAME|dyslexic/);
  });

  it("takes the title and an initial with a surname read back", () => {
    expect(
      call(["caller", "it's c de vargas"], ["assistant", "Thank you, Mrs. C de Vargas."])[1],
    ).toBe("Thank you, [NAME].");
  });
});

describe("health said in pieces", () => {
  it("joins two findings with only little words between", () => {
    expect(
      call(
        ["assistant", "Any health conditions?"],
        ["caller", "my eczema flares up from washing powder"],
      )[1],
    ).toBe("[MEDICAL]");
    expect(redact("i've been three years clean off cocaine")).not.toMatch(/off|cocaine/);
  });

  it("takes how much before a state, a low time after a birth, part of the body lost", () => {
    expect(
      call(
        ["assistant", "Any health conditions?"],
        ["caller", "he's a bit confused these days"],
      )[1],
    ).not.toMatch(/bit|confused/);
    expect(redact("i had a rough patch after the twins")).toBe("[MEDICAL]");
    expect(redact("i lost the tip of my thumb at work")).toMatch(/^i \[MEDICAL\] at work$/);
  });

  it("takes what went wrong with a treatment, said of 'they', and a medicine by what it treats", () => {
    expect(redact("and then they went all hard")).toBe("and then [MEDICAL]");
    expect(redact("i was on the water tablets")).toBe("i [MEDICAL]");
  });

  it("takes a baby still fed and meetings in a hall", () => {
    expect(redact("i'm still feeding the little one myself")).toBe("i'm [MEDICAL]");
    expect(redact("i go to the aa in the church hall")).toBe("i [MEDICAL]");
  });

  it("takes a spot the doctor sent someone about and a frequency after a number", () => {
    expect(redact("my gp wants me seen for a dark mark under my fingernail")).not.toMatch(
      /dark mark|fingernail/,
    );
    expect(
      call(
        ["assistant", "Any health conditions?"],
        ["caller", "i'm on dialysis four times a week"],
      )[1],
    ).not.toMatch(/times a week/);
  });

  it("keeps paying the rest of a treatment, and a full stop after 'at 10'", () => {
    expect(redact("i want to pay the rest of my morpheus8")).toBe(
      "i want to pay the rest of my morpheus8",
    );
    expect(redact("We'll see you Friday at 10. It's on the ground floor.")).toBe(
      "We'll see you Friday at 10. It's on the ground floor.",
    );
    expect(redact("it's jo at mail dot co dot uk")).toMatch(/\[EMAIL\]/);
  });
});

describe("what the assistant says it noted after a health answer", () => {
  const asked = (answer: string, noted: string) =>
    call(
      ["assistant", "Any health conditions or medicines?"],
      ["caller", answer],
      ["assistant", noted],
    )[2];

  it("takes the items read back, up to who they are for", () => {
    expect(
      asked(
        "i take the bisoprolol and something for gout",
        "Thank you, I've noted the bisoprolol and allopurinol for Dr Lowe.",
      ),
    ).toBe("Thank you, I've noted [MEDICAL] for Dr Lowe.");
    expect(
      asked(
        "my knee's been done and i take the beta blocker",
        "Thanks, I'll update your notes with the knee surgery and metoprolol.",
      ),
    ).toBe("Thanks, I'll update your notes [MEDICAL].");
    expect(asked("i'm on the sertra leen", "Thanks, sertraline noted. Friday at 2?")).toBe(
      "Thanks, [MEDICAL] noted. Friday at 2?",
    );
    expect(
      asked("he's got the parkinson's", "I've noted that he's on carbidopa and the rest."),
    ).toBe("I've noted that he's [MEDICAL].");
  });

  it("reads a list with commas, and a dose with its medicine", () => {
    expect(
      asked(
        "i've got a bad thyroid and i react to latex",
        "I've noted the thyroid, levothyroxine 50, the latex reaction and the nerve pain.",
      ),
    ).toBe("I've noted [MEDICAL].");
  });

  it("takes a treatment had elsewhere in lower case, up to 'for' and a name", () => {
    expect(
      asked(
        "i had my boobs done years ago and i take allopurinol",
        "I've noted the breast augmentation and the allopurinol for gout for Nurse Lowe.",
      ),
    ).toBe("I've noted [MEDICAL] for Nurse Lowe.");
    expect(
      asked("i'm on metformin", "I've noted that you'd like lip filler and the metformin."),
    ).toBe("I've noted that you'd like lip filler and [MEDICAL].");
  });

  it("keeps what is no health item, the clinic's words and what is noted elsewhere", () => {
    expect(asked("none", "That's noted. Can I take your name?")).toBe(
      "That's noted. Can I take your name?",
    );
    expect(asked("i had botox before", "I've noted the Botox for Nurse Kirsten Lowe.")).toBe(
      "I've noted the Botox for Nurse Kirsten Lowe.",
    );
    expect(asked("just metformin", "I've noted your Friday slot and the deposit.")).toBe(
      "I've noted your Friday slot and the deposit.",
    );
    expect(
      call(
        ["assistant", "Can I take your mobile?"],
        ["caller", "it's the same as before"],
        ["assistant", "I've noted that, and the dandelion."],
      )[2],
    ).toBe("I've noted that, and the dandelion.");
  });
});

describe("a health answer in sentences, as smart format writes it", () => {
  it("reads every sentence of the answer until one asks or turns to something else", () => {
    const [, answer] = call(
      ["assistant", "Any health conditions or medicines?"],
      [
        "caller",
        "Well, I had a stent in 2019. And I take bisoprolol. And I've got the gout. Can I do Friday?",
      ],
    );
    expect(answer).not.toMatch(/stent|bisoprolol|gout/);
    expect(answer).toMatch(/Can I do Friday\?$/);
  });

  it("takes the secret said in the sentence after a complaint about it", () => {
    expect(redactor.redact("It says my PIN is wrong. But I'm sure it's 4 9 1 7.").text).not.toMatch(
      /4 9 1 7/,
    );
  });
});

describe("the seventeenth set's tuned half, as classes", () => {
  it("reads a health answer after 'anything about your health' and 'any health changes?'", () => {
    for (const question of [
      "Is there anything about her health Dr Lowe should know?",
      "It's been a year. Any health changes?",
      "How's your health been?",
    ])
      expect(
        call(["assistant", question], ["caller", "she has the gout and takes febuxostat"])[1],
      ).not.toMatch(/gout|febuxostat/);
  });

  it("takes a date of birth said as ordinals, 'first of the first'", () => {
    expect(
      call(["assistant", "And her date of birth?"], ["caller", "second of the third"])[1],
    ).toBe("[DOB]");
  });

  it("takes what is said with a health matter: how often, since when, for how many years", () => {
    expect(redact("he's had hiv since ninety one")).toBe("he's [MEDICAL]");
    expect(redact("then radiation every weekday")).toBe("then [MEDICAL]");
    expect(redact("i've been on tamoxifen for five years")).toBe("i've [MEDICAL]");
    expect(redact("i broke my wrist twice")).toBe("i [MEDICAL]");
    expect(redact("pause the tretinoin for one week")).toBe("pause [MEDICAL] for one week");
  });

  it("takes a pregnancy said plainly, never what is awaited", () => {
    expect(redact("i've just found out i'm expecting again")).toBe("i've just found out [MEDICAL]");
    expect(redact("i'm expecting a call back")).toBe("i'm expecting a call back");
  });

  it("takes an organ that 'am shot', a pressure that went high, a tablet given for something", () => {
    expect(redact("me knees am shot")).toBe("[MEDICAL]");
    expect(redact("and her blood pressure went high")).toBe("and [MEDICAL]");
    expect(redact("the doctor gave her the water tablets")).toMatch(/^the doctor \[MEDICAL\]$/);
    expect(redact("he ain't touched a drop since twenty nineteen")).toBe("he [MEDICAL]");
  });

  it("takes a spot he keeps picking at, one that bleeds when the hat goes on", () => {
    expect(redact("he's got a waxy spot on his ear he keeps picking at")).not.toMatch(
      /waxy|picking/,
    );
    expect(redact("i got a scabby spot on my head that bleeds when i put my hat on")).not.toMatch(
      /scabby|hat on/,
    );
  });

  it("never takes 'healthy' for a name", () => {
    expect(redact("other than that i'm healthy as a horse")).toBe(
      "other than that i'm healthy as a horse",
    );
  });

  it("takes organs taken out said other ways, injections into an eye, a dose before a medicine", () => {
    expect(redact("they took my appendix out in june")).toMatch(/^they \[MEDICAL\]/);
    expect(redact("they took out part of my bowel")).toBe("they [MEDICAL]");
    expect(redact("my spleen was taken out")).toBe("[MEDICAL]");
    expect(redact("i had my left knee replaced")).toBe("i [MEDICAL]");
    expect(redact("so injections in my eye every month")).toBe("so [MEDICAL]");
    expect(redact("and the seventy five aspirin")).toBe("and [MEDICAL]");
    expect(redact("can i book morpheus8 on my acne scars")).toMatch(/morpheus8/);
  });

  it("takes a spot 'on top of my head', one that changed its shape, and 'a t i a'", () => {
    expect(redact("i got a pink bump on top of my ear")).toBe("i [MEDICAL]");
    expect(redact("a mole on my back that changed its colour")).toBe("[MEDICAL]");
    expect(redact("i had a t i a last year")).not.toMatch(/NAME|t i a/);
  });

  it("reads a health answer opened with an endearment, and never takes 'should' for history", () => {
    expect(
      call(
        ["assistant", "Any health changes?"],
        ["caller", "oh hon where do i start i had a heart attack in march so i should be okay"],
      )[1],
    ).toMatch(/^oh hon where do i start i \[MEDICAL\].* should be okay$/);
  });

  it("takes the rest of a code said in the next turn, then an aside", () => {
    const turns = call(
      ["assistant", "Can you read me the code on the card?"],
      ["caller", "okay the code is k d four n"],
      ["caller", "x two he wrote it so small"],
    );
    expect(turns[2]).toBe("[ID] he wrote it so small");
  });

  it("takes a spot an answer opens with, and what it did", () => {
    expect(redact("a red patch on my neck that changed its shape")).toBe("[MEDICAL]");
  });
});

describe("a code continued over turns as smart format writes it", () => {
  it("takes pieces written together, after a lead-in, and never a plain answer", () => {
    const custom = createRedactor({
      rules: [
        { kind: "keyword", value: "gift card code", category: "CUSTOM", redactFollowing: true },
      ],
    });
    const talk = (...turns: [Turn["role"], string][]) =>
      redactConversation(
        custom,
        turns.map(([role, text]) => ({ role, text })),
      ).map((turn) => turn.text);
    expect(talk(["caller", "The gift card code is GC-44"], ["caller", "91-TX."])[1]).toBe(
      "[CUSTOM].",
    );
    expect(
      talk(
        ["assistant", "What's the reference?"],
        ["caller", "It's RX 4 4"],
        ["caller", "And then 7 1 B."],
      ),
    ).toEqual(["What's the reference?", "It's [ID]", "And then [ID]."]);
    expect(
      talk(
        ["assistant", "What's the reference?"],
        ["caller", "it's r x four four"],
        ["caller", "OK."],
      ),
    ).toEqual(["What's the reference?", "it's [ID]", "OK."]);
  });

  it("takes a keyword's value after a comma and a lead-in ('it's, um,')", () => {
    const custom = createRedactor({
      rules: [
        { kind: "keyword", value: "portal password", category: "CUSTOM", redactFollowing: true },
      ],
    });
    expect(custom.redact("The portal password, it's, um, Bluebell77.").text).toBe(
      "The [CUSTOM], it's, um, [CUSTOM].",
    );
    expect(custom.redact("The portal password, I never use it.").text).toBe(
      "The [CUSTOM], I never use it.",
    );
  });

  it("takes an address announced in one sentence from the next only when it looks like one", () => {
    expect(
      redact("I need to change my address. And my phone on my account and move my Botox."),
    ).toBe("I need to change my address. And my phone on my account and move my Botox.");
    expect(redact("I need to change my address. It's 14 Elm Road, Dudley.")).toMatch(
      /It's \[ADDRESS\]/,
    );
  });

  it("takes a baby just had and fed in other words", () => {
    expect(redact("i only had the baby six weeks ago")).toBe("i only [MEDICAL]");
    expect(redact("i still give the breast to my daughter")).toBe("i [MEDICAL]");
    expect(redact("i'm still pumping at night")).toMatch(/^i'm \[MEDICAL\]/);
    expect(redact("the baby shower is next week")).toBe("the baby shower is next week");
  });

  it("takes 'sober N years', the acne capsules, eczema round the eyes, early Parkinson's", () => {
    expect(redact("and i'm sober three years now")).toBe("and i'm [MEDICAL]");
    expect(redact("i was on the acne capsules")).toBe("i [MEDICAL]");
    expect(redact("the steroid cream for the eczema round my eyes")).toBe("[MEDICAL]");
    expect(redact("they've found early Parkinson's")).toBe("they've found [MEDICAL]");
  });

  it("never takes a place written with a capital after 'in' for a person", () => {
    expect(redact("I had a nose job in Athens")).not.toMatch(/NAME/);
    expect(redact("I'll call Athena tomorrow")).toMatch(/NAME/);
  });
});

describe("numbers as the eighteenth set's tuned half said them", () => {
  it("reads British 'treble' as three of a digit", () => {
    expect(
      call(
        ["assistant", "And a mobile?"],
        ["caller", "oh seven seven oh oh nine oh oh treble two"],
      )[1],
    ).toBe("[PHONE]");
  });

  it("takes a card asked for as 'the card to pay with', ohs said alone among its pieces", () => {
    const turns = call(
      ["assistant", "Thank you. And the card to pay with?"],
      ["caller", "four one one one"],
      ["caller", "oh oh oh oh"],
      ["caller", "one two three four five six seven eight"],
    );
    expect(turns.slice(1)).toEqual(["[CARD]", "[CARD]", "[CARD]"]);
    expect(call(["assistant", "Anything else?"], ["caller", "oh oh oh oh"])[1]).toBe("oh oh oh oh");
  });
});

describe("health said sideways, as the eighteenth set's tuned half said it", () => {
  it("takes a mind or body failing, a pregnancy lost, joints that ache, a nodule removed", () => {
    expect(redact("he's a little forgetful now")).toBe("[MEDICAL]");
    expect(redact("i lost a baby at twelve weeks last year")).toMatch(/^i \[MEDICAL\]/);
    expect(redact("my knees ache something awful")).toBe("[MEDICAL]");
    expect(redact("she had her thyroid nodule removed")).toBe("she [MEDICAL]");
    expect(redact("a scaly patch on my scalp that flakes off and comes back")).toBe("[MEDICAL]");
    expect(redact("we lost the booking form")).toBe("we lost the booking form");
  });
});

describe("the everyday-history patterns and their hints", () => {
  it(
    "never match real speech their hint (the word they are guarded by) misses",
    { timeout: 60_000 },
    () => {
      // Each pattern runs only when its hint (same index) matches: a hint out of step with its
      // pattern would silently switch the pattern off. Checked over every whole-call set (this
      // found five: "gastric sleeve", "the minipill", "breastfeeding", "AFib", "liver's knackered").
      const texts = [
        "calls",
        "fresh",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
      ].flatMap((name) => loadCallSet(`eval/redaction/${name}`).turns.map((turn) => turn.text));
      for (const [index, pattern] of DISCLOSURES.entries()) {
        const matching = new RegExp(pattern.source, pattern.flags.replace("g", ""));
        for (const text of texts)
          if (matching.test(text))
            expect(
              DISCLOSURE_HINTS[index]!.test(text),
              `${index}: ${pattern.source.slice(0, 60)}`,
            ).toBe(true);
      }
    },
  );
});
