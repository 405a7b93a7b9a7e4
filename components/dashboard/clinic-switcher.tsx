"use client";

import { Building2, Check, ChevronsUpDown, Plus } from "lucide-react";
import Link from "next/link";
import { useTransition } from "react";

import { switchClinic } from "@/lib/actions/clinic";
import type { ClinicMembership } from "@/lib/db/clinics";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

export function ClinicSwitcher({
  clinics,
  current,
}: {
  clinics: ClinicMembership[];
  current: ClinicMembership;
}) {
  const [pending, startTransition] = useTransition();
  const label = (
    <span className="flex min-w-0 items-center gap-2">
      <Building2 className="size-4 shrink-0" aria-hidden />
      <span className="truncate" data-testid="current-clinic">
        {current.name}
      </span>
    </span>
  );

  if (clinics.length < 2) {
    return (
      <div className="flex h-9 items-center justify-between gap-1 pr-1 pl-3 text-sm font-semibold">
        {label}
        <Button asChild variant="ghost" size="icon" className="size-7">
          <Link href="/clinics/new" aria-label="Create a clinic" title="Create a clinic">
            <Plus className="size-4" aria-hidden />
          </Link>
        </Button>
      </div>
    );
  }
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button
          variant="ghost"
          className="w-full justify-between px-3 font-semibold"
          disabled={pending}
          aria-label="Switch clinic"
        >
          {label}
          <ChevronsUpDown className="size-4 opacity-60" aria-hidden />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="w-60">
        <DropdownMenuLabel>Your clinics</DropdownMenuLabel>
        {clinics.map((clinic) => (
          <DropdownMenuItem
            key={clinic.id}
            onSelect={() =>
              startTransition(async () => void (await switchClinic({ clinicId: clinic.id })))
            }
            className="justify-between"
          >
            <span className="truncate">{clinic.name}</span>
            {clinic.id === current.id ? (
              <Check className="size-4" aria-label="Current clinic" />
            ) : null}
          </DropdownMenuItem>
        ))}
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/clinics/new">
            <Plus className="size-4" aria-hidden />
            Create a clinic
          </Link>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
