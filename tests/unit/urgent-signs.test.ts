import { describe, expect, it } from "vitest";

import { recogniseUrgentSigns } from "@/lib/hours/urgent";

describe("recogniseUrgentSigns", () => {
  it.each([
    ["My stitches are bleeding through the dressing", ["bleeding"]],
    ["I had a facelift on Tuesday and now I've got a fever", ["fever"]],
    ["I've got a temperature of 39 and chills", ["fever"]],
    ["The pain is getting worse every hour", ["severe_pain"]],
    ["It's excruciating pain around my eyes", ["severe_pain"]],
    ["The wound has opened up at the back", ["wound_opening"]],
    ["one of the stitches came out and it's gaping", ["wound_opening"]],
    ["I'm struggling to breathe since the surgery", ["breathing"]],
    ["I've got chest pain", ["chest_pain"]],
    ["there's a tightness in my chest and I'm short of breath", ["breathing", "chest_pain"]],
    ["It’s bleeding and I’m feverish", ["bleeding", "fever"]],
  ])("finds the signs in %j", (line, signs) => {
    expect(recogniseUrgentSigns(line).signs).toEqual(signs);
  });

  it.each([
    "I'd like to book a facelift consultation",
    "Is there much bruising after a facelift?",
    "No bleeding, no fever, just a bit sore",
    "I don't have a fever any more",
    "It isn't bleeding now",
    "The pain is fine, thank you",
    "Can I breathe through my nose after rhinoplasty? I mean breathing is fine",
    "Chest lift surgery prices please",
  ])("finds nothing urgent in %j", (line) => {
    expect(recogniseUrgentSigns(line)).toEqual({ signs: [], emergency: false });
  });

  it("calls breathing difficulty, chest pain, heavy bleeding and fainting emergencies", () => {
    expect(recogniseUrgentSigns("I can't breathe properly").emergency).toBe(true);
    expect(recogniseUrgentSigns("I've got pain in my chest").emergency).toBe(true);
    expect(recogniseUrgentSigns("it's bleeding and it won't stop").emergency).toBe(true);
    expect(recogniseUrgentSigns("I feel faint and the wound is bleeding")).toEqual({
      signs: ["bleeding"],
      emergency: true,
    });
    expect(recogniseUrgentSigns("a little bleeding from the stitches").emergency).toBe(false);
    expect(recogniseUrgentSigns("I've got a fever").emergency).toBe(false);
  });
});
