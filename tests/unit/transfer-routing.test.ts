import { describe, expect, it } from "vitest";

import {
  allowedTransferNumbers,
  chooseTransfer,
  rotaGaps,
  type RoutingConfig,
} from "@/lib/hours/routing";

// New York, EST. 2026-11-30 is a Monday. Open weekdays 09:00–17:00; closed Christmas Day.
const config = (overrides: Partial<RoutingConfig> = {}): RoutingConfig => ({
  schedule: {
    timezone: "America/New_York",
    hours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: "09:00", closes: "17:00" })),
    closures: [{ startsOn: "2026-12-25", endsOn: "2026-12-25", reason: "Christmas Day" }],
  },
  frontDeskNumber: "+15555550100",
  afterHoursMode: "both",
  emergencyNumber: "911",
  rota: [
    { weekday: 1, clinicianName: "Dr Okafor", phoneNumber: "+15555550111" },
    { weekday: 4, clinicianName: "Dr Whitfield", phoneNumber: "+15555550122" },
  ],
  ...overrides,
});
const at = (iso: string) => new Date(iso).getTime();
const ordinary = { urgent: false, emergency: false };
const urgent = { urgent: true, emergency: false };

describe("chooseTransfer", () => {
  it("puts callers through to the front desk while it is open, urgent or not", () => {
    const monday10 = at("2026-11-30T15:00:00Z");
    expect(chooseTransfer(config(), ordinary, monday10)).toMatchObject({
      kind: "front_desk",
      number: "+15555550100",
    });
    expect(chooseTransfer(config(), urgent, monday10)).toMatchObject({ kind: "front_desk" });
  });

  it("puts urgent callers through to that night's clinician after hours, past midnight too", () => {
    // Monday 23:00 and Tuesday 03:00 are Monday night.
    for (const instant of ["2026-12-01T04:00:00Z", "2026-12-01T08:00:00Z"])
      expect(chooseTransfer(config(), urgent, at(instant))).toEqual({
        kind: "on_call",
        number: "+15555550111",
        description: "Dr Okafor (on call)",
        say: "I'm putting you through to Dr Okafor, our clinician on call tonight.",
      });
  });

  it("reaches the on-call clinician on a closure day that is a weekday", () => {
    // Christmas Day 2026 is a Friday: 10:00 is still Thursday night (noon to noon).
    expect(chooseTransfer(config(), urgent, at("2026-12-25T15:00:00Z"))).toMatchObject({
      kind: "on_call",
      number: "+15555550122",
    });
    expect(chooseTransfer(config(), ordinary, at("2026-12-25T15:00:00Z"))).toMatchObject({
      kind: "none",
      reason: "closed",
    });
  });

  it("never transfers emergencies, and says which number to call", () => {
    const choice = chooseTransfer(
      config({ emergencyNumber: "999" }),
      { urgent: true, emergency: true },
      at("2026-11-30T15:00:00Z"),
    );
    expect(choice).toMatchObject({ kind: "none", reason: "emergency" });
    expect(choice.kind === "none" && choice.instruction).toMatch(/call 999 now/);
  });

  it("tells Voxanne what to do when nobody is on call", () => {
    // Tuesday night: nobody on the rota.
    const choice = chooseTransfer(config(), urgent, at("2026-12-02T04:00:00Z"));
    expect(choice).toMatchObject({ kind: "none", reason: "nobody_on_call" });
    expect(choice.kind === "none" && choice.instruction).toMatch(
      /call 911 if it gets worse.*closed until tomorrow 09:00/,
    );
  });

  it("offers what the after-hours mode allows when closed", () => {
    const evening = at("2026-11-30T23:00:00Z");
    const say = (mode: RoutingConfig["afterHoursMode"]) => {
      const choice = chooseTransfer(config({ afterHoursMode: mode }), ordinary, evening);
      return choice.kind === "none" ? choice.instruction : "";
    };
    expect(say("message")).toMatch(/take a message for a call back \(do not book\)/);
    expect(say("book")).toMatch(/book an appointment \(do not take messages\)/);
    expect(say("both")).toMatch(/take a message for a call back, or book an appointment/);
  });

  it("has no front desk to reach when none is set", () => {
    expect(
      chooseTransfer(config({ frontDeskNumber: null }), ordinary, at("2026-11-30T15:00:00Z")),
    ).toMatchObject({ kind: "none", reason: "no_front_desk" });
  });
});

describe("the rota", () => {
  it("names the nights nobody is on call", () => {
    expect(rotaGaps(config().rota)).toEqual([2, 3, 5, 6, 7]);
    expect(rotaGaps([1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday })))).toEqual([]);
  });

  it("allows transfers to the front desk and the rota's numbers only", () => {
    expect([...allowedTransferNumbers(config())].sort()).toEqual([
      "+15555550100",
      "+15555550111",
      "+15555550122",
    ]);
  });
});
