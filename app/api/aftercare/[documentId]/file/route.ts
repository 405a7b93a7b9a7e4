import { z } from "zod";

import { readAftercareFile } from "@/lib/aftercare/service";
import { AppError, toErrorResponse } from "@/lib/api/errors";
import { getSessionClaims } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/** `filename*` carries any name; the plain `filename` is an ASCII fallback for old clients. */
function contentDisposition(kind: "inline" | "attachment", fileName: string) {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

// GET /api/aftercare/:documentId/file – a staff member's preview (inline) or download (?download=1)
// of an aftercare PDF. RLS shows the row only to members of its clinic; anyone else gets 404,
// the same as for an id that does not exist, so ids cannot be probed.
export async function GET(
  request: Request,
  { params }: { params: Promise<{ documentId: string }> },
) {
  try {
    const claims = await getSessionClaims();
    if (!claims) throw new AppError("unauthorized", "Sign in to continue");
    const id = z.uuid().safeParse((await params).documentId);
    if (!id.success) throw new AppError("not_found", "No such document");
    const file = await readAftercareFile(claims, id.data);
    if (!file) throw new AppError("not_found", "No such document");
    const { bytes } = file;
    if (!bytes) throw new AppError("not_found", "The file for this document is missing");
    const download = new URL(request.url).searchParams.get("download") === "1";
    return new Response(new Uint8Array(bytes), {
      headers: {
        "content-type": "application/pdf",
        "content-length": String(bytes.byteLength),
        "content-disposition": contentDisposition(
          download ? "attachment" : "inline",
          file.fileName,
        ),
        // Patient documents: never kept by shared caches, never sniffed as anything but a PDF.
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    return toErrorResponse(error);
  }
}
