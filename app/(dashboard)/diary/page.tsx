import type { Metadata } from "next";

import { getClinicContext } from "@/lib/auth/clinic";
import { diaryLinkSchema } from "@/lib/validations/diary";
import { PageHeader } from "@/components/dashboard/page-header";
import { Diary } from "@/components/diary/diary";

export const metadata: Metadata = { title: "Diary" };

export default async function DiaryPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { current } = await getClinicContext();
  if (!current) return null;
  const { date, booking } = diaryLinkSchema.parse(await searchParams);
  return (
    <>
      <PageHeader
        title="Diary"
        description={`${current.name}'s day: appointments, times held on live calls, and blocked time. Book, move and cancel here.`}
      />
      <Diary
        key={current.id}
        clinicId={current.id}
        timeZone={current.timezone}
        initialDate={date}
        openBookingId={booking}
      />
    </>
  );
}
