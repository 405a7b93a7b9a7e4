import { VapiClient, type Vapi } from "@vapi-ai/server-sdk";

/**
 * Creates the clinic's assistant in Vapi, or updates it when the clinic already has one,
 * through Vapi's official SDK. Returns the assistant id to store on the clinic.
 */
export async function pushAssistant(
  assistant: Vapi.CreateAssistantDto,
  options: { apiKey: string; baseUrl?: string; existingId: string | null },
): Promise<{ id: string; created: boolean }> {
  const client = new VapiClient({
    token: options.apiKey,
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
  });
  if (options.existingId) {
    const updated = await client.assistants.update({
      id: options.existingId,
      ...assistant,
    } as Vapi.UpdateAssistantDto);
    return { id: updated.id, created: false };
  }
  const created = await client.assistants.create(assistant);
  return { id: created.id, created: true };
}

/** What changes between two configurations, as dotted paths (for showing before applying). */
export function configDiff(
  before: unknown,
  after: unknown,
  prefix = "",
): { path: string; from: unknown; to: unknown }[] {
  const isObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === "object" && value !== null && !Array.isArray(value);
  if (isObject(before) && isObject(after)) {
    return [...new Set([...Object.keys(before), ...Object.keys(after)])].flatMap((key) =>
      configDiff(before[key], after[key], prefix ? `${prefix}.${key}` : key),
    );
  }
  return JSON.stringify(before) === JSON.stringify(after)
    ? []
    : [{ path: prefix, from: before, to: after }];
}
