import { describe, expect, it } from "vitest";

import { navForRole } from "@/config/dashboard";
import { safeNextPath, signInSchema } from "@/lib/validations/auth";
import { resolveDateRange } from "@/lib/validations/date-range";
import { formatPhone } from "@/components/dashboard/format";

describe("safeNextPath", () => {
  it.each([
    [undefined, "/"],
    ["", "/"],
    ["/bookings", "/bookings"],
    ["/calls/123?tab=timeline", "/calls/123?tab=timeline"],
    ["//evil.example/x", "/"],
    ["/\\evil.example", "/"],
    ["https://evil.example", "/"],
    ["javascript:alert(1)", "/"],
  ])("%s -> %s", (input, expected) => {
    expect(safeNextPath(input)).toBe(expected);
  });
});

describe("signInSchema", () => {
  it("normalises the email", () => {
    expect(
      signInSchema.parse({ email: "  Admin@Harbour-Aesthetics.TEST ", password: "x" }).email,
    ).toBe("admin@harbour-aesthetics.test");
  });
  it("explains what is wrong", () => {
    const result = signInSchema.safeParse({ email: "nope", password: "" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      "Enter the email address you sign in with",
      "Enter your password",
    ]);
  });
});

describe("navigation by role", () => {
  const titles = (role: "admin" | "receptionist") =>
    navForRole(role).flatMap((group) => group.items.map((item) => item.title));
  it("gives admins every page", () => {
    expect(titles("admin")).toEqual([
      "Diary",
      "Live calls",
      "Bookings",
      "Messages",
      "Patients",
      "Latency",
      "Insights",
      "Procedures",
      "Diary setup",
      "Aftercare",
      "Redaction",
      "Assistant",
      "Privacy",
      "Staff",
      "Setup",
    ]);
  });
  it("keeps redaction, assistant and privacy settings from receptionists", () => {
    expect(titles("receptionist")).toEqual([
      "Diary",
      "Live calls",
      "Bookings",
      "Messages",
      "Patients",
      "Latency",
      "Insights",
      "Procedures",
      "Diary setup",
      "Aftercare",
    ]);
  });
});

describe("formatPhone", () => {
  it("formats North American numbers and leaves others alone", () => {
    expect(formatPhone("+15555550199")).toBe("+1 555-555-0199");
    expect(formatPhone("+442071234567")).toBe("+442071234567");
  });
});

describe("resolveDateRange", () => {
  // 01:30 UTC on 3 March is still 2 March in New York.
  const now = new Date("2026-03-03T01:30:00Z");
  it.each([
    [{}, { from: "2026-02-17", to: "2026-03-02" }],
    [
      { from: "2026-02-01", to: "2026-02-10" },
      { from: "2026-02-01", to: "2026-02-10" },
    ],
    [{ from: "2026-02-20" }, { from: "2026-02-20", to: "2026-03-02" }],
    [{ to: "2026-02-10" }, { from: "2026-01-28", to: "2026-02-10" }],
    [
      { from: "2026-02-10", to: "2026-02-01" },
      { from: "2026-02-01", to: "2026-02-10" },
    ],
    [
      { from: "2026-02-30", to: "nope" },
      { from: "2026-02-17", to: "2026-03-02" },
    ],
    [{ from: ["2026-02-01", "x"] }, { from: "2026-02-17", to: "2026-03-02" }],
    [
      { from: "2025-01-01", to: "2026-03-02" },
      { from: "2025-12-01", to: "2026-03-02" },
    ],
  ])("%j -> %j", (params, expected) => {
    expect(resolveDateRange(params, "America/New_York", now)).toEqual(expected);
  });
});
