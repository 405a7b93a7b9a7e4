/**
 * The evaluation corpus in tests/fixtures/: Vapi server messages and Twilio callbacks written
 * from outside sources (the Vapi SDK's types, Vapi's and Twilio's docs, captured payloads in
 * public repositories; see tests/fixtures/SOURCES.md), never from our parser or simulator.
 * Each fixture carries its own `expect`; this file only knows how to post a fixture and check
 * the facts an `expect` names. Ids are made fresh for every run (the database is shared).
 */
import { randomBytes, randomInt, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Client } from "pg";
import twilio from "twilio";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { ownerClient } from "../helpers/db";
import { postRaw } from "../helpers/vapi";
import { TWILIO_AUTH_TOKEN } from "./global-setup";

// ---------------------------------------------------------------------------- fixture files

interface VapiExpect {
  status: number;
  /** assistant-request: Vapi's documented reply, `{assistant}` or `{assistantId}`, never `{error}`. */
  reply?: "assistant" | "transfer";
  /** tool-calls: one result per tool call, in order; `result` or `error` for each. */
  toolResults?: { id: string; outcome: "result" | "error" }[];
  callRow?: boolean;
  logs?: boolean;
  turnLatencies?: boolean;
  startedAtEqualsReport?: boolean;
  startedNotAfterEnded?: boolean;
  outcomeNot?: string;
  stateNot?: string;
}

interface VapiFixture {
  name: string;
  source: string;
  description: string;
  expect: VapiExpect;
  body: { message: Record<string, unknown> };
}

type TwilioRoute = "call-status" | "sms-status" | "inbound-sms";

interface TwilioExpect {
  status: number;
  /** inbound-sms answers TwiML. */
  twiml?: boolean;
  /** Whether the sender is in sms_opt_outs afterwards. */
  optedOut?: boolean;
  /** Post the very same request (same MessageSid) a second time. */
  postTwice?: boolean;
  /** Inbound rows stored for the sender afterwards. */
  storedInbound?: number;
  /** Status when the signature is computed over the URL without its query string. */
  withoutQuerySignatureStatus?: number;
}

interface TwilioFixture {
  name: string;
  source: string;
  description: string;
  route: TwilioRoute;
  query?: string;
  /** Fixtures posted first, from the same sender. */
  setup?: string[];
  expect: TwilioExpect;
  params: Record<string, string>;
}

const FIXTURES = fileURLToPath(new URL("../fixtures/", import.meta.url));

function load<T extends { name: string }>(kind: "vapi" | "twilio"): T[] {
  return readdirSync(`${FIXTURES}${kind}`)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => {
      const parsed = JSON.parse(readFileSync(`${FIXTURES}${kind}/${file}`, "utf8")) as Omit<
        T,
        "name"
      >;
      return { ...parsed, name: file.replace(/\.json$/, "") } as T;
    });
}

const vapiFixtures = load<VapiFixture>("vapi");
const twilioFixtures = load<TwilioFixture>("twilio");
const twilioByName = new Map(twilioFixtures.map((fixture) => [fixture.name, fixture]));

// ---------------------------------------------------------------------------- fresh ids

interface FreshVapi {
  body: { message: Record<string, unknown> };
  /** Original id -> the id used in this run. */
  ids: Map<string, string>;
  callId: string | null;
}

/** A fixture with a fresh call id, Twilio CallSid, chat/session id and tool-call ids; nothing else changes. */
function freshVapi(fixture: VapiFixture): FreshVapi {
  const message = fixture.body.message;
  const ids = new Map<string, string>();
  const call = message.call as { id?: unknown; phoneCallProviderId?: unknown } | null | undefined;
  if (typeof call?.id === "string") ids.set(call.id, randomUUID());
  if (typeof call?.phoneCallProviderId === "string")
    ids.set(call.phoneCallProviderId, `CA${randomBytes(16).toString("hex")}`);
  for (const key of ["chat", "session"]) {
    const owner = message[key] as { id?: unknown } | null | undefined;
    if (typeof owner?.id === "string") ids.set(owner.id, randomUUID());
  }
  let text = JSON.stringify(fixture.body);
  // Tool-call ids as the model provider issues them (call_ + 24 characters).
  for (const id of new Set(text.match(/call_[A-Za-z0-9_-]{20,}/g) ?? []))
    ids.set(id, `call_${randomBytes(18).toString("base64url")}`);
  for (const [from, to] of ids) text = text.split(from).join(to);
  return {
    body: JSON.parse(text),
    ids,
    callId: typeof call?.id === "string" ? ids.get(call.id)! : null,
  };
}

