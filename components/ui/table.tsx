import * as React from "react";

import { cn } from "@/lib/utils";

import { ScrollRegion } from "./scroll-region";

/**
 * A table. On a narrow screen a wide table must not scroll the page sideways, so:
 * - `stack="md"` (below 768 px: phones) or `stack="lg"` (below 1024 px: phones and tablets) turns
 *   each body row into a card and each cell into a line led by its column's name, given as
 *   `<TableCell label="Caller">` (a cell without a label is the card's title, full width). The
 *   header row stays for screen readers. The rules are one utility in app/globals.css ("Stacked tables").
 * - otherwise (and above the breakpoint) the table scrolls inside its own box, which becomes a
 *   keyboard-reachable region named by `aria-label` (or `label`) while it overflows. Its width
 *   never comes from the table (inline-size containment), so a wide table cannot widen the page.
 */
function Table({
  className,
  stack,
  label,
  ...props
}: React.ComponentProps<"table"> & { stack?: "md" | "lg"; label?: string }) {
  return (
    <ScrollRegion
      data-slot="table-container"
      label={label ?? props["aria-label"] ?? "Table"}
      className="relative w-full overflow-x-auto [contain:inline-size]"
    >
      <table
        data-slot="table"
        data-stack={stack}
        className={cn(
          "w-full caption-bottom text-sm",
          stack === "md" && "max-md:table-stacked",
          stack === "lg" && "max-lg:table-stacked",
          className,
        )}
        {...props}
      />
    </ScrollRegion>
  );
}

function TableHeader({ className, ...props }: React.ComponentProps<"thead">) {
  return <thead data-slot="table-header" className={cn("[&_tr]:border-b", className)} {...props} />;
}

function TableBody({ className, ...props }: React.ComponentProps<"tbody">) {
  return (
    <tbody
      data-slot="table-body"
      className={cn("[&_tr:last-child]:border-0", className)}
      {...props}
    />
  );
}

function TableFooter({ className, ...props }: React.ComponentProps<"tfoot">) {
  return (
    <tfoot
      data-slot="table-footer"
      className={cn("bg-muted/50 border-t font-medium [&>tr]:last:border-b-0", className)}
      {...props}
    />
  );
}

function TableRow({ className, ...props }: React.ComponentProps<"tr">) {
  return (
    <tr
      data-slot="table-row"
      className={cn(
        "hover:bg-muted/50 data-[state=selected]:bg-muted border-b transition-colors",
        className,
      )}
      {...props}
    />
  );
}

function TableHead({ className, ...props }: React.ComponentProps<"th">) {
  return (
    <th
      data-slot="table-head"
      className={cn(
        "text-foreground h-10 px-2 text-left align-middle font-medium whitespace-nowrap [&:has([role=checkbox])]:pr-0 [&>[role=checkbox]]:translate-y-[2px]",
        className,
      )}
      {...props}
    />
  );
}

function TableCell({
  className,
  label,
  ...props
}: React.ComponentProps<"td"> & {
  /** The column's name, shown before the value when the table is stacked. */
  label?: string;
}) {
  return (
    <td
      data-slot="table-cell"
      data-label={label}
      className={cn(
        "p-2 align-middle whitespace-nowrap [&:has([role=checkbox])]:pr-0 [&>[role=checkbox]]:translate-y-[2px]",
        className,
      )}
      {...props}
    />
  );
}

function TableCaption({ className, ...props }: React.ComponentProps<"caption">) {
  return (
    <caption
      data-slot="table-caption"
      className={cn("text-muted-foreground mt-4 text-sm", className)}
      {...props}
    />
  );
}

export { Table, TableHeader, TableBody, TableFooter, TableHead, TableRow, TableCell, TableCaption };
