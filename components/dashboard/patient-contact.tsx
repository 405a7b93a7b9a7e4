"use client";

import { MessageSquareText, Phone } from "lucide-react";
import Link from "next/link";

import { formatMaskedPhone, formatPhone } from "@/lib/format";
import { cn } from "@/lib/utils";
import { useClinicFormat } from "@/components/dashboard/clinic-format";

/**
 * A patient's number with what staff do with it: ring it (`tel:`, E.164) and text it (their
 * conversation in Messages). `phone` is the full number only when the data layer allowed it for
 * the signed-in person's role (public.staff_phone); otherwise it is null and only the last four
 * digits show, without links. The page does not decide who sees what.
 */
export function PatientContact({
  phone,
  last4,
  patientId,
  name,
  className,
}: {
  phone: string | null;
  last4: string | null;
  patientId: string | null;
  /** Who it is, for the links' accessible names ("Call Ada Lovelace"). */
  name?: string | null;
  className?: string;
}) {
  const { clinic } = useClinicFormat();
  if (!phone)
    return last4 ? (
      <span
        className={cn("text-muted-foreground tabular-nums", className)}
        data-testid="masked-phone"
      >
        {formatMaskedPhone(last4)}
      </span>
    ) : null;
  const who = name ?? formatPhone(phone, clinic);
  return (
    <span
      className={cn("inline-flex flex-wrap items-center gap-x-3 gap-y-1", className)}
      data-testid="patient-contact"
    >
      <a
        href={`tel:${phone}`}
        className="inline-flex items-center gap-1 font-medium tabular-nums underline-offset-4 hover:underline"
        aria-label={`Call ${who} on ${formatPhone(phone, clinic)}`}
        data-testid="call-link"
      >
        <Phone className="size-3.5" aria-hidden />
        {formatPhone(phone, clinic)}
      </a>
      {patientId ? (
        <Link
          href={`/messages?patient=${patientId}`}
          className="inline-flex items-center gap-1 underline-offset-4 hover:underline"
          aria-label={`Text ${who}`}
          data-testid="text-link"
        >
          <MessageSquareText className="size-3.5" aria-hidden />
          Text
        </Link>
      ) : null}
    </span>
  );
}
