import { describe, expect, it } from "vitest";

import { parseConversation } from "@/lib/redaction/conversation";
import { createRedactor, redactTranscript } from "@/lib/redaction/redact";
import { checkPattern } from "@/lib/redaction/rules";

const redactor = createRedactor({
  allow: [
    "Facelift",
    "face lift",
    "rhinoplasty",
    "nose job",
    "Botox",
    "Amara Okafor",
    "Harbour Aesthetics",
    "Voxanne",
  ],
});
const redact = (text: string) => redactor.redact(text).text;

describe("built-in detectors", () => {
  it.each([
    ["My number is 555-123-4567", "My number is [PHONE]"],
    ["call me on (555) 201 3344 please", "call me on [PHONE] please"],
    ["it's +1 555 201 3344", "it's [PHONE]"],
    ["five five five, two one three, four four nine eight", "[PHONE]"],
    ["oh seven seven double oh, nine hundred one two three", "[PHONE]"],
    ["my mobile is 07700 900123", "my mobile is [PHONE]"],
    ["email john.smith@gmail.com", "email [EMAIL]"],
    ["my email is jane dot doe at gmail dot com", "my email is [EMAIL]"],
    ["it's j doe eighty four at yahoo dot co dot uk", "it's [EMAIL]"],
    ["my date of birth is March third nineteen eighty two", "my date of birth is [DOB]"],
    ["I was born on 03/03/1982", "I was born on [DOB]"],
    ["the fourteenth of march, 1982", "[DOB]"],
    ["born in nineteen seventy five", "born in [DOB]"],
    ["he'll be sixteen on the second of june", "he'll be sixteen on [DOB]"],
    ["I'm turning 40 on March 3rd", "I'm turning 40 on [DOB]"],
    ["my social is one two three four five six seven eight nine", "my social is [ID]"],
    ["SSN 123-45-6789", "SSN [ID]"],
    ["my member ID is XJH 44291 007", "my member ID is [ID]"],
    ["NHS number four eight five, seven seven seven, three four five six", "NHS number [ID]"],
    ["card number 4111 1111 1111 1111", "card number [CARD]"],
    ["four two four two four two four two four two four two four two four two", "[CARD]"],
    ["I live at 22 Baker Street, apartment 3B", "I live at [ADDRESS]"],
    ["twenty two baker street", "[ADDRESS]"],
    ["postcode SW1A 1AA", "postcode [ADDRESS]"],
    ["zip code nine oh two one oh", "zip code [ADDRESS]"],
    ["my name is Maria Gonzalez and I have diabetes", "my name is [NAME] and I [MEDICAL]"],
    ["it's for my daughter Emily", "it's for my daughter [NAME]"],
    ["Hi, this is Sam Patel", "Hi, this is [NAME]"],
    ["the surname is spelled P-A-T-E-L", "the surname is spelled [NAME]"],
    ["I'm on warfarin and ozempic", "I'm [MEDICAL]"],
    ["I'm breastfeeding at the moment", "[MEDICAL] at the moment"],
  ])("%s", (input, expected) => {
    expect(redact(input)).toBe(expected);
  });
});

describe("business data survives", () => {
  it.each([
    "I'd like to book a facelift consultation with Dr Amara Okafor",
    "How much does a nose job cost? About eight thousand dollars?",
    "Can I come in next Tuesday at ten thirty, or Friday the 4th at 2:15?",
    "Recovery takes two weeks and the result shows at three months.",
    "Thank you for calling Harbour Aesthetics, this is Voxanne.",
    "I'm interested in botox, I'm calling about prices.",
    "The consultation is 30 minutes and costs 150 dollars.",
    "I'll be there on the fourth of august, and the treatment will be 20 minutes on the day.",
  ])("%s", (input) => {
    expect(redact(input)).toBe(input);
  });
});

describe("findings", () => {
  it("gives types and offsets into the original, never the text", () => {
    const input = "call 555-201-3344 now";
    const { findings } = redactor.redact(input);
    expect(findings).toEqual([{ type: "PHONE", start: 5, end: 17 }]);
    expect(JSON.stringify(findings)).not.toContain("3344");
  });
});

describe("names learned anywhere in the call are removed everywhere", () => {
  it("redacts the assistant's 'Thanks, Jane' once the caller gave her name", () => {
    const lines = redactTranscript(redactor, [
      { speaker: "assistant", text: "Thanks Jane, and what's your surname?", at: null },
      { speaker: "user", text: "my name is Jane Whitmore", at: null },
    ]);
    expect(lines.map((line) => line.text)).toEqual([
      "Thanks [NAME], and what's your surname?",
      "my name is [NAME]",
    ]);
  });
});

