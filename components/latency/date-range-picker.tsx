"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/**
 * From and to dates kept in the URL (`from`, `to`), so a range can be shared or reloaded.
 * The page validates them and falls back to the last 14 days.
 */
export function DateRangePicker({ from, to }: { from: string; to: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const set = (key: "from" | "to", value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    router.replace(`${pathname}${next.size ? `?${next}` : ""}`);
  };
  return (
    <div className="flex flex-wrap items-end gap-3" data-testid="date-range">
      <div className="grid gap-1.5">
        <Label htmlFor="range-from">From</Label>
        <Input
          id="range-from"
          type="date"
          value={from}
          max={to}
          onChange={(event) => set("from", event.target.value)}
          className="w-40"
        />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="range-to">To</Label>
        <Input
          id="range-to"
          type="date"
          value={to}
          min={from}
          onChange={(event) => set("to", event.target.value)}
          className="w-40"
        />
      </div>
      {params.has("from") || params.has("to") ? (
        <Button variant="ghost" size="sm" onClick={() => router.replace(pathname)}>
          Last 14 days
        </Button>
      ) : null}
    </div>
  );
}
