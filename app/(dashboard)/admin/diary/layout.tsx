import { getClinicContext } from "@/lib/auth/clinic";
import { PageHeader } from "@/components/dashboard/page-header";
import { ReadOnlyNotice } from "@/components/dashboard/read-only-notice";
import { ConfigNav } from "@/components/diary-config/config-nav";

/** Diary setup: what can be booked, who works when, rooms, closures and booking rules. */
export default async function DiarySetupLayout({ children }: { children: React.ReactNode }) {
  const { current } = await getClinicContext();
  if (!current) return null;
  return (
    // One column that may shrink below its content's width: the section tabs scroll inside
    // their own strip on a phone instead of widening the page.
    <div className="grid grid-cols-[minmax(0,1fr)] gap-6">
      <div>
        <PageHeader
          title="Diary setup"
          description="What can be booked and for how long, who works when, the rooms and devices appointments need, and when the clinic is closed. The diary and Voxanne offer only what fits."
        >
          <ReadOnlyNotice role={current.role} />
        </PageHeader>
        <ConfigNav />
      </div>
      {children}
    </div>
  );
}