describe("custom rules", () => {
  const clinic = createRedactor({
    rules: [
      { kind: "keyword", value: "gastric balloon", category: "MEDICAL" },
      { kind: "pattern", value: "\\bHA[- ]?[0-9]{6}\\b", category: "ID" },
    ],
  });
  it("applies keywords as whole words, any case, with plurals and hyphens", () => {
    expect(clinic.redact("Two Gastric-Balloons fitted").text).toBe("[MEDICAL] fitted");
    expect(clinic.redact("gastric ballooning").text).toBe("gastric ballooning");
  });
  it("applies patterns", () => {
    expect(clinic.redact("record HA-204518 please").text).toBe("record [ID] please");
  });
  it("removes the value said after a keyword that asks for it, up to a pause", () => {
    const portal = createRedactor({
      rules: [
        {
          kind: "keyword",
          value: "patient portal password",
          category: "CUSTOM",
          redactFollowing: true,
        },
        { kind: "keyword", value: "memorable word", category: "ID", redactFollowing: true },
      ],
    });
    const cases: [string, string][] = [
      ["My patient portal password is hunter2", "My [CUSTOM] is [CUSTOM]"],
      [
        "my patient portal password is hunter two and my email is on file",
        "my [CUSTOM] is [CUSTOM] and my email is on file",
      ],
      ["patient portal password: Tr0ub4dor&3, thanks", "[CUSTOM]: [CUSTOM], thanks"],
      ["the patient portal password's um h u n t e r two okay", "the [CUSTOM]'s um [CUSTOM] okay"],
      ["I forgot my patient portal password.", "I forgot my [CUSTOM]."],
      ["memorable word is Bluebell. Is that right?", "[ID] is [ID]. Is that right?"],
    ];
    for (const [input, stored] of cases) expect(portal.redact(input).text).toBe(stored);
    // Without the flag only the keyword goes, as before...
    expect(
      createRedactor({
        rules: [{ kind: "keyword", value: "loyalty code", category: "ID" }],
      }).redact("loyalty code is bluebell").text,
    ).toBe("[ID] is bluebell");
    // ...except a credential, whose value is removed with no rule at all.
    expect(createRedactor().redact("my memorable word is bluebell").text).toBe(
      "my memorable word is [ID]",
    );
  });
  it("matches a keyword in its possessive", () => {
    expect(clinic.redact("the gastric balloon's removal").text).toBe("[MEDICAL]'s removal");
  });
  it("refuses patterns RE2 cannot run or that match nothing", () => {
    expect(checkPattern("(a)\\1")).toMatchObject({ ok: false });
    expect(checkPattern("x*")).toMatchObject({ ok: false, error: expect.stringMatching(/empty/) });
    expect(checkPattern("(a+")).toMatchObject({ ok: false });
    expect(checkPattern("\\bHA-\\d{6}\\b")).toEqual({ ok: true });
  });
  it("anchors only at the text's own start and end, not at the windows a long text is scanned in", () => {
    const redactor = createRedactor({
      rules: [
        { kind: "pattern", value: "^ab\\d", category: "ID" },
        { kind: "pattern", value: "zz\\d$", category: "ID" },
        { kind: "pattern", value: "\\bQ\\d+", category: "ID" },
      ],
    });
    // 60,000 characters on one line, scanned in 20,000-character windows: every window starts
    // on "ab1" and ends just after "zz9", yet neither is the text's start or end.
    const filler = (n: number) => "ab1 --.zz9".repeat(n);
    const text = `ab7 -----.${filler(5_999)}Q${"1".repeat(250)} end zz3`;
    const { findings } = redactor.redact(text);
    const found = findings.map((finding) => text.slice(finding.start, finding.end));
    expect(found).toEqual(["ab7", `Q${"1".repeat(250)}`, "zz3"]);
  });

  it("runs even a pathological pattern in linear time", () => {
    const evil = createRedactor({
      rules: [{ kind: "pattern", value: "(a+)+$", category: "CUSTOM" }],
    });
    // A backtracking engine would not finish this in the lifetime of the machine (2^30000
    // paths); RE2 answers at once. No stopwatch: the test's timeout is the only clock, and a
    // generous one, so a busy CI machine cannot fail it.
    const text = `${"a".repeat(30_000)}!`;
    expect(evil.redact(text).text.endsWith("a!")).toBe(true);
    expect(evil.redact("caaa").text).toBe("c[CUSTOM]");
  }, 60_000);
});

describe("a pasted conversation (the admin tester)", () => {
  it("reads speaker-labelled lines as turns, continuation lines as the same turn", () => {
    expect(
      parseConversation("Voxanne: Your name?\nCaller: jane\ndoe\nPatient: thanks\nAssistant: bye"),
    ).toEqual([
      { role: "assistant", text: "Your name?" },
      { role: "caller", text: "jane doe" },
      { role: "caller", text: "thanks" },
      { role: "assistant", text: "bye" },
    ]);
    expect(parseConversation("just one line, no speakers")).toBeNull();
  });
});
