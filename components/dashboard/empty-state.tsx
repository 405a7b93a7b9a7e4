import type { LucideIcon } from "lucide-react";

/** What an empty page will show once there is data, and how it gets there. */
export function EmptyState({
  icon: Icon,
  title,
  children,
}: {
  icon: LucideIcon;
  title: string;
  children: React.ReactNode;
}) {
  return (
    <div className="flex flex-col items-center justify-center rounded-xl border border-dashed px-6 py-16 text-center">
      <span className="bg-accent text-primary mb-4 flex size-12 items-center justify-center rounded-full">
        <Icon className="size-6" aria-hidden />
      </span>
      <h2 className="text-base font-semibold">{title}</h2>
      <div className="text-muted-foreground mt-2 max-w-md text-sm">{children}</div>
    </div>
  );
}
