import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const run = (input: string, args: string[] = []) =>
  spawnSync(
    path.resolve("node_modules/.bin/tsx"),
    ["--conditions=react-server", "scripts/redact.ts", ...args],
    {
      input,
      encoding: "utf8",
    },
  );

// Each case starts real `tsx` processes (1-3 s each when idle, several times that on a loaded
// 2-core CI machine): the budget is for a busy machine, nothing here measures speed.
describe("npm run redact", { timeout: 60_000 }, () => {
  it("answers each JSON line with its redaction, in order, with findings as types and offsets", () => {
    const result = run(
      `${JSON.stringify({ text: "call me on 555-201-3344" })}\n\n${JSON.stringify({ text: "nothing to hide here" })}\n`,
    );
    expect(result.status).toBe(0);
    expect(
      result.stdout
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line)),
    ).toEqual([
      { text: "call me on [PHONE]", findings: [{ type: "PHONE", start: 11, end: 23 }] },
      { text: "nothing to hide here", findings: [] },
    ]);
  });

  it("adds keywords and patterns from a rules file", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "redact-cli-"));
    const rules = path.join(dir, "rules.json");
    writeFileSync(
      rules,
      JSON.stringify({
        keywords: ["gold card"],
        patterns: [{ value: "\\bHA-\\d{6}\\b", category: "ID" }],
      }),
    );
    const result = run(`${JSON.stringify({ text: "my Gold Card and record HA-204518" })}\n`, [
      "--rules",
      rules,
    ]);
    expect(JSON.parse(result.stdout)).toMatchObject({ text: "my [CUSTOM] and record [ID]" });
  });

  it("redacts consecutive lines of one call as a conversation, and keeps the order", () => {
    const lines = [
      { call: "a", role: "assistant", text: "And your date of birth?" },
      { call: "a", role: "caller", text: "fourth of march seventy one" },
      { text: "a line on its own: fourth of march" },
      { call: "b", role: "caller", text: "my number is oh seven seven double oh" },
      { call: "b", role: "caller", text: "nine hundred one two three" },
    ];
    const result = run(`${lines.map((line) => JSON.stringify(line)).join("\n")}\n`);
    expect(result.status).toBe(0);
    expect(
      result.stdout
        .trim()
        .split("\n")
        .map((line) => (JSON.parse(line) as { text: string }).text),
    ).toEqual([
      "And your date of birth?",
      "[DOB]",
      // On its own, a date without a year and no question before it is no date of birth.
      "a line on its own: fourth of march",
      "my number is [PHONE]",
      "[PHONE]",
    ]);
  });

  it("keeps the words of an allow file", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "redact-cli-"));
    const allow = path.join(dir, "allow.txt");
    writeFileSync(allow, "# our staff\nTamsin Vale\n");
    const text = JSON.stringify({ text: "I saw Tamsin Vale last week" });
    expect(JSON.parse(run(`${text}\n`).stdout)).toMatchObject({ text: "I saw [NAME] last week" });
    expect(JSON.parse(run(`${text}\n`, ["--allow", allow]).stdout)).toMatchObject({
      text: "I saw Tamsin Vale last week",
    });
  });

  it("rejects bad input and bad patterns with a clear message", () => {
    expect(run(`${JSON.stringify({ call: "a", role: "doctor", text: "hi" })}\n`)).toMatchObject({
      status: 2,
      stderr: expect.stringMatching(/line 1 needs/),
    });
    expect(run("not json\n")).toMatchObject({
      status: 2,
      stderr: expect.stringMatching(/line 1 is not JSON/),
    });
    const dir = mkdtempSync(path.join(os.tmpdir(), "redact-cli-"));
    writeFileSync(path.join(dir, "rules.json"), JSON.stringify({ patterns: ["(a)\\1"] }));
    expect(run("", ["--rules", path.join(dir, "rules.json")])).toMatchObject({
      status: 2,
      stderr: expect.stringMatching(/Not a valid pattern/),
    });
  });
});
