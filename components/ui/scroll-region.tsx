"use client";

import * as React from "react";

import { cn } from "@/lib/utils";

/**
 * A box whose content may scroll (a wide table on a tablet, a transcript, a JSON view). While its
 * content overflows it is a named region in the tab order, so keyboard users can reach and
 * scroll it (WCAG 2.1.1; axe's `scrollable-region-focusable`); while it fits it is a plain box
 * and adds no tab stop. `label` names it for screen readers.
 */
function ScrollRegion({
  label,
  className,
  children,
  ...props
}: Omit<React.ComponentProps<"div">, "aria-label"> & { label: string }) {
  const ref = React.useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = React.useState(false);
  React.useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const measure = () =>
      setScrolls(box.scrollWidth > box.clientWidth + 1 || box.scrollHeight > box.clientHeight + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    for (const child of box.children) observer.observe(child);
    const mutations = new MutationObserver(measure);
    mutations.observe(box, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      mutations.disconnect();
    };
  }, []);
  return (
    <div
      ref={ref}
      data-slot="scroll-region"
      data-scrolls={scrolls || undefined}
      {...(scrolls ? { tabIndex: 0, role: "region", "aria-label": label } : {})}
      className={cn(
        "focus-visible:ring-ring/50 rounded-[inherit] outline-none focus-visible:ring-[3px]",
        className,
      )}
      {...props}
    >
      {children}
    </div>
  );
}

export { ScrollRegion };
