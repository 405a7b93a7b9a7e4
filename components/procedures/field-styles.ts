// Native <select> and <textarea> styled like components/ui/input (there is no shadcn primitive
// for them in this project yet), including the red border when aria-invalid.
const control =
  "border-input bg-background w-full rounded-md border px-3 text-sm shadow-xs outline-none focus-visible:border-ring focus-visible:ring-ring/50 focus-visible:ring-[3px] aria-invalid:border-destructive aria-invalid:ring-destructive/20";

export const selectClass = `${control} h-9`;
export const textareaClass = `${control} py-2`;
