import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// lib/db imports only itself, lib/env and types/ (the lib/db block of eslint.config.mjs).
const eslint = new ESLint();
const refused = async (source: string) => {
  const [result] = await eslint.lintText(`${source}\nexport const used = x;\n`, {
    filePath: "lib/db/x.ts",
  });
  return result!.messages.filter((message) => message.ruleId === "no-restricted-imports").length;
};

describe("what lib/db may import", { timeout: 60_000 }, () => {
  it.each([
    'import { x } from "@/lib/call-flow/machine";',
    'import type { x } from "@/lib/auth/claims";',
    'import type { x } from "@/lib/follow-up/plan";',
    'import { x } from "@/lib/api/errors";',
    'import { x } from "@/components/ui/button";',
    'import { x } from "@/app/(dashboard)/layout";',
    'import { x } from "../redaction/types";',
    'export { x } from "@/lib/twilio/sms-status";',
  ])("refuses %s", async (source) => {
    expect(await refused(source)).toBe(1);
  });

  it.each([
    'import { x } from "./transaction";',
    'import { x } from "@/lib/db/errors";',
    'import { x } from "@/lib/env";',
    'import type { x } from "@/types/call-states";',
    'import { x } from "pg";',
  ])("allows %s", async (source) => {
    expect(await refused(source)).toBe(0);
  });
});
