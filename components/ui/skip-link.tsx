import * as React from "react";

import { cn } from "@/lib/utils";

/**
 * "Skip to main content": the first thing the keyboard reaches on every page, hidden until
 * focused. It leads to the page's `<main id="main" tabIndex={-1}>` (WCAG 2.4.1, bypass blocks).
 */
function SkipLink({
  href = "#main",
  className,
  children = "Skip to main content",
  ...props
}: React.ComponentProps<"a">) {
  return (
    <a
      data-slot="skip-link"
      href={href}
      className={cn(
        "bg-background text-foreground focus-visible:ring-ring/50 sr-only z-50 rounded-md border px-4 py-2 text-sm font-medium shadow-md outline-none focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus-visible:ring-[3px]",
        className,
      )}
      {...props}
    >
      {children}
    </a>
  );
}

export { SkipLink };
