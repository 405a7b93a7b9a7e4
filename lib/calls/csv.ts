import type { CallHistoryRow } from "@/lib/db/call-history";

import { describeEnding, outcomeWords, stateWords } from "./plain-language";

/** One CSV field: quoted when it must be, and never read as a formula by a spreadsheet. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  // CSV injection: a cell starting =, +, -, @, tab or CR is a formula to Excel and Sheets.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const HEADER = [
  "Started",
  "Caller",
  "Number",
  "Outcome",
  "How it ended",
  "Length (seconds)",
  "Procedures",
  "Practitioners",
  "Urgent",
  "Call id",
];

/**
 * The call history as CSV for admins, in the words the page uses (the codes are for the call
 * page's Details). Times are the clinic's local time with its zone named in the header.
 */
export function callHistoryCsv(rows: CallHistoryRow[], timezone: string): string {
  const time = new Intl.DateTimeFormat("en-CA", {
    timeZone: timezone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  });
  const lines = [[`Started (${timezone})`, ...HEADER.slice(1)].map(csvField).join(",")];
  for (const row of rows) {
    lines.push(
      [
        time.format(row.startedAt).replace(", ", " "),
        row.callerName,
        row.callerNumber,
        outcomeWords(row.outcome)?.label ?? stateWords(row.state),
        describeEnding(row.endedReason)?.words ?? "",
        row.durationMs === null ? "" : Math.round(row.durationMs / 1000),
        row.procedures.join("; "),
        row.practitioners.join("; "),
        row.urgency ?? "",
        row.id,
      ]
        .map(csvField)
        .join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}
