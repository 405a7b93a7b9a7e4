import { describe, expect, it } from "vitest";

import { editDistance, matchProcedureTerms, questionTopics } from "@/lib/procedures/match";

const procedures = [
  {
    id: "facelift",
    name: "Facelift",
    synonyms: ["face lift", "face-lift", "rhytidectomy", "mini facelift", "neck lift"],
  },
  { id: "rhino", name: "Rhinoplasty", synonyms: ["nose job", "nose surgery"] },
  { id: "bleph", name: "Blepharoplasty", synonyms: ["eyelid surgery", "eye lift", "eye bags"] },
  { id: "botox", name: "Botox", synonyms: ["anti-wrinkle injections", "tox"] },
  { id: "tummy", name: "Tummy tuck", synonyms: ["abdominoplasty"] },
];

describe("matchProcedureTerms", () => {
  it.each([
    ["facelift", "facelift"],
    ["I'd like a FACE LIFT please", "facelift"],
    ["face-lift", "facelift"],
    ["rhytidectomy", "facelift"],
    ["facelfit", "facelift"],
    ["rhytidectomey", "facelift"],
    ["how much is a nose job", "rhino"],
    ["rhinoplasy", "rhino"],
    ["can I get botox", "botox"],
    ["something for my eye bags", "bleph"],
    ["a tummytuck", "tummy"],
    ["abdominoplasty", "tummy"],
  ])("%j -> %s", (phrase, id) => {
    expect(matchProcedureTerms(phrase, procedures)?.id).toBe(id);
  });

  it.each(["liposuction", "I want to lift weights", "my nose is blocked", "something for my face"])(
    "does not guess for %j",
    (phrase) => {
      expect(matchProcedureTerms(phrase, procedures)).toBeNull();
    },
  );

  it("never matches a short word to a longer procedure name", () => {
    expect(matchProcedureTerms("my face", procedures)).toBeNull();
    expect(matchProcedureTerms("tax", procedures)).toBeNull();
  });

  it("returns the words that matched", () => {
    expect(matchProcedureTerms("how much does a nose job cost", procedures)?.matchedWords).toEqual([
      "nose",
      "job",
    ]);
  });
});

describe("editDistance", () => {
  it.each([
    ["facelift", "facelift", 0],
    ["facelift", "facelfit", 1],
    ["facelift", "face", 4],
    ["abc", "", 3],
  ])("%s ~ %s = %i", (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });
});

describe("questionTopics", () => {
  it("recognises what kind of question it is", () => {
    expect(questionTopics("How much does it cost?")).toEqual(["price"]);
    expect(questionTopics("how long is the recovery")).toEqual(["recovery"]);
    expect(questionTopics("is it safe, and am I a good candidate")).toEqual(["candidacy", "risks"]);
    expect(questionTopics("tell me about it")).toEqual([]);
  });
});
