import { cn } from "@/lib/utils";

const TONE: Record<string, string> = {
  NAME: "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-100",
  PHONE: "bg-violet-100 text-violet-900 dark:bg-violet-950 dark:text-violet-100",
  EMAIL: "bg-indigo-100 text-indigo-900 dark:bg-indigo-950 dark:text-indigo-100",
  DOB: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-100",
  ADDRESS: "bg-orange-100 text-orange-900 dark:bg-orange-950 dark:text-orange-100",
  ID: "bg-rose-100 text-rose-900 dark:bg-rose-950 dark:text-rose-100",
  CARD: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-100",
  MEDICAL: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100",
  CUSTOM: "bg-zinc-200 text-zinc-900 dark:bg-zinc-800 dark:text-zinc-100",
};

/** Redacted text with each [TYPE] placeholder highlighted by type. */
export function PlaceholderText({ text, className }: { text: string; className?: string }) {
  const parts = text.split(/(\[(?:NAME|PHONE|EMAIL|DOB|ADDRESS|ID|CARD|MEDICAL|CUSTOM)\])/g);
  return (
    <p className={cn("leading-7 whitespace-pre-wrap", className)}>
      {parts.map((part, index) => {
        const type = /^\[([A-Z]+)\]$/.exec(part)?.[1];
        return type ? (
          <mark
            key={index}
            className={cn("rounded px-1 py-0.5 font-mono text-xs font-medium", TONE[type])}
            data-placeholder={type}
          >
            {part}
          </mark>
        ) : (
          <span key={index}>{part}</span>
        );
      })}
    </p>
  );
}
