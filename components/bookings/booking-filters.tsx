"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/** Day and status filters, kept in the URL so a filtered view can be shared or reloaded. */
export function BookingFilters() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    router.replace(`${pathname}${next.size ? `?${next}` : ""}`);
  };
  return (
    <div className="flex flex-wrap items-end gap-3">
      <div className="grid gap-1.5">
        <Label htmlFor="day">Day</Label>
        <Input
          id="day"
          type="date"
          value={params.get("day") ?? ""}
          onChange={(event) => set("day", event.target.value)}
          className="w-40"
        />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="status">Status</Label>
        <select
          id="status"
          value={params.get("status") ?? ""}
          onChange={(event) => set("status", event.target.value)}
          className="border-input bg-background h-9 rounded-md border px-3 text-sm"
        >
          <option value="">Upcoming (pending, confirmed, arrived)</option>
          <option value="pending">Pending</option>
          <option value="confirmed">Confirmed</option>
          <option value="arrived">Arrived</option>
          <option value="completed">Completed</option>
          <option value="no_show">No-show</option>
          <option value="cancelled">Cancelled</option>
          <option value="all">All</option>
        </select>
      </div>
      {params.size ? (
        <Button variant="ghost" size="sm" onClick={() => router.replace(pathname)}>
          Clear
        </Button>
      ) : null}
    </div>
  );
}
