/**
 * A local double of Vapi's assistant API (POST /assistant, PATCH /assistant/:id), for testing
 * the push through the official SDK. Checks the bearer key and records what it received.
 */
import { randomUUID } from "node:crypto";
import http from "node:http";

export async function startVapiDouble(apiKey: string) {
  const received: { method: string; path: string; body: Record<string, unknown> }[] = [];
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString("utf8")) : {};
    const json = (status: number, payload: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(payload));
    };
    if (req.headers.authorization !== `Bearer ${apiKey}`)
      return json(401, {
        message:
          "Invalid Key. Hot tip, you may be using the private key instead of the public key, or vice versa.",
      });
    received.push({ method: req.method ?? "", path: req.url ?? "", body });
    const now = new Date().toISOString();
    if (req.method === "POST" && req.url === "/assistant")
      return json(201, {
        ...body,
        id: randomUUID(),
        orgId: randomUUID(),
        createdAt: now,
        updatedAt: now,
      });
    const match = /^\/assistant\/([\w-]+)$/.exec(req.url ?? "");
    if (req.method === "PATCH" && match)
      return json(200, {
        ...body,
        id: match[1],
        orgId: randomUUID(),
        createdAt: now,
        updatedAt: now,
      });
    return json(404, { message: "Not Found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
