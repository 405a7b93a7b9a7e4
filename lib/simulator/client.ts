import { randomBytes, randomUUID } from "node:crypto";

import { signVapiBody } from "@/lib/vapi/verify";

import type { ToolResult } from "./tool-results";

/**
 * Sends Vapi-shaped server messages to our webhook, signed exactly as Vapi's HMAC credential
 * signs them. Used by `npm run simulate`, the smoke test, the dashboard's "Simulate a call"
 * and the integration tests, so all of them go through the real HTTP endpoint.
 */
export interface SimulatorOptions {
  url: string;
  secret: string;
  clinicNumber: string;
  /** Multiplies the realistic pauses between messages; 0 sends as fast as possible. */
  speed?: number;
  /**
   * Like Vapi with a backoff plan: a 503 or an unreachable server is retried (freshly signed)
   * for up to this many milliseconds. Off by default: tests see every answer as it came.
   */
  retryUnavailableMs?: number;
}

export interface SentMessage {
  status: number;
  body: unknown;
  ms: number;
}

export class SimulatedCall {
  readonly id = `sim-${randomUUID()}`;
  readonly twilioSid = `CA${randomBytes(16).toString("hex")}`;

  constructor(
    private readonly options: SimulatorOptions,
    readonly callerNumber = `+1555${String(Math.floor(1_000_000 + Math.random() * 8_999_999))}`,
  ) {}

  /** The payload `send` posts, for callers that deliver it themselves (late, twice, out of order) with `postSigned`. */
  envelope(type: string, fields: Record<string, unknown> = {}) {
    return {
      message: {
        type,
        timestamp: Date.now(),
        call: {
          id: this.id,
          orgId: "sim-org",
          type: "inboundPhoneCall",
          phoneCallProvider: "twilio",
          phoneCallProviderId: this.twilioSid,
          customer: { number: this.callerNumber },
        },
        phoneNumber: { number: this.options.clinicNumber },
        customer: { number: this.callerNumber },
        ...fields,
      },
    };
  }

  async send(type: string, fields: Record<string, unknown> = {}): Promise<SentMessage> {
    return postSigned(this.options, this.envelope(type, fields));
  }

  status(status: string, extra: Record<string, unknown> = {}) {
    return this.send("status-update", { status, ...extra });
  }

  speech(role: "user" | "assistant", status: "started" | "stopped", turn: number) {
    return this.send("speech-update", { role, status, turn });
  }

  /** One line of live transcript, as Vapi sends it when `transcript` is in the assistant's serverMessages. */
  transcript(
    role: "user" | "assistant",
    transcript: string,
    transcriptType: "partial" | "final" = "final",
  ) {
    return this.send("transcript", { role, transcriptType, transcript });
  }

  /** Calls one tool and returns its parsed result (typed per tool, see tool-results.ts) or error. */
  async tool<N extends string>(
    name: N,
    args: Record<string, unknown>,
  ): Promise<{ ms: number; status: number; result?: ToolResult<N>; error?: string }> {
    const toolCallId = `call_${randomBytes(8).toString("hex")}`;
    const sent = await this.send("tool-calls", {
      toolCallList: [{ id: toolCallId, type: "function", function: { name, arguments: args } }],
    });
    const first = (sent.body as { results?: { result?: string; error?: string }[] })?.results?.[0];
    return {
      ms: sent.ms,
      status: sent.status,
      result: first?.result ? JSON.parse(first.result) : undefined,
      error: first?.error,
    };
  }

  end(endedReason = "customer-ended-call") {
    return this.status("ended", { endedReason });
  }

  report(endedReason: string, transcript: { role: "user" | "bot"; message: string }[]) {
    // A plausible timeline: callers speak for ~2.5 s, the assistant answers 550-850 ms later.
    let clock = Date.now() - transcript.length * 4000;
    const start = clock;
    const messages = transcript.map((line) => {
      const time = clock;
      const endTime = time + 2500;
      clock = endTime + (line.role === "user" ? 550 + Math.round(Math.random() * 300) : 800);
      return {
        role: line.role,
        message: line.message,
        time,
        endTime,
        secondsFromStart: (time - start) / 1000,
      };
    });
    return this.send("end-of-call-report", {
      endedReason,
      startedAt: new Date(start).toISOString(),
      endedAt: new Date().toISOString(),
      artifact: { messages },
      analysis: { summary: "Simulated call." },
    });
  }

  pause(seconds: number) {
    const ms = seconds * 1000 * (this.options.speed ?? 1);
    return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
  }
}

export async function postSigned(
  options: SimulatorOptions,
  payload: unknown,
): Promise<SentMessage> {
  const body = JSON.stringify(payload);
  const started = performance.now();
  const deadline = Date.now() + (options.retryUnavailableMs ?? 0);
  for (;;) {
    const timestamp = String(Date.now());
    let status: number;
    let text: string;
    try {
      const response = await fetch(`${options.url.replace(/\/$/, "")}/api/webhooks/vapi`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-timestamp": timestamp,
          "x-signature": signVapiBody(options.secret, timestamp, body),
        },
        body,
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      if (Date.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
      continue;
    }
    if (status === 503 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      continue;
    }
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // keep the text
    }
    return { status, body: parsed, ms: performance.now() - started };
  }
}
