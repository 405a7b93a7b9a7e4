import { getPool } from "@/lib/db/pool";

export const dynamic = "force-dynamic";

// GET /api/health – liveness plus a database round trip, for load balancers and test harnesses.
export async function GET() {
  try {
    await getPool().query("select 1");
    return Response.json({ ok: true, database: "up" });
  } catch {
    return Response.json({ ok: false, database: "down" }, { status: 503 });
  }
}
