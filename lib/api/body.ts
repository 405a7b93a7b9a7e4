import { AppError } from "./errors";

export const MAX_WEBHOOK_BYTES = 1024 * 1024;

/** Reads a request body as text, refusing (413) anything over `limit` bytes without buffering it all. */
export async function readBody(request: Request, limit = MAX_WEBHOOK_BYTES): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw new AppError("payload_too_large", `Body larger than ${limit} bytes`);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new AppError("payload_too_large", `Body larger than ${limit} bytes`);
    }
    chunks.push(value);
  }
  return new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
}

export function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw new AppError("bad_request", "Body is not valid JSON");
  }
}
