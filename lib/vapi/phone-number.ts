import type { Vapi } from "@vapi-ai/server-sdk";

/**
 * The clinic's Twilio number as Vapi should import it (`phoneNumbers.create`), so callers
 * reach a person even when our server is down: `fallbackDestination` is the front desk, which
 * Vapi dials when our `assistant-request` fails or times out; `server` is our webhook with the
 * same retries as the assistant's. Twilio's credentials are the operator's, never stored here:
 * the placeholders are filled in at import.
 */
export function phoneNumberFor(
  clinic: { name: string; phoneNumber: string; frontDeskNumber: string | null },
  options: { serverUrl: string; credentialId?: string },
): Vapi.CreateTwilioPhoneNumberDto {
  return {
    number: clinic.phoneNumber,
    name: `${clinic.name} main line`.slice(0, 40),
    twilioAccountSid: "<TWILIO_ACCOUNT_SID>",
    twilioAuthToken: "<TWILIO_AUTH_TOKEN>",
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
