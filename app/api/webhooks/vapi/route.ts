import { getEnv } from "@/lib/env";
import { parseJson, readBody } from "@/lib/api/body";
import { toErrorResponse } from "@/lib/api/errors";
import { dispatchVapiMessage } from "@/lib/call-flow/dispatch";
import { verifyVapiRequest } from "@/lib/vapi/verify";

export const dynamic = "force-dynamic";

// POST /api/webhooks/vapi – Vapi server messages and tool calls: verify, parse, dispatch, respond.
// 401 bad credential, 400 not JSON, 413 too large, 422 wrong shape, 200 handled or ignored,
// 503 database unavailable (so Vapi's backoff retries). Nothing is stored for a rejected request.
export async function POST(request: Request) {
  try {
    const raw = await readBody(request);
    const verified = verifyVapiRequest(request.headers, raw, getEnv().VAPI_WEBHOOK_SECRET);
    if (!verified.ok)
      return Response.json({ error: "Unauthorized", code: "unauthorized" }, { status: 401 });
    const { status, body } = await dispatchVapiMessage(parseJson(raw));
    return Response.json(body, { status });
  } catch (error) {
    return toErrorResponse(error);
  }
}
