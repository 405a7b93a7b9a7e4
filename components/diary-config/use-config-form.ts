"use client";

import { useState, useTransition } from "react";

/** What every configuration action answers (lib/diary/config-service.ts `ConfigResult`). */
export interface FormResult {
  id?: string;
  error?: string;
  fieldErrors?: Record<string, string>;
}

/**
 * The state of one configuration form: field errors beside their fields, one form error, a
 * pending flag for the submit button and a short "saved" note for forms that stay open.
 */
export function useConfigForm() {
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState<string>();
  const [pending, startTransition] = useTransition();

  const submit = (
    action: () => Promise<FormResult>,
    options: { onSuccess?: (result: FormResult) => void; savedMessage?: string } = {},
  ) =>
    startTransition(async () => {
      setSaved(undefined);
      const result = await action();
      setFieldErrors(result.fieldErrors ?? {});
      setError(result.error);
      if (!result.error && !result.fieldErrors) {
        setSaved(options.savedMessage);
        options.onSuccess?.(result);
      }
    });

  return { fieldErrors, error, saved, pending, submit };
}