const RESERVED_NUMBERS = new Set(["+15555550199", "+15555550100", "+15555550142", "+15555550124"]);
function freshNumber(): string {
  for (;;) {
    const number = `+1555${String(randomInt(0, 10_000_000)).padStart(7, "0")}`;
    if (!RESERVED_NUMBERS.has(number)) return number;
  }
}

/** Fresh CallSid / MessageSid (same prefix: CA, SM or MM) and, for inbound SMS, a fresh sender. */
function freshTwilio(fixture: TwilioFixture, from?: string): Record<string, string> {
  let text = JSON.stringify(fixture.params);
  for (const key of ["CallSid", "MessageSid"]) {
    const sid = fixture.params[key];
    if (sid) text = text.split(sid).join(`${sid.slice(0, 2)}${randomBytes(16).toString("hex")}`);
  }
  const params = JSON.parse(text) as Record<string, string>;
  if (fixture.route === "inbound-sms") params.From = from ?? freshNumber();
  return params;
}

// ---------------------------------------------------------------------------- helpers

let db: Client;
beforeAll(async () => {
  db = await ownerClient();
});
afterAll(async () => {
  await db.end();
});

/** Polls until `ok` or the deadline (webhooks may finish work just after answering); returns the last value. */
async function poll<T>(
  check: () => Promise<T>,
  ok: (value: T) => boolean,
  timeoutMs = 3000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

interface CallRow {
  state: string;
  outcome: string | null;
  started_at: Date | null;
  ended_at: Date | null;
}

async function callRow(vapiCallId: string): Promise<CallRow | undefined> {
  const { rows } = await db.query<CallRow>(
    "select state, outcome, started_at, ended_at from public.calls where vapi_call_id = $1",
    [vapiCallId],
  );
  return rows[0];
}

async function countFor(table: "logs" | "turn_latencies", vapiCallId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `select count(*)::int as n from public.${table} t join public.calls c on c.id = t.call_id where c.vapi_call_id = $1`,
    [vapiCallId],
  );
  return rows[0]!.n;
}

/** Anything stored that mentions one of `markers` (ids only this request carried). */
async function storedMentions(markers: string[]) {
  const { rows } = await db.query<{ calls: number; events: number; sms: number; optOuts: number }>(
    `select
       (select count(*)::int from public.calls where vapi_call_id = any($1) or twilio_call_sid = any($1) or caller_number = any($1)) as calls,
       (select count(*)::int from public.webhook_events w
         where w.external_call_id = any($1) or exists (select 1 from unnest($1::text[]) m where strpos(w.dedupe_key, m) > 0)) as events,
       (select count(*)::int from public.sms_messages where provider_sid = any($1) or from_number = any($1)) as sms,
       (select count(*)::int from public.sms_opt_outs where phone_number = any($1)) as "optOuts"`,
    [markers],
  );
  return rows[0];
}

function twilioUrl(route: TwilioRoute, query = ""): string {
  return `${inject("appUrl")}/api/webhooks/twilio/${route}${query}`;
}

/** Posts form parameters as Twilio does, signed over `signedUrl` (default: the URL posted to); `null` sends no signature. */
async function postTwilio(
  route: TwilioRoute,
  params: Record<string, string>,
  query = "",
  signedUrl: string | null | undefined = undefined,
) {
  const url = twilioUrl(route, query);
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
  if (signedUrl !== null)
    headers["x-twilio-signature"] = twilio.getExpectedTwilioSignature(
      TWILIO_AUTH_TOKEN,
      signedUrl ?? url,
      params,
    );
  const response = await fetch(url, {
    method: "POST",
    headers,
    body: new URLSearchParams(params).toString(),
  });
  return {
    status: response.status,
    contentType: response.headers.get("content-type") ?? "",
    text: await response.text(),
  };
}

async function optedOut(number: string): Promise<boolean> {
  const { rows } = await db.query<{ n: number }>(
    "select count(*)::int as n from public.sms_opt_outs where phone_number = $1",
    [number],
  );
  return rows[0]!.n > 0;
}

async function inboundRows(from: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    "select count(*)::int as n from public.sms_messages where direction = 'inbound' and from_number in ($1, ltrim($1, '+'))",
    [from],
  );
  return rows[0]!.n;
}

const excerpt = (text: string) => `response: ${text.slice(0, 600)}`;

// ---------------------------------------------------------------------------- the corpus itself

