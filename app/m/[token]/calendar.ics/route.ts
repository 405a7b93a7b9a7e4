import { calendarFileForToken } from "@/lib/reminders/service";

export const dynamic = "force-dynamic";

// Nothing about the patient leaves with a referrer, and no shared cache keeps the file.
const PRIVATE = {
  "cache-control": "private, no-store",
  "referrer-policy": "no-referrer",
  "x-robots-tag": "noindex",
};

const MESSAGES = {
  unknown: "This calendar link is not valid.",
  expired: "This calendar link has expired.",
  revoked: "This calendar link has been withdrawn.",
  cancelled: "This appointment was cancelled.",
} as const;

// GET /m/:token/calendar.ics – the add-to-calendar file from a confirmation text. The token is
// a manage link's (only its SHA-256 stored, expiring, revocable); an unknown, expired or
// withdrawn one, or a cancelled appointment, gets a short plain answer with no patient data.
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  try {
    const file = await calendarFileForToken(token);
    if (file.status !== "ok")
      return new Response(MESSAGES[file.status], {
        status: file.status === "unknown" ? 404 : 410,
        headers: { "content-type": "text/plain; charset=utf-8", ...PRIVATE },
      });
    return new Response(file.ics, {
      headers: {
        "content-type": "text/calendar; charset=utf-8",
        "content-disposition": 'attachment; filename="appointment.ics"',
        ...PRIVATE,
      },
    });
  } catch {
    return new Response("The calendar file is unavailable right now; please try again.", {
      status: 503,
      headers: { "content-type": "text/plain; charset=utf-8", ...PRIVATE },
    });
  }
}
