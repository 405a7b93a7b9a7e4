/**
 * Who took a forwarded call, in words staff recognise, from a Vapi transfer destination
 * (`transfer-update.destination`, `status-update.destination`): `{type: "number", number,
 * extension?, description?}`, `{type: "assistant", assistantName, description?}` or
 * `{type: "sip", sipUri, description?}`. Unknown shapes give null, never an error.
 */
export function describeDestination(destination: unknown): string | null {
  if (typeof destination !== "object" || destination === null) return null;
  const fields = destination as Record<string, unknown>;
  const text = (key: string) =>
    typeof fields[key] === "string" && (fields[key] as string).trim()
      ? (fields[key] as string).trim()
      : undefined;
  const number = text("number");
  const label =
    text("description") ??
    text("assistantName") ??
    (number ? `${number}${text("extension") ? ` ext. ${text("extension")}` : ""}` : undefined) ??
    text("sipUri");
  return label ? label.slice(0, 200) : null;
}
