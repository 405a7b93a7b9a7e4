import { SearchX } from "lucide-react";
import Link from "next/link";

import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/dashboard/empty-state";

/** A page, call or patient that does not exist (or is another clinic's), inside the dashboard's frame. */
export default function DashboardNotFound() {
  return (
    <div data-testid="not-found">
      <EmptyState icon={SearchX} title="We couldn't find that page">
        <p>The link may be old, or what it pointed to belongs to another clinic or was removed.</p>
        <div className="mt-4 flex flex-wrap justify-center gap-2">
          <Button size="sm" asChild>
            <Link href="/">Go to Live calls</Link>
          </Button>
          <Button size="sm" variant="outline" asChild>
            <Link href="/calls">Call history</Link>
          </Button>
        </div>
      </EmptyState>
    </div>
  );
}
