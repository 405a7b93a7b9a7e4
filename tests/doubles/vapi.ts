/**
 * A local double of Vapi's API, for testing what we push through the official SDK
 * (`@vapi-ai/server-sdk`):
 *
 * - assistants: POST /assistant, PATCH /assistant/:id
 * - phone numbers (docs.vapi.ai/api-reference/phone-numbers): POST /phone-number (create or
 *   import), GET /phone-number (list), GET /phone-number/:id, PATCH /phone-number/:id.
 *
 * Every request needs the private key as `Authorization: Bearer …` (401 otherwise, with Vapi's
 * wording). Phone-number bodies are checked as Vapi's OpenAPI schema says
 * (`CreateTwilioPhoneNumberDTO` / `UpdateTwilioPhoneNumberDTO`, mirrored by the SDK's
 * `Vapi.CreateTwilioPhoneNumberDto`): `provider` one of the five, `number` and
 * `twilioAccountSid` required for Twilio, `name` at most 40 characters, `fallbackDestination`
 * a `number` (E.164 unless `numberE164CheckEnabled: false`) or `sip` destination, `server.url`
 * a URL, no unknown fields (Vapi's API rejects them: "property x should not exist"). Errors have
 * NestJS's shape, as Vapi's do: `{message: string[], error: "Bad Request", statusCode: 400}`.
 * Importing a Twilio number is also checked against the Twilio account the double was given
 * (Vapi verifies the credentials with Twilio at import), and a number can be imported once:
 * a second import of the same number is refused, so only an update keeps re-runs idempotent.
 */
import { randomUUID } from "node:crypto";
import http from "node:http";

type Json = Record<string, unknown>;

const PROVIDERS = ["byo-phone-number", "twilio", "vonage", "vapi", "telnyx"];
const TWILIO_FIELDS = new Set([
  "provider",
  "fallbackDestination",
  "hooks",
  "smsEnabled",
  "number",
  "twilioAccountSid",
  "twilioAuthToken",
  "twilioApiKey",
  "twilioApiSecret",
  "name",
  "assistantId",
  "workflowId",
  "squadId",
  "server",
]);
const DESTINATION_FIELDS = new Set([
  "type",
  "number",
  "numberE164CheckEnabled",
  "extension",
  "callerId",
  "sipUri",
  "sipHeaders",
  "message",
  "description",
  "transferPlan",
]);
const SERVER_FIELDS = new Set([
  "url",
  "timeoutSeconds",
  "credentialId",
  "staticIpAddressesEnabled",
  "encryptedPaths",
  "headers",
  "backoffPlan",
]);

/** What is wrong with a Twilio phone-number body, in Vapi's words (empty: nothing). */
function twilioProblems(body: Json, creating: boolean): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(body))
    if (!TWILIO_FIELDS.has(key)) problems.push(`property ${key} should not exist`);
  const text = (key: string) => typeof body[key] === "string" && (body[key] as string).length > 0;
  if (creating || "number" in body) if (!text("number")) problems.push("number must be a string");
  if (creating || "twilioAccountSid" in body)
    if (!text("twilioAccountSid")) problems.push("twilioAccountSid must be a string");
  if ("name" in body && (typeof body.name !== "string" || body.name.length > 40))
    problems.push("name must be shorter than or equal to 40 characters");
  if ("fallbackDestination" in body) {
    const destination = body.fallbackDestination as Json | null;
    if (typeof destination !== "object" || destination === null)
      problems.push("fallbackDestination must be an object");
    else {
      for (const key of Object.keys(destination))
        if (!DESTINATION_FIELDS.has(key))
          problems.push(`fallbackDestination.property ${key} should not exist`);
      if (destination.type === "number") {
        const e164 = destination.numberE164CheckEnabled !== false;
        if (
          typeof destination.number !== "string" ||
          (e164 && !/^\+[1-9]\d{1,14}$/.test(destination.number))
        )
          problems.push("fallbackDestination.number must be a valid phone number in E.164 format");
      } else if (destination.type === "sip") {
        if (typeof destination.sipUri !== "string" || !destination.sipUri.startsWith("sip:"))
          problems.push("fallbackDestination.sipUri must be a valid SIP URI");
      } else
        problems.push("fallbackDestination.type must be one of the following values: number, sip");
    }
  }
  if ("server" in body) {
    const server = body.server as Json | null;
    if (typeof server !== "object" || server === null) problems.push("server must be an object");
    else {
      for (const key of Object.keys(server))
        if (!SERVER_FIELDS.has(key)) problems.push(`server.property ${key} should not exist`);
      try {
        new URL(String(server.url));
      } catch {
        problems.push("server.url must be a URL address");
      }
    }
  }
  return problems;
}

