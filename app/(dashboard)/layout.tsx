import { Building2 } from "lucide-react";

import { getEnv, getSupabaseConfig } from "@/lib/env";
import { navForRole } from "@/config/dashboard";
import { signOut } from "@/lib/actions/auth";
import { loadAlertPreferences } from "@/lib/alerts/service";
import { displayNameFromClaims } from "@/lib/auth/claims";
import { getClinicContext } from "@/lib/auth/clinic";
import { RealtimeProvider, type RealtimeConfig } from "@/lib/realtime/provider";
import { timeZones } from "@/lib/validations/onboarding";
import { Button } from "@/components/ui/button";
import { AlertsProvider } from "@/components/alerts/alerts-provider";
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
      <main
        id="main"
        tabIndex={-1}
        className="flex min-h-dvh flex-col items-center justify-center gap-6 p-4 outline-none"
      >
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

  const alertPreferences = await loadAlertPreferences(claims, current.id);

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
          <AlertsProvider clinicId={current.id} initialPreferences={alertPreferences}>
            <AppShell
              groups={navForRole(current.role)}
              clinics={clinics}
              current={current}
              user={{ name: displayNameFromClaims(claims), email: claims.email }}
            >
              {children}
            </AppShell>
          </AlertsProvider>
        </ClinicFormatProvider>
        <ViewerZone />
      </RealtimeProvider>
    </Providers>
  );
}
