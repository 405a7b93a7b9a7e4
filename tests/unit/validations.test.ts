import { describe, expect, it } from "vitest";

import { navForRole } from "@/config/dashboard";
import { safeNextPath, signInSchema } from "@/lib/validations/auth";
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
    expect(signInSchema.parse({ email: "  Admin@Harbour-Aesthetics.TEST ", password: "x" }).email).toBe("admin@harbour-aesthetics.test");
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
  const titles = (role: "admin" | "receptionist") => navForRole(role).flatMap((group) => group.items.map((item) => item.title));
  it("gives admins every page", () => {
    expect(titles("admin")).toEqual(["Live calls", "Bookings", "Messages", "Procedures", "Aftercare", "Redaction", "Assistant"]);
  });
  it("keeps redaction and assistant settings from receptionists", () => {
    expect(titles("receptionist")).toEqual(["Live calls", "Bookings", "Messages", "Procedures", "Aftercare"]);
  });
});

describe("formatPhone", () => {
  it("formats North American numbers and leaves others alone", () => {
    expect(formatPhone("+15555550199")).toBe("+1 555-555-0199");
    expect(formatPhone("+442071234567")).toBe("+442071234567");
  });
});