export async function startVapiDouble(
  apiKey: string,
  options: { twilio?: { accountSid: string; authToken: string } } = {},
) {
  const received: { method: string; path: string; body: Json }[] = [];
  const phoneNumbers = new Map<string, Json>();
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const json = (status: number, payload: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(payload));
    };
    const badRequest = (message: string[]) =>
      json(400, { message, error: "Bad Request", statusCode: 400 });
    let body: Json = {};
    try {
      body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString("utf8")) : {};
    } catch {
      return badRequest(["Unexpected token in JSON"]);
    }
    if (req.headers.authorization !== `Bearer ${apiKey}`)
      return json(401, {
        message:
          "Invalid Key. Hot tip, you may be using the private key instead of the public key, or vice versa.",
      });
    const path = (req.url ?? "").split("?")[0]!;
    received.push({ method: req.method ?? "", path, body });
    const now = new Date().toISOString();
    if (req.method === "POST" && path === "/assistant")
      return json(201, {
        ...body,
        id: randomUUID(),
        orgId: randomUUID(),
        createdAt: now,
        updatedAt: now,
      });
    const assistant = /^\/assistant\/([\w-]+)$/.exec(path);
    if (req.method === "PATCH" && assistant)
      return json(200, {
        ...body,
        id: assistant[1],
        orgId: randomUUID(),
        createdAt: now,
        updatedAt: now,
      });

    // Phone numbers. What Vapi returns never includes the Twilio auth token.
    const shown = (number: Json) => {
      const { twilioAuthToken: _secret, ...rest } = number;
      return rest;
    };
    // Vapi checks the credentials with Twilio at import.
    const twilioRefused = (sid: unknown, token: unknown) =>
      Boolean(
        options.twilio && (sid !== options.twilio.accountSid || token !== options.twilio.authToken),
      );
    const TWILIO_REFUSED = [
      "Twilio Error: Authentication failed. Check your Twilio Account SID and Auth Token.",
    ];
    if (path === "/phone-number" && req.method === "GET")
      return json(200, [...phoneNumbers.values()].map(shown));
    if (path === "/phone-number" && req.method === "POST") {
      if (!PROVIDERS.includes(String(body.provider)))
        return badRequest([
          `provider must be one of the following values: ${PROVIDERS.join(", ")}`,
        ]);
      if (body.provider !== "twilio")
        return badRequest(["This double imports Twilio numbers only"]);
      const problems = twilioProblems(body, true);
      if (problems.length) return badRequest(problems);
      if (twilioRefused(body.twilioAccountSid, body.twilioAuthToken))
        return badRequest(TWILIO_REFUSED);
      if ([...phoneNumbers.values()].some((number) => number.number === body.number))
        return badRequest([`Number ${String(body.number)} already exists in your org.`]);
      const created = {
        ...body,
        id: randomUUID(),
        orgId: randomUUID(),
        status: "active",
        createdAt: now,
        updatedAt: now,
      };
      phoneNumbers.set(created.id, created);
      return json(201, shown(created));
    }
    const phoneNumber = /^\/phone-number\/([\w-]+)$/.exec(path);
    if (phoneNumber) {
      const existing = phoneNumbers.get(phoneNumber[1]!);
      if (!existing) return json(404, { message: "Not Found", statusCode: 404 });
      if (req.method === "GET") return json(200, shown(existing));
      if (req.method === "PATCH") {
        if (body.provider !== undefined && body.provider !== existing.provider)
          return badRequest([`provider must be ${String(existing.provider)}`]);
        const problems = twilioProblems(body, false);
        if (problems.length) return badRequest(problems);
        if (
          ("twilioAccountSid" in body || "twilioAuthToken" in body) &&
          twilioRefused(
            body.twilioAccountSid ?? existing.twilioAccountSid,
            body.twilioAuthToken ?? existing.twilioAuthToken,
          )
        )
          return badRequest(TWILIO_REFUSED);
        const updated = { ...existing, ...body, updatedAt: now };
        phoneNumbers.set(existing.id as string, updated);
        return json(200, shown(updated));
      }
      if (req.method === "DELETE") {
        phoneNumbers.delete(existing.id as string);
        return json(200, shown(existing));
      }
    }
    return json(404, { message: "Not Found", statusCode: 404 });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    received,
    phoneNumbers,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
