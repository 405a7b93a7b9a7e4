import type { Metadata } from "next";

import { getClinicContext } from "@/lib/auth/clinic";
import { diaryLinkFields, explainDiaryLink } from "@/lib/validations/diary";
import { readSearchParams } from "@/lib/validations/search-params";
import { IgnoredParams } from "@/components/dashboard/ignored-params";
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
  const {
    values: { date, booking },
    ignored,
  } = readSearchParams(await searchParams, diaryLinkFields, explainDiaryLink);
  return (
    <>
      <PageHeader
        title="Diary"
        description={`${current.name}'s day: appointments, times held on live calls, and blocked time. Book, move and cancel here.`}
      />
      <IgnoredParams notes={ignored} />
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
