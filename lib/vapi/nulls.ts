/** How deep `withoutNulls` looks; anything deeper is left as it is (no real message nests this far). */
const MAX_DEPTH = 32;

/**
 * A copy of a parsed JSON value with every object property whose value is `null` removed, at
 * every depth: Vapi serialises unset fields as `null` ("call": {"assistantId": null}), and for
 * us an unset field is an absent one. Array elements are kept as they are (a `null` entry in a
 * list is a malformed entry, and is reported as one). Non-JSON values pass through untouched.
 */
export function withoutNulls(value: unknown, depth = 0): unknown {
  if (depth >= MAX_DEPTH || value === null || typeof value !== "object") return value;
  if (Array.isArray(value))
    return value.map((item) => (item === null ? null : withoutNulls(item, depth + 1)));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item !== null) copy[key] = withoutNulls(item, depth + 1);
  }
  return copy;
}
