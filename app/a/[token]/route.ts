import { openPatientFile } from "@/lib/aftercare/service";

export const dynamic = "force-dynamic";

const unavailable = (request: Request, reason: string) =>
  Response.redirect(new URL(`/a/unavailable?reason=${reason}`, request.url), 303);

// GET /a/:token – the patient's aftercare link from an SMS. Opens the PDF (a short-lived signed
// Storage URL in production, streamed from the local file store by default) and records the
// open. Nothing about the patient is in the URL; unknown, expired and revoked links get a
// friendly page.
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  try {
    const file = await openPatientFile(token);
    if (file.status === "redirect") return Response.redirect(file.url, 302);
    if (file.status !== "file") return unavailable(request, file.status);
    return new Response(new Uint8Array(file.bytes), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `inline; filename="${file.fileName.replace(/[^\w.-]/g, "_")}"`,
        "cache-control": "private, no-store",
        "x-robots-tag": "noindex",
      },
    });
  } catch {
    return unavailable(request, "error");
  }
}
