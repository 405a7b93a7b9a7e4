import { describe, expect, it } from "vitest";

import { navForRole } from "@/config/dashboard";
import { safeNextPath, signInSchema } from "@/lib/validations/auth";
import { resolveDateRange } from "@/lib/validations/date-range";
import {
  acceptNewAccountSchema,
  changeRoleSchema,
  inviteStaffSchema,
} from "@/lib/validations/staff";

describe("safeNextPath", () => {
  const APP = "https://app.example.com";
  it.each([
    [undefined, "/"],
    ["", "/"],
    ["/bookings", "/bookings"],
    ["/calls/123?tab=timeline", "/calls/123?tab=timeline"],
    ["//evil.example/x", "/"],
    ["/\\evil.example", "/"],
    ["https://evil.example", "/"],
    ["javascript:alert(1)", "/"],
    // Browsers strip tabs and newlines from URLs: "/\t/attacker.example" becomes
    // "//attacker.example", another origin (the review's finding).
    ["/\t/attacker.example", "/"],
    [decodeURIComponent("%2F%09%2Fattacker.example"), "/"],
    ["/\n/attacker.example", "/"],
    ["/\r\n/attacker.example", "/"],
    ["/\u0000/attacker.example", "/"],
    ["/\u007f/x", "/"],
    ["/ /attacker.example", "/"],
    ["/\u00a0/attacker.example", "/"],
    ["/\u2028/attacker.example", "/"],
    ["/%2F/attacker.example", "/%2F/attacker.example"],
    ["/bookings#today", "/bookings#today"],
    ["/../../etc", "/etc"],
    ["https://app.example.com/bookings", "/"],
    ["/\\/attacker.example", "/"],
  ])("%j -> %s", (input, expected) => {
    expect(safeNextPath(input, APP)).toBe(expected);
  });
  it("keeps the result on APP_URL's origin", () => {
    for (const input of ["/calls", "/a?b=c", "/x/../../y"]) {
      expect(new URL(safeNextPath(input, APP), APP).origin).toBe(APP);
    }
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
      "Call history",
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
  it("keeps redaction, assistant, privacy settings and staff from receptionists", () => {
    expect(titles("receptionist")).toEqual([
      "Diary",
      "Live calls",
      "Call history",
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

describe("staff management input", () => {
  it("accepts an email with a role, and refuses a bad email or an unknown role in sentences", () => {
    expect(inviteStaffSchema.parse({ email: " New@Clinic.com ", role: "receptionist" })).toEqual({
      email: "new@clinic.com",
      role: "receptionist",
    });
    const badEmail = inviteStaffSchema.safeParse({ email: "not-an-email", role: "admin" });
    expect(badEmail.error?.issues[0]?.message).toBe(
      "Enter a valid email address, like name@clinic.com.",
    );
    const badRole = changeRoleSchema.safeParse({
      userId: "a11ce000-0000-4000-8000-000000000001",
      role: "owner",
    });
    expect(badRole.error?.issues[0]?.message).toBe("Choose a role: admin or receptionist.");
  });

  it("wants a name and the same password of 10 to 72 bytes, typed twice", () => {
    const ok = { name: "Nia", password: "long-enough-1", confirm: "long-enough-1" };
    expect(acceptNewAccountSchema.safeParse(ok).success).toBe(true);
    const messages = (input: object) =>
      acceptNewAccountSchema.safeParse(input).error?.issues.map((issue) => issue.message);
    expect(messages({ ...ok, name: "  " })).toEqual(["Enter your name."]);
    expect(messages({ ...ok, password: "short", confirm: "short" })).toEqual([
      "Use at least 10 characters for your password.",
    ]);
    expect(messages({ ...ok, password: "é".repeat(40), confirm: "é".repeat(40) })).toEqual([
      "Use at most 72 bytes (about 72 letters) for your password.",
    ]);
    expect(messages({ ...ok, confirm: "something-else" })).toEqual([
      "The two passwords differ. Type the same password twice.",
    ]);
  });
});
