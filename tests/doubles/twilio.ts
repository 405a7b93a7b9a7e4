/**
 * A local double of Twilio's Messages API, for exercising the real twilio SDK: accepts
 * POST /2010-04-01/Accounts/:sid/Messages.json, answers like Twilio (201 with a MessageSid, or
 * Twilio's error JSON), and reports delivery to the StatusCallback with a valid
 * X-Twilio-Signature. Tests switch its behaviour over HTTP:
 *   POST /__mode {"mode": "ok" | "fail500" | "timeout" | "accept-timeout" | "unsubscribed"}
 *     timeout: the request is never answered and nothing is sent; accept-timeout: the message
 *     is accepted (and listed) but the request is never answered, like Twilio answering too late
 *   GET  /__messages   every message it accepted
 * It also lists messages as Twilio does (GET .../Messages.json?To=&From=, newest first), which
 * the sender uses to look for an earlier attempt before retrying.
 * A test that owns its double can also pass `onMessage`: it runs once a message is accepted and
 * before the answer, so a test can crash the sender at exactly that moment.
 */
import { randomBytes } from "node:crypto";
import http from "node:http";
import twilio from "twilio";

export type TwilioMode = "ok" | "fail500" | "timeout" | "accept-timeout" | "unsubscribed";

export interface TwilioDoubleMessage {
  sid: string;
  to: string;
  from: string;
  body: string;
  statusCallback?: string;
  /** When the double accepted it (Date.now()): "handed to the sender". */
  receivedAt: number;
}

export interface TwilioDoubleOptions {
  authToken: string;
  /** Awaited after a message is accepted, before answering; "no-answer" drops the connection instead (no callbacks either). */
  onMessage?: (message: TwilioDoubleMessage) => Promise<"answer" | "no-answer">;
}

export async function startTwilioDouble(options: TwilioDoubleOptions) {
  let mode: TwilioMode = "ok";
  const messages: TwilioDoubleMessage[] = [];
  const held: http.ServerResponse[] = [];

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.url === "/__mode" && req.method === "POST") {
      mode = JSON.parse(raw).mode;
      return json(200, { mode });
    }
    if (req.url === "/__messages") return json(200, messages);
    const url = new URL(req.url ?? "/", "http://double");
    if (
      /^\/2010-04-01\/Accounts\/AC[0-9a-f]{32}\/Messages\.json$/.test(url.pathname) &&
      req.method === "GET"
    ) {
      const to = url.searchParams.get("To");
      const from = url.searchParams.get("From");
      const pageSize = Number(url.searchParams.get("PageSize") ?? 50);
      const listed = messages
        .filter((message) => (!to || message.to === to) && (!from || message.from === from))
        .reverse()
        .slice(0, pageSize);
      return json(200, {
        messages: listed.map((message) => ({
          sid: message.sid,
          to: message.to,
          from: message.from,
          body: message.body,
          status: "sent",
          direction: "outbound-api",
          date_created: new Date(message.receivedAt).toUTCString(),
          num_segments: "1",
        })),
        first_page_uri: url.pathname,
        next_page_uri: null,
        previous_page_uri: null,
        page: 0,
        page_size: pageSize,
        start: 0,
        end: listed.length - 1,
        uri: url.pathname,
      });
    }
    if (
      !/^\/2010-04-01\/Accounts\/AC[0-9a-f]{32}\/Messages\.json$/.test(url.pathname) ||
      req.method !== "POST"
    ) {
      return json(404, {
        code: 20404,
        message: "The requested resource was not found",
        status: 404,
      });
    }
    if (mode === "timeout") {
      held.push(res); // never answered: the SDK's timeout fires
      return;
    }
    if (mode === "fail500")
      return json(500, { code: 20500, message: "Internal Server Error", status: 500 });
    if (mode === "unsubscribed") {
      return json(400, {
        code: 21610,
        message: "Attempt to send to unsubscribed recipient",
        status: 400,
        more_info: "https://www.twilio.com/docs/errors/21610",
      });
    }
    const form = new URLSearchParams(raw);
    const message = {
      sid: `SM${randomBytes(16).toString("hex")}`,
      to: form.get("To") ?? "",
      from: form.get("From") ?? "",
      body: form.get("Body") ?? "",
      statusCallback: form.get("StatusCallback") ?? undefined,
      receivedAt: Date.now(),
    };
    messages.push(message);
    if (mode === "accept-timeout") {
      held.push(res);
      return;
    }
    if ((await options.onMessage?.(message)) === "no-answer") {
      req.socket.destroy();
      return;
    }
    json(201, {
      sid: message.sid,
      status: "queued",
      to: message.to,
      from: message.from,
      body: message.body,
      num_segments: "1",
      direction: "outbound-api",
    });
    if (message.statusCallback) {
      // Twilio reports "sent" then "delivered", signed with the account's auth token.
      for (const status of ["sent", "delivered"]) {
        const params = {
          MessageSid: message.sid,
          MessageStatus: status,
          To: message.to,
          From: message.from,
          AccountSid: `AC${"0".repeat(32)}`,
        };
        const signature = twilio.getExpectedTwilioSignature(
          options.authToken,
          message.statusCallback,
          params,
        );
        await fetch(message.statusCallback, {
          method: "POST",
          headers: {
            "content-type": "application/x-www-form-urlencoded",
            "x-twilio-signature": signature,
          },
          body: new URLSearchParams(params).toString(),
        }).catch(() => undefined);
      }
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}`,
    /** Every message accepted so far (what GET /__messages answers). */
    messages: messages as readonly TwilioDoubleMessage[],
    close: () =>
      new Promise<void>((resolve) => {
        held.forEach((response) => response.destroy());
        server.close(() => resolve());
      }),
  };
}
