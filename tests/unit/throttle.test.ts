import { describe, expect, it } from "vitest";

import { clientAddress, throttledMessage, waitFor } from "@/lib/auth/throttle";

describe("sign-in throttling's sentences", () => {
  const now = new Date("2026-12-01T10:00:00Z");
  const after = (seconds: number) => new Date(now.getTime() + seconds * 1000);

  it("says how long to wait, rounded up", () => {
    expect(waitFor(after(0.2), now)).toBe("1 second");
    expect(waitFor(after(29.1), now)).toBe("30 seconds");
    expect(waitFor(after(60), now)).toBe("1 minute");
    expect(waitFor(after(61), now)).toBe("2 minutes");
    expect(waitFor(after(-5), now)).toBe("1 second");
    expect(throttledMessage(after(240), now)).toBe(
      "Too many failed sign-in attempts. Wait 4 minutes and try again.",
    );
  });

  it("takes the client's address from the first forwarded entry", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.9, 10.0.0.1" }))).toBe(
      "203.0.113.9",
    );
    expect(clientAddress(new Headers({ "x-real-ip": "198.51.100.2" }))).toBe("198.51.100.2");
    expect(clientAddress(new Headers())).toBe("unknown");
  });
});
