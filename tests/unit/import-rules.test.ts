import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The one-way data flow of eslint.config.mjs: app/ → components/ → hooks/ → lib/, never back up.
const eslint = new ESLint();
const restricted = async (filePath: string, source: string) => {
  const [result] = await eslint.lintText(`${source}\nexport const used = x;\n`, { filePath });
  return result!.messages.filter((message) => message.ruleId === "no-restricted-imports").length;
};

describe("import rules", { timeout: 60_000 }, () => {
  it.each([
    ["components/bookings/x.tsx", 'import { x } from "@/app/(dashboard)/bookings/page";'],
    ["components/bookings/x.tsx", 'import { x } from "../../app/(dashboard)/layout";'],
    ["tests/unit/x.ts", 'import type { x } from "@/app/api/health/route";'],
    ["lib/bookings/x.ts", 'import { x } from "@/components/ui/button";'],
    ["lib/bookings/x.ts", 'import { x } from "../../components/providers";'],
    ["lib/bookings/x.ts", 'export { x } from "@/app/(auth)/login/page";'],
    ["hooks/x.ts", 'import { x } from "../components/providers";'],
  ])("refuses %s: %s", async (file, source) => {
    expect(await restricted(file, source)).toBe(1);
  });

  it.each([
    ["app/(dashboard)/x.tsx", 'import { x } from "@/app/(auth)/login/page";'],
    ["app/(dashboard)/x.tsx", 'import { x } from "@/components/ui/button";'],
    ["components/bookings/x.tsx", 'import { x } from "@/components/ui/button";'],
    ["components/bookings/x.tsx", 'import { x } from "@/lib/actions/bookings";'],
    ["hooks/x.ts", 'import { x } from "@/lib/realtime/provider";'],
    ["lib/bookings/x.ts", 'import { x } from "../db/bookings";'],
  ])("allows %s: %s", async (file, source) => {
    expect(await restricted(file, source)).toBe(0);
  });
});
