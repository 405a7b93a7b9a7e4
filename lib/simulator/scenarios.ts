import { SimulatedCall, type SimulatorOptions } from "./client";

export interface ScenarioStep {
  step: string;
  status: number;
  ms: number;
  detail?: string;
}

export interface ScenarioRun {
  scenario: ScenarioName;
  vapiCallId: string;
  steps: ScenarioStep[];
}

type Log = (step: ScenarioStep) => void;

async function opening(
  call: SimulatedCall,
  record: (step: string, sent: { status: number; ms: number }, detail?: string) => void,
) {
  record("assistant-request", await call.send("assistant-request"));
  record("ringing", await call.status("ringing"));
  await call.pause(1);
  record("in-progress", await call.status("in-progress"));
  record("assistant greets", await call.speech("assistant", "started", 0));
  await call.pause(3);
  record("caller speaks", await call.speech("user", "started", 1));
  await call.pause(2);
  record("caller pauses", await call.speech("user", "stopped", 1));
  await call.pause(0.65);
  record("assistant answers", await call.speech("assistant", "started", 2));
}

const SCENARIOS = {
  /** Asks about a facelift (or the clinic's procedure), books a consultation, hangs up happy. */
  async books(call, record, caller) {
    const procedure = caller.procedure ?? "facelift";
    await opening(call, record);
    const lookup = await call.tool("lookup_procedure", {
      query: `How long is recovery from a ${procedure}?`,
    });
    record(
      "lookup_procedure",
      lookup,
      lookup.result?.found ? lookup.result.procedure?.name : lookup.error,
    );
    await call.pause(4);
    const availability = await call.tool("check_availability", {
      procedure,
      partOfDay: "morning",
    });
    const slots = availability.result?.slots ?? [];
    record("check_availability", availability, `${slots.length} slots`);
    await call.pause(5);
    let slot = slots[0];
    if (!slot) return;
    let hold = await call.tool("hold_slot", { slotId: slot.slotId });
    record(
      "hold_slot",
      hold,
      hold.result?.held ? `held ${slot.label}` : String(hold.result?.reason),
    );
    // Someone else took it a moment ago: the assistant offers the alternatives and the caller takes the first.
    const alternative = hold.result?.alternatives?.[0];
    if (!hold.result?.held && alternative) {
      slot = alternative;
      hold = await call.tool("hold_slot", { slotId: slot.slotId });
      record(
        "hold_slot (alternative)",
        hold,
        hold.result?.held ? `held ${slot.label}` : String(hold.result?.reason),
      );
    }
    await call.pause(8);
    const booking = await call.tool("confirm_booking", {
      slotId: slot.slotId,
      patientName: "Jane Doe",
      procedure,
    });
    record(
      "confirm_booking",
      booking,
      booking.result?.booked ? "booked" : String(booking.result?.reason),
    );
    await call.pause(4);
    record("ended", await call.end("customer-ended-call"));
    record(
      "end-of-call-report",
      await call.report("customer-ended-call", [
        {
          role: "bot",
          message:
            "Thank you for calling Harbour Aesthetics. This is Voxanne, the clinic's AI assistant. How can I help you today?",
        },
        {
          role: "user",
          message: "Hi, I'd like to book a facelift consultation. My name is Jane Doe.",
        },
        {
          role: "bot",
          message:
            "Lovely, Jane. How long is recovery? Most people are back to light activities in about two weeks.",
        },
        {
          role: "user",
          message:
            "Great. I'm on warfarin, is that a problem? You can reach me on five five five, two one three, four four nine eight.",
        },
        {
          role: "bot",
          message:
            "Thanks Jane. The surgeon will go through your medication at the consultation. I've booked Monday at 9:00 AM with Dr Amara Okafor.",
        },
      ]),
    );
  },

  /** Asks about a facelift, hears the times, does not book: the aftercare follow-up case. */
  async "mentions-facelift-no-booking"(call, record) {
    await opening(call, record);
    const lookup = await call.tool("lookup_procedure", { query: "face lift" });
    record("lookup_procedure", lookup, lookup.result?.found ? "Facelift" : lookup.error);
    await call.pause(5);
    const availability = await call.tool("check_availability", { procedure: "facelift" });
    record("check_availability", availability);
    await call.pause(4);
    record("ended", await call.end("customer-ended-call"));
    record(
      "end-of-call-report",
      await call.report("customer-ended-call", [
        {
          role: "user",
          message: "I'm thinking about a facelift, I'll call back when I've decided.",
        },
      ]),
    );
  },

  /** Holds a time, then the line drops before confirming: the hold must be released at once. */
  async "drops-during-hold"(call, record) {
    await opening(call, record);
    const availability = await call.tool("check_availability", { procedure: "botox" });
    const slot = availability.result?.slots[0];
    record("check_availability", availability);
    if (!slot) return;
    const hold = await call.tool("hold_slot", { slotId: slot.slotId });
    record("hold_slot", hold, hold.result?.held ? "held" : String(hold.result?.reason));
    await call.pause(3);
    record("line drops", await call.end("customer-ended-call"));
    record(
      "end-of-call-report",
      await call.report("customer-ended-call", [
        { role: "user", message: "Yes, that time works, my name is—" },
      ]),
    );
  },

  /** Asks for a person; the assistant transfers to the front desk. */
  async "asks-for-human"(call, record) {
    await opening(call, record);
    record("forwarding", await call.status("forwarding"));
    await call.pause(2);
    record("ended", await call.end("assistant-forwarded-call"));
    record(
      "end-of-call-report",
      await call.report("assistant-forwarded-call", [
        { role: "user", message: "Can I speak to a person please?" },
      ]),
    );
  },

  /**
   * A post-operative patient calls with bleeding and a fever: the server flags the call from the
   * transcript, and the transfer goes where the clinic's hours and rota say at this moment (the
   * front desk while open, the clinician on call at night); with nobody to take it, Voxanne
   * takes an urgent message.
   */
  async "after-hours-urgent"(call, record) {
    await opening(call, record);
    const said = "I had a facelift on Monday, the wound is bleeding and I've got a fever";
    record("caller: urgent signs", await call.transcript("user", said));
    const transfer = await call.send("transfer-destination-request");
    const reply = transfer.body as { destination?: { number: string; description?: string } };
    record(
      "transfer-destination-request",
      transfer,
      reply.destination ? `to ${reply.destination.description}` : "no transfer",
    );
    if (reply.destination) {
      record(
        "transfer-update",
        await call.send("transfer-update", { destination: reply.destination }),
      );
      await call.pause(2);
      record("ended", await call.end("assistant-forwarded-call"));
    } else {
      const message = await call.tool("take_message", { message: said, urgent: true });
      record("take_message", message, message.result?.urgent ? "urgent" : message.error);
      await call.pause(2);
      record("ended", await call.end("customer-ended-call"));
    }
    record(
      "end-of-call-report",
      await call.report(reply.destination ? "assistant-forwarded-call" : "customer-ended-call", [
        { role: "user", message: said },
      ]),
    );
  },

  /** Asks for the front desk; nobody answers the warm transfer, so Voxanne takes a message. */
  async "transfer-unanswered"(call, record) {
    await opening(call, record);
    record(
      "caller asks for a person",
      await call.transcript("user", "Could I speak to someone at reception please?"),
    );
    const transfer = await call.send("transfer-destination-request");
    const reply = transfer.body as { destination?: { number: string; description?: string } };
    record(
      "transfer-destination-request",
      transfer,
      reply.destination ? `to ${reply.destination.description}` : "no transfer",
    );
    if (reply.destination)
      record(
        "transfer-update",
        await call.send("transfer-update", { destination: reply.destination }),
      );
    await call.pause(5);
    // Vapi's fallbackPlan: back to Voxanne, who takes a message.
    record("assistant back on the line", await call.speech("assistant", "started", 3));
    const message = await call.tool("take_message", {
      message: "Please call me back about moving my consultation",
      callerName: "Jane Doe",
    });
    record("take_message", message, message.result?.taken ? "taken" : message.error);
    record("ended", await call.end("customer-ended-call"));
    record(
      "end-of-call-report",
      await call.report("customer-ended-call", [
        { role: "user", message: "Could I speak to someone at reception please?" },
        { role: "bot", message: "Nobody could pick up just now. I'll take a message." },
        { role: "user", message: "Please call me back about moving my consultation." },
      ]),
    );
  },

  /**
   * Asks for the front desk and hangs up while the transfer rings: nobody answered and no
   * message was left, so the caller gets a call-back task (Vapi's endedReason
   * `customer-ended-call-during-transfer`). While the clinic is closed there is no transfer to
   * ring, so the call just ends.
   */
  async "transfer-hangup"(call, record) {
    await opening(call, record);
    const said = "Can you put me through to reception?";
    record("caller asks for a person", await call.transcript("user", said));
    const transfer = await call.send("transfer-destination-request");
    const reply = transfer.body as { destination?: { number: string; description?: string } };
    record(
      "transfer-destination-request",
      transfer,
      reply.destination ? `to ${reply.destination.description}` : "no transfer",
    );
    if (reply.destination)
      record(
        "transfer-update",
        await call.send("transfer-update", { destination: reply.destination }),
      );
    await call.pause(5);
    const reason = reply.destination
      ? "customer-ended-call-during-transfer"
      : "customer-ended-call";
    record("ended", await call.end(reason));
    record("end-of-call-report", await call.report(reason, [{ role: "user", message: said }]));
  },

  /** Leaves a message (voicemail): it becomes a call-back task with the message, redacted. */
  async voicemail(call, record) {
    await opening(call, record);
    const message = await call.tool("take_message", {
      message: "Hi, it's Sam, please call me back on 555 213 4498 about laser hair removal prices",
      callerName: "Sam Carter",
    });
    record("take_message", message, message.result?.taken ? "taken" : message.error);
    record("ended", await call.end("customer-ended-call"));
    record(
      "end-of-call-report",
      await call.report("customer-ended-call", [
        { role: "user", message: "Can I leave a message for someone to call me back?" },
      ]),
    );
  },
} satisfies Record<
  string,
  (
    call: SimulatedCall,
    record: (step: string, sent: { status: number; ms: number }, detail?: string) => void,
    caller: ScenarioCaller,
  ) => Promise<void>
>;

/** What the simulated caller asks for; defaults suit the seeded Harbour clinic. */
export interface ScenarioCaller {
  /** The procedure the booking caller wants (default "facelift"). */
  procedure?: string;
}

export type ScenarioName = keyof typeof SCENARIOS;
export const SCENARIO_NAMES = Object.keys(SCENARIOS) as ScenarioName[];

export async function runScenario(
  name: ScenarioName,
  options: SimulatorOptions,
  log?: Log,
  caller: ScenarioCaller = {},
): Promise<ScenarioRun> {
  const call = new SimulatedCall(options);
  const steps: ScenarioStep[] = [];
  await SCENARIOS[name](
    call,
    (step, sent, detail) => {
      const entry = { step, status: sent.status, ms: Math.round(sent.ms * 10) / 10, detail };
      steps.push(entry);
      log?.(entry);
    },
    caller,
  );
  return { scenario: name, vapiCallId: call.id, steps };
}
