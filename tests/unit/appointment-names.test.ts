import { describe, expect, it } from "vitest";

import { firstName, namesMatch, nameWords } from "@/lib/appointments/names";
import type { AssistantSource } from "@/lib/db/assistant";
import { buildAssistant } from "@/lib/vapi/assistant";

describe("namesMatch", () => {
  it("matches the first and last name, whatever the case, accents, titles or middle names", () => {
    expect(namesMatch("jane smith", "Jane Smith")).toBe(true);
    expect(namesMatch("Mrs Jane Smith", "Jane Smith")).toBe(true);
    expect(namesMatch("Jane Alice Smith", "Jane Smith")).toBe(true);
    expect(namesMatch("Jane Smith", "Jane Alice Smith")).toBe(true);
    expect(namesMatch("Zoe Muller", "Zoë Müller")).toBe(true);
    expect(namesMatch("Sean O'Brien", "Seán OBrien")).toBe(true);
    expect(namesMatch("Anna-Lena Berg", "Anna Lena Berg")).toBe(true);
  });

  it("never matches on a first name or a surname alone, or on another name", () => {
    expect(namesMatch("Jane", "Jane Smith")).toBe(false);
    expect(namesMatch("Smith", "Jane Smith")).toBe(false);
    expect(namesMatch("Janet Smith", "Jane Smith")).toBe(false);
    expect(namesMatch("Jane Smyth", "Jane Smith")).toBe(false);
    expect(namesMatch("Smith Jane", "Jane Smith")).toBe(false);
    expect(namesMatch("", "Jane Smith")).toBe(false);
    expect(namesMatch("Dr", "Dr")).toBe(false);
  });

  it("a one-word name on file needs exactly that word", () => {
    expect(namesMatch("Cher", "Cher")).toBe(true);
    expect(namesMatch("Cher Smith", "Cher")).toBe(false);
  });
});

describe("nameWords and firstName", () => {
  it("normalises words and finds the first name past a title", () => {
    expect(nameWords("  Dr. José  García-López ")).toEqual(["jose", "garcia", "lopez"]);
    expect(firstName("Dr. José García")).toBe("José");
    expect(firstName("Jane Smith")).toBe("Jane");
  });
});

describe("the assistant's prompt for changes", () => {
  const source: AssistantSource = {
    clinic: {
      id: "c1a1c000-0000-4000-8000-000000000001",
      name: "Harbour Aesthetics",
      timezone: "America/New_York",
      frontDeskNumber: null,
      settings: {},
      cancellationPolicy: "48 hours' notice, please.",
    },
    procedures: [],
    openingHours: [],
  };
  const prompt = (policy: string) =>
    (
      buildAssistant(
        { ...source, clinic: { ...source.clinic, cancellationPolicy: policy } },
        { serverUrl: "https://app.test/api/webhooks/vapi" },
      ).model as { messages: { content: string }[] }
    ).messages[0]!.content;

  it("tells Voxanne the clinic's cancellation policy and never to read out another person's appointment", () => {
    const text = prompt("48 hours' notice, please.");
    expect(text).toContain(
      "Cancellation policy (read it before cancelling): 48 hours' notice, please.",
    );
    expect(text).toContain("never read out or confirm anyone else's appointment");
    expect(text).toContain("find_appointments");
    expect(prompt("  ")).not.toContain("Cancellation policy (read it");
  });
});
