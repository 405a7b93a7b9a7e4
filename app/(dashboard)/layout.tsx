import { Building2 } from "lucide-react";

import { getEnv, getSupabaseConfig } from "@/lib/env";
import { navForRole } from "@/config/dashboard";
import { signOut } from "@/lib/actions/auth";
import { displayNameFromClaims } from "@/lib/auth/claims";
import { getClinicContext } from "@/lib/auth/clinic";
import { RealtimeProvider, type RealtimeConfig } from "@/lib/realtime/provider";
import { Button } from "@/components/ui/button";
import { AppShell } from "@/components/dashboard/app-shell";
import { EmptyState } from "@/components/dashboard/empty-state";
import { Providers } from "@/components/providers";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const { claims, clinics, current } = await getClinicContext();

  if (!current) {
    return (
      <main className="flex min-h-dvh items-center justify-center p-4">
        <EmptyState icon={Building2} title="You're not part of a clinic yet">
          <p>
            Your account ({claims.email}) is signed in but has not been added to a clinic. Ask your
            clinic admin to add you.
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
        <AppShell
          groups={navForRole(current.role)}
          clinics={clinics}
          current={current}
          user={{ name: displayNameFromClaims(claims), email: claims.email }}
        >
          {children}
        </AppShell>
      </RealtimeProvider>
    </Providers>
  );
}
