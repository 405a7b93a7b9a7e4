/**
 * Tool calls, whichever way Vapi sends them. One message may carry any of these, sometimes
 * several describing the same calls:
 * - `toolCallList: [{ id, type: "function", function: { name, arguments } }]` (SDK `ToolCall`)
 * - `toolCallList: [{ id, name, arguments | parameters }]` (flat, as Vapi's current docs show)
 * - `toolWithToolCallList: [{ type, function: { name }, toolCall: { id, function? | parameters? } }]`
 * - `toolCalls: [...]` (legacy, entries as in toolCallList)
 * Arguments are an object or a JSON string. Entries are matched by id across the lists; each one
 * becomes a call to run or, when malformed, an error for that call alone: one bad entry never
 * costs the others their answers.
 */

export type NormalizedToolCall =
  | { ok: true; id: string; name: string; args: Record<string, unknown> }
  | { ok: false; id: string; name: string; error: string };

type Entry = { id?: string; name?: string; args?: unknown; hasArgs: boolean };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const str = (value: unknown, max: number) =>
  typeof value === "string" && value.length > 0 && value.length <= max ? value : undefined;

/** What one entry says: its id, its tool's name and its arguments, wherever they were put. */
function readEntry(raw: unknown, wrapped: boolean): Entry {
  if (!isObject(raw)) return { hasArgs: false };
  const call = wrapped && isObject(raw.toolCall) ? raw.toolCall : raw;
  const fn = isObject(call.function) ? call.function : {};
  const outerFn = wrapped && isObject(raw.function) ? raw.function : {};
  const candidates = [fn.arguments, fn.parameters, call.arguments, call.parameters];
  const args = candidates.find((value) => value !== undefined && value !== null);
  return {
    id: str(call.id, 200),
    name: str(fn.name, 100) ?? str(call.name, 100) ?? str(outerFn.name, 100) ?? str(raw.name, 100),
    args,
    hasArgs: args !== undefined,
  };
}

/** Arguments as an object, whether sent as an object or as a JSON string; else why not. */
export function parseToolArguments(
  raw: unknown,
): { ok: true; args: Record<string, unknown> } | { ok: false; reason: string } {
  if (raw === undefined || raw === null) return { ok: true, args: {} };
  if (isObject(raw)) return { ok: true, args: raw };
  if (typeof raw !== "string") return { ok: false, reason: "arguments are not a JSON object" };
  let parsed: unknown;
  try {
    parsed = raw.trim() ? JSON.parse(raw) : {};
  } catch {
    return { ok: false, reason: "arguments are not valid JSON" };
  }
  return isObject(parsed)
    ? { ok: true, args: parsed }
    : { ok: false, reason: "arguments are not a JSON object" };
}

export function normalizeToolCalls(message: {
  toolCallList?: unknown[];
  toolWithToolCallList?: unknown[];
  toolCalls?: unknown[];
}): NormalizedToolCall[] {
  const lists: [unknown[] | undefined, boolean][] = [
    [message.toolCallList, false],
    [message.toolWithToolCallList, true],
    [message.toolCalls, false],
  ];
  // The first non-empty list decides which calls there are and their order; the others only
  // fill in what an entry lacks (e.g. a name that only toolWithToolCallList carries).
  const primary = lists.find(([list]) => list?.length);
  if (!primary) return [];
  const byId = new Map<string, Entry>();
  for (const [list, wrapped] of lists) {
    for (const raw of list ?? []) {
      const entry = readEntry(raw, wrapped);
      if (!entry.id) continue;
      const known = byId.get(entry.id);
      byId.set(
        entry.id,
        known
          ? {
              ...known,
              name: known.name ?? entry.name,
              ...(known.hasArgs ? {} : { args: entry.args, hasArgs: entry.hasArgs }),
            }
          : entry,
      );
    }
  }
  return primary[0]!.map((raw, index) => {
    const own = readEntry(raw, primary[1]);
    const entry = own.id ? byId.get(own.id)! : own;
    const id = entry.id ?? `malformed-${index}`;
    const name = entry.name ?? "unknown";
    if (!entry.id) return { ok: false as const, id, name, error: "This tool call has no id." };
    if (!entry.name)
      return { ok: false as const, id, name, error: "This tool call does not name a tool." };
    const parsed = parseToolArguments(entry.args);
    if (!parsed.ok)
      return {
        ok: false as const,
        id,
        name,
        error: `Invalid arguments for ${name}: ${parsed.reason}.`,
      };
    return { ok: true as const, id, name, args: parsed.args };
  });
}