describe("the fixture corpus", () => {
  it("has fixtures of both kinds, each naming its source, and SOURCES.md lists every one", () => {
    expect(vapiFixtures.length).toBeGreaterThan(0);
    expect(twilioFixtures.length).toBeGreaterThan(0);
    const sources = readFileSync(`${FIXTURES}SOURCES.md`, "utf8");
    for (const fixture of [...vapiFixtures, ...twilioFixtures]) {
      expect.soft(fixture.source, fixture.name).toMatch(/\S/);
      expect.soft(fixture.description, fixture.name).toMatch(/\S/);
      expect.soft(typeof fixture.expect.status, fixture.name).toBe("number");
      expect
        .soft(sources, `${fixture.name} missing from SOURCES.md`)
        .toContain(`\`${fixture.name}\``);
    }
    for (const fixture of twilioFixtures) {
      for (const name of fixture.setup ?? [])
        expect.soft(twilioByName.has(name), `${fixture.name} setup ${name}`).toBe(true);
    }
  });
});

// ---------------------------------------------------------------------------- Vapi

describe("Vapi server messages from outside sources (signed)", () => {
  it.each(vapiFixtures.map((fixture): [string, VapiFixture] => [fixture.name, fixture]))(
    "%s",
    async (_name, fixture) => {
      const { body, ids, callId } = freshVapi(fixture);
      const want = fixture.expect;
      const response = await postRaw(JSON.stringify(body));
      expect(response.status, excerpt(response.text)).toBe(want.status);

      if (want.reply === "assistant") {
        const reply = response.json ?? {};
        expect.soft(reply.error, excerpt(response.text)).toBeUndefined();
        const hasAssistant =
          (typeof reply.assistant === "object" && reply.assistant !== null) ||
          typeof reply.assistantId === "string";
        expect.soft(hasAssistant, excerpt(response.text)).toBe(true);
      }

      if (want.reply === "transfer") {
        // ServerMessageResponseTransferDestinationRequest: a `destination` or an `error`, one of them.
        const reply = response.json ?? {};
        const destination = reply.destination as { type?: string; number?: string } | undefined;
        expect
          .soft(Boolean(destination) !== Boolean(reply.error), excerpt(response.text))
          .toBe(true);
        if (destination) expect.soft(destination.number).toMatch(/^\+[1-9][0-9]{7,14}$/);
        else expect.soft(typeof reply.error).toBe("string");
      }

      if (want.toolResults) {
        const results = (response.json?.results ?? null) as Record<string, unknown>[] | null;
        expect(Array.isArray(results), excerpt(response.text)).toBe(true);
        const seen = results!.map((entry) => ({
          toolCallId: entry.toolCallId,
          outcome:
            typeof entry.result === "string" && entry.error === undefined
              ? "result"
              : typeof entry.error === "string"
                ? "error"
                : "neither",
        }));
        expect(seen, excerpt(response.text)).toEqual(
          want.toolResults.map((entry) => ({
            toolCallId: ids.get(entry.id),
            outcome: entry.outcome,
          })),
        );
        for (const entry of results!) {
          // Vapi's docs: results are single-line strings; `name`, when present, a string.
          const text = (entry.result ?? entry.error) as string;
          expect.soft(text, "result/error must be a single line").not.toMatch(/[\r\n]/);
          if (entry.name !== undefined) expect.soft(typeof entry.name).toBe("string");
        }
      }

      if (!callId) return;
      const needsRow =
        want.callRow ||
        want.startedAtEqualsReport ||
        want.startedNotAfterEnded ||
        want.outcomeNot ||
        want.stateNot;
      if (!needsRow) return;
      const row = await poll(
        () => callRow(callId),
        (value) => value !== undefined && (!want.startedNotAfterEnded || value.ended_at !== null),
      );
      expect(row, `no public.calls row for vapi_call_id ${callId}`).toBeDefined();

      if (want.logs) {
        expect
          .soft(
            await poll(
              () => countFor("logs", callId),
              (n) => n > 0,
            ),
            "public.logs rows for the call",
          )
          .toBeGreaterThan(0);
      }
      if (want.turnLatencies) {
        expect
          .soft(
            await poll(
              () => countFor("turn_latencies", callId),
              (n) => n > 0,
            ),
            "public.turn_latencies rows for the call",
          )
          .toBeGreaterThan(0);
      }
      if (want.startedAtEqualsReport) {
        expect
          .soft(row!.started_at?.toISOString(), "calls.started_at = report startedAt")
          .toBe(new Date(String(body.message.startedAt)).toISOString());
      }
      if (want.startedNotAfterEnded) {
        expect.soft(row!.started_at, "calls.started_at").not.toBeNull();
        expect.soft(row!.ended_at, "calls.ended_at").not.toBeNull();
        if (row!.started_at && row!.ended_at)
          expect
            .soft(row!.started_at.getTime(), "started_at <= ended_at")
            .toBeLessThanOrEqual(row!.ended_at.getTime());
      }
      if (want.outcomeNot) expect.soft(row!.outcome, "calls.outcome").not.toBe(want.outcomeNot);
      if (want.stateNot) expect.soft(row!.state, "calls.state").not.toBe(want.stateNot);
    },
  );
});

