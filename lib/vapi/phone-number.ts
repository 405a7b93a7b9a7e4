import { VapiClient, VapiError, type Vapi } from "@vapi-ai/server-sdk";

/**
 * The clinic's Twilio number as Vapi should import it (`phoneNumbers.create`), so callers
 * reach a person even when our server is down: `fallbackDestination` is the front desk, which
 * Vapi dials when our `assistant-request` fails or times out; `server` is our webhook with the
 * same retries as the assistant's. No `assistantId`: Vapi then asks our server for the
 * assistant on every call (`assistant-request`), which is what lets the fallback apply and the
 * clinic's state be filled in per call. Twilio's credentials are the operator's (the server's
 * TWILIO_ACCOUNT_SID / TWILIO_AUTH_TOKEN), never stored here; printed, they are placeholders.
 */
export function phoneNumberFor(
  clinic: { name: string; phoneNumber: string; frontDeskNumber: string | null },
  options: {
    serverUrl: string;
    credentialId?: string;
    twilio?: { accountSid: string; authToken: string };
  },
): Vapi.CreateTwilioPhoneNumberDto {
  return {
    number: clinic.phoneNumber,
    name: `${clinic.name} main line`.slice(0, 40),
    twilioAccountSid: options.twilio?.accountSid ?? "<TWILIO_ACCOUNT_SID>",
    twilioAuthToken: options.twilio?.authToken ?? "<TWILIO_AUTH_TOKEN>",
    server: {
      url: options.serverUrl,
      timeoutSeconds: 20,
      // As the assistant's (lib/vapi/assistant.ts): Vapi takes the name of the plan.
      backoffPlan: {
        type: "exponential" as unknown as Record<string, unknown>,
        maxRetries: 3,
        baseDelaySeconds: 1,
      },
      ...(options.credentialId ? { credentialId: options.credentialId } : {}),
    },
    ...(clinic.frontDeskNumber
      ? {
          fallbackDestination: {
            type: "number" as const,
            number: clinic.frontDeskNumber,
            description: "Front desk (our server did not answer)",
            message: `Connecting you to the ${clinic.name} front desk.`,
          },
        }
      : {}),
  };
}

export interface PushedNumber {
  id: string;
  /** created: imported now; updated: the stored id, or the same number found in Vapi's list. */
  action: "created" | "updated";
  /** The fallback destination number Vapi now has (null: none). */
  fallback: string | null;
}

function fallbackOf(number: { fallbackDestination?: unknown }): string | null {
  const destination = number.fallbackDestination as { type?: string; number?: string } | undefined;
  return destination?.type === "number" && typeof destination.number === "string"
    ? destination.number
    : null;
}

/**
 * Imports the clinic's Twilio number into Vapi through the official SDK, idempotently: the
 * stored id is updated (`phoneNumbers.update`); without one (or when Vapi no longer has it),
 * a number Vapi already holds with the same digits (`phoneNumbers.list`) is updated and
 * adopted; only otherwise is it imported (`phoneNumbers.create`). Re-running never adds a
 * second number. Vapi's errors are thrown as the SDK's `VapiError`.
 */
export async function pushPhoneNumber(
  number: Vapi.CreateTwilioPhoneNumberDto,
  options: { apiKey: string; baseUrl?: string; existingId: string | null },
): Promise<PushedNumber> {
  const client = new VapiClient({
    token: options.apiKey,
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
  });
  const update = async (id: string): Promise<PushedNumber> => {
    const updated = await client.phoneNumbers.update({
      id,
      body: { provider: "twilio", ...number },
    });
    return { id: updated.id, action: "updated", fallback: fallbackOf(updated) };
  };
  if (options.existingId) {
    try {
      return await update(options.existingId);
    } catch (error) {
      // Deleted in Vapi's dashboard since: find it again or import it anew.
      if (!(error instanceof VapiError && error.statusCode === 404)) throw error;
    }
  }
  const listed = await client.phoneNumbers.list({ limit: 1000 });
  const same = listed.find((item) => item.provider === "twilio" && item.number === number.number);
  if (same) return update(same.id);
  const created = await client.phoneNumbers.create({ provider: "twilio", ...number });
  return { id: created.id, action: "created", fallback: fallbackOf(created) };
}

/** A Vapi error in a sentence an admin can act on (never the raw response). */
export function explainVapiError(error: unknown): string {
  if (error instanceof VapiError) {
    if (error.statusCode === 401 || error.statusCode === 403)
      return "Vapi refused the API key. Set VAPI_API_KEY to your organization's private key (Vapi dashboard → API Keys), not the public one.";
    if (error.statusCode === 400 || error.statusCode === 422) {
      const body = error.body as { message?: unknown } | undefined;
      const messages = Array.isArray(body?.message)
        ? body.message.filter((item): item is string => typeof item === "string")
        : typeof body?.message === "string"
          ? [body.message]
          : [];
      const said = messages.join("; ").slice(0, 300);
      return `Vapi refused the number${said ? `: ${said}` : ""}.`;
    }
    if (error.statusCode === 402)
      return "Vapi refused the request: the organization's plan or credits do not allow it.";
    if (error.statusCode && error.statusCode >= 500)
      return `Vapi had a problem (${error.statusCode}); nothing was changed on our side. Try again in a minute.`;
    if (!error.statusCode)
      return "Could not reach Vapi (no answer from its API); nothing was changed. Check the network and try again.";
    return `Vapi answered ${error.statusCode}; nothing was changed.`;
  }
  return "Could not reach Vapi; nothing was changed. Try again in a minute.";
}
