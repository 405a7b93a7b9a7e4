import { getEnv } from "@/lib/env";
import { AppError, toErrorResponse } from "@/lib/api/errors";
import { requireClinicMember } from "@/lib/auth/api";
import { withClaims, withService } from "@/lib/db/transaction";
import { getVapiNumberStatus } from "@/lib/db/vapi-number";
import { pushClinicNumber } from "@/lib/vapi/number-service";

export const dynamic = "force-dynamic";

const NO_STORE = { "cache-control": "private, no-store" };

// GET /api/clinics/:clinicId/vapi/phone-number – what the last "Connect number to Vapi" did
// (members). POST – imports or updates the clinic's Twilio number in Vapi with the front desk
// as its fallback destination (admins): 200 with what Vapi now has; 409 when the server or the
// clinic is not set up for it (nothing sent or stored); 502 when Vapi refused or could not be
// reached (recorded, shown on Hours and on-call). docs/assistant.md, "Failover".
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ clinicId: string }> },
) {
  try {
    const { clinicId } = await params;
    const { claims } = await requireClinicMember(clinicId);
    const status = await withClaims(claims, (tx) => getVapiNumberStatus(tx, clinicId));
    return Response.json({ status }, { headers: NO_STORE });
  } catch (error) {
    return toErrorResponse(error);
  }
}

export async function POST(
  _request: Request,
  { params }: { params: Promise<{ clinicId: string }> },
) {
  try {
    const { clinicId } = await params;
    const { clinic } = await requireClinicMember(clinicId);
    if (clinic.role !== "admin")
      throw new AppError("forbidden", "Only the clinic's admins can connect its number to Vapi.");
    const result = await pushClinicNumber(withService, clinicId, getEnv());
    if (result.ok) return Response.json(result, { headers: NO_STORE });
    return Response.json(
      { error: result.message, code: result.reason },
      { status: result.reason === "missing_setup" ? 409 : 502, headers: NO_STORE },
    );
  } catch (error) {
    return toErrorResponse(error);
  }
}
