import { Building2 } from "lucide-react";

import { getEnv, getSupabaseConfig } from "@/lib/env";
import { navForRole } from "@/config/dashboard";
import { signOut } from "@/lib/actions/auth";
import { displayNameFromClaims } from "@/lib/auth/claims";
import { getClinicContext } from "@/lib/auth/clinic";
import { RealtimeProvider, type RealtimeConfig } from "@/lib/realtime/provider";
import { timeZones } from "@/lib/validations/onboarding";
import { Button } from "@/components/ui/button";
import { AppShell } from "@/components/dashboard/app-shell";
import { ClinicFormatProvider } from "@/components/dashboard/clinic-format";
import { EmptyState } from "@/components/dashboard/empty-state";
import { ViewerZone } from "@/components/dashboard/viewer-zone";
import { CreateClinicCard } from "@/components/onboarding/create-clinic-card";
import { Providers } from "@/components/providers";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const { claims, clinics, current } = await getClinicContext();

  if (!current) {
    // Signed in, in no clinic: an owner who just signed up creates theirs; staff wait for an
    // invitation.
    return (
      <main className="flex min-h-dvh flex-col items-center justify-center gap-6 p-4">
        <CreateClinicCard zones={timeZones()} first />
        <EmptyState icon={Building2} title="Joining an existing clinic?">
          <p>
            Your account ({claims.email}) is not part of a clinic yet. If you work at one, ask its
            admin to invite you instead.
          </p>
          <form action={signOut} className="mt-4">
            <Button type="submit" variant="outline" size="sm">
              Sign out
            </Button>
          </form>
        </EmptyState>
      </main>
    );
  }

  const realtime: RealtimeConfig =
    getEnv().REALTIME_TRANSPORT === "supabase"
      ? { transport: "supabase", ...getSupabaseConfig() }
      : { transport: "sse" };

  return (
    <Providers>
      <RealtimeProvider config={realtime}>
        <ClinicFormatProvider
          clinic={{
            locale: current.locale,
            currency: current.currency,
            timezone: current.timezone,
          }}
        >
          <AppShell
            groups={navForRole(current.role)}
            clinics={clinics}
            current={current}
            user={{ name: displayNameFromClaims(claims), email: claims.email }}
          >
            {children}
          </AppShell>
        </ClinicFormatProvider>
        <ViewerZone />
      </RealtimeProvider>
    </Providers>
  );
}
