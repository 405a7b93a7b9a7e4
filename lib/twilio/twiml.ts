const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A TwiML answer to an inbound text: the reply to send back, or an empty <Response/>. */
export function twimlResponse(message?: string): Response {
  return new Response(
    `<?xml version="1.0" encoding="UTF-8"?><Response>${message ? `<Message>${escapeXml(message)}</Message>` : ""}</Response>`,
    {
      headers: { "content-type": "text/xml" },
    },
  );
}
