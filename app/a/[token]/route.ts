import { openAftercareLink } from "@/lib/db/aftercare-links";
import { withService } from "@/lib/db/transaction";
import { getFileStore } from "@/lib/storage";

export const dynamic = "force-dynamic";

const unavailable = (request: Request, reason: string) => Response.redirect(new URL(`/a/unavailable?reason=${reason}`, request.url), 303);

// GET /a/:token – the patient's aftercare link from an SMS. Opens the PDF (a short-lived signed
// Storage URL in production, streamed from the local file store by default) and records the
// open. Nothing about the patient is in the URL; unknown, expired and revoked links get a
// friendly page.
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  try {
    const link = await withService((tx) => openAftercareLink(tx, token));
    if (link.status !== "ok") return unavailable(request, link.status);
    const store = getFileStore();
    const signed = await store.signedUrl(link.storagePath, 300);
    if (signed) return Response.redirect(signed, 302);
    const bytes = await store.get(link.storagePath);
    if (!bytes) return unavailable(request, "missing");
    return new Response(new Uint8Array(bytes), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `inline; filename="${link.fileName.replace(/[^\w.-]/g, "_")}"`,
        "cache-control": "private, no-store",
        "x-robots-tag": "noindex",
      },
    });
  } catch {
    return unavailable(request, "error");
  }
}