describe("Vapi server messages from outside sources, unsigned", () => {
  it.each(vapiFixtures.map((fixture): [string, VapiFixture] => [fixture.name, fixture]))(
    "%s: 401, nothing stored",
    async (_name, fixture) => {
      const { body, ids } = freshVapi(fixture);
      const response = await postRaw(JSON.stringify(body), { kind: "none" });
      expect(response.status, excerpt(response.text)).toBe(401);
      expect(await storedMentions([...ids.values()])).toEqual({
        calls: 0,
        events: 0,
        sms: 0,
        optOuts: 0,
      });
    },
  );
});

// ---------------------------------------------------------------------------- Twilio

describe("Twilio callbacks from outside sources (signed)", () => {
  it.each(twilioFixtures.map((fixture): [string, TwilioFixture] => [fixture.name, fixture]))(
    "%s",
    async (_name, fixture) => {
      const want = fixture.expect;
      const params = freshTwilio(fixture);

      for (const name of fixture.setup ?? []) {
        const setup = twilioByName.get(name)!;
        const setupResponse = await postTwilio(
          setup.route,
          freshTwilio(setup, params.From),
          setup.query,
        );
        expect(setupResponse.status, `setup ${name}: ${excerpt(setupResponse.text)}`).toBe(
          setup.expect.status,
        );
        if (setup.expect.optedOut !== undefined) {
          expect
            .soft(
              await poll(
                () => optedOut(params.From!),
                (value) => value === setup.expect.optedOut,
              ),
              `setup ${name} opt-out`,
            )
            .toBe(setup.expect.optedOut);
        }
      }

      const response = await postTwilio(fixture.route, params, fixture.query);
      expect(response.status, excerpt(response.text)).toBe(want.status);
      if (want.twiml) {
        expect.soft(response.contentType, "TwiML content type").toMatch(/xml/);
        expect.soft(response.text, "TwiML body").toMatch(/<Response\s*\/?>/);
      }
      if (want.postTwice) {
        const again = await postTwilio(fixture.route, params, fixture.query);
        expect.soft(again.status, `repeat: ${excerpt(again.text)}`).toBe(want.status);
      }
      if (want.optedOut !== undefined) {
        expect
          .soft(
            await poll(
              () => optedOut(params.From!),
              (value) => value === want.optedOut,
            ),
            "sms_opt_outs has the sender",
          )
          .toBe(want.optedOut);
      }
      if (want.storedInbound !== undefined) {
        const stored = await poll(
          () => inboundRows(params.From!),
          (n) => n === want.storedInbound,
        );
        const rows = await db.query(
          "select provider_sid, status, body from public.sms_messages where direction = 'inbound' and from_number in ($1, ltrim($1, '+'))",
          [params.From],
        );
        expect
          .soft(
            stored,
            `inbound sms_messages rows for MessageSid ${params.MessageSid}: ${JSON.stringify(rows.rows)}`,
          )
          .toBe(want.storedInbound);
      }
      if (want.withoutQuerySignatureStatus !== undefined) {
        const other = freshTwilio(fixture);
        const wrong = await postTwilio(
          fixture.route,
          other,
          fixture.query,
          twilioUrl(fixture.route),
        );
        expect
          .soft(wrong.status, `signed without the query string: ${excerpt(wrong.text)}`)
          .toBe(want.withoutQuerySignatureStatus);
      }
    },
  );
});

describe("Twilio callbacks from outside sources, unsigned", () => {
  it.each(twilioFixtures.map((fixture): [string, TwilioFixture] => [fixture.name, fixture]))(
    "%s: 401, nothing stored",
    async (_name, fixture) => {
      const params = freshTwilio(fixture);
      const response = await postTwilio(fixture.route, params, fixture.query, null);
      expect(response.status, excerpt(response.text)).toBe(401);
      const markers = [
        params.CallSid,
        params.MessageSid,
        fixture.route === "inbound-sms" ? params.From : undefined,
      ].filter((value): value is string => !!value);
      expect(await storedMentions(markers)).toEqual({ calls: 0, events: 0, sms: 0, optOuts: 0 });
    },
  );
});
