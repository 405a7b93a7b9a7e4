import { openPatientFile } from "@/lib/aftercare/service";

export const dynamic = "force-dynamic";

// GET /a/:token/pdf – the aftercare PDF, the download on the patient's aftercare page (a
// short-lived signed Storage URL in production, streamed from the local file store by default).
// The page counted the open. A link that no longer works goes back to its page, which says why
// and names the clinic; a missing file to the general "not available" page.
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  try {
    const file = await openPatientFile(token);
    if (file.status === "redirect") return Response.redirect(file.url, 302);
    if (file.status === "missing")
      return Response.redirect(new URL("/a/unavailable?reason=missing", request.url), 303);
    if (file.status !== "file")
      return Response.redirect(new URL(`/a/${encodeURIComponent(token)}`, request.url), 303);
    return new Response(new Uint8Array(file.bytes), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `inline; filename="${file.fileName.replace(/[^\w.-]/g, "_")}"`,
        "cache-control": "private, no-store",
        "x-robots-tag": "noindex",
      },
    });
  } catch {
    return Response.redirect(new URL("/a/unavailable?reason=error", request.url), 303);
  }
}
