import { z } from "zod";

import { CALL_OUTCOMES } from "@/types/call-outcomes";

import { addDays, daysInRange, todayIn } from "./date-range";
import { isoDate, readSearchParams } from "./search-params";

/** Calls per page of the history. */
export const HISTORY_PAGE_SIZE = 25;
/** The most rows one CSV export holds; narrow the dates for more. */
export const HISTORY_EXPORT_LIMIT = 5000;
/** The longest range the history searches at once, in days. */
export const HISTORY_MAX_DAYS = 366;
const DEFAULT_DAYS = 30;

export const HISTORY_OUTCOMES = [...CALL_OUTCOMES, "in_progress"] as const;

const fields = {
  from: isoDate,
  to: isoDate,
  caller: z.string().trim().min(1).max(100),
  outcome: z.enum(HISTORY_OUTCOMES),
  procedure: z.uuid(),
  practitioner: z.uuid(),
  page: z.coerce.number().int().min(1).max(10_000),
};

const EXPLAIN: Record<keyof typeof fields, (value: string) => string> = {
  from: (value) => `“${value}” is not a date, so the history starts ${DEFAULT_DAYS} days back.`,
  to: (value) => `“${value}” is not a date, so the history runs to today.`,
  caller: () => "That caller search was too long, so every caller is shown.",
  outcome: (value) => `“${value}” is not an outcome, so every outcome is shown.`,
  procedure: () => "That procedure could not be found, so every procedure is shown.",
  practitioner: () => "That practitioner could not be found, so everyone is shown.",
  page: (value) => `“${value}” is not a page number, so the first page is shown.`,
};

export interface CallHistoryQuery {
  from: string;
  to: string;
  caller?: string;
  outcome?: (typeof HISTORY_OUTCOMES)[number];
  procedureId?: string;
  practitionerId?: string;
  page: number;
}

/**
 * The history's filters from the address: each value read on its own and dropped in words when
 * unusable; the dates default to the last 30 clinic-local days, a reversed range is swapped and
 * a range over a year is cut to its last year (each said too).
 */
export function readCallHistoryParams(
  raw: Record<string, string | string[] | undefined> | undefined,
  timezone: string,
  now = new Date(),
): { query: CallHistoryQuery; notes: string[] } {
  const { values, ignored } = readSearchParams(raw, fields, (name, value) => EXPLAIN[name](value));
  const notes = [...ignored];
  const today = todayIn(timezone, now);
  let to = values.to ?? today;
  let from = values.from ?? addDays(to, -(DEFAULT_DAYS - 1));
  if (from > to) {
    [from, to] = [to, from];
    notes.push("The dates were the wrong way round, so they were swapped.");
  }
  if (daysInRange({ from, to }) > HISTORY_MAX_DAYS) {
    from = addDays(to, -(HISTORY_MAX_DAYS - 1));
    notes.push(
      "The history searches at most a year at a time, so it starts a year before the end date.",
    );
  }
  return {
    query: {
      from,
      to,
      caller: values.caller,
      outcome: values.outcome,
      procedureId: values.procedure,
      practitionerId: values.practitioner,
      page: values.page ?? 1,
    },
    notes,
  };
}

/** The address of the history (or its export) for `query`, leaving out what is default. */
export function callHistorySearch(query: Partial<CallHistoryQuery>): string {
  const params = new URLSearchParams();
  if (query.from) params.set("from", query.from);
  if (query.to) params.set("to", query.to);
  if (query.caller) params.set("caller", query.caller);
  if (query.outcome) params.set("outcome", query.outcome);
  if (query.procedureId) params.set("procedure", query.procedureId);
  if (query.practitionerId) params.set("practitioner", query.practitionerId);
  if (query.page && query.page > 1) params.set("page", String(query.page));
  const search = params.toString();
  return search ? `?${search}` : "";
}
