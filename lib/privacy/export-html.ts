import type { SubjectExport } from "./requests";

// The readable summary of an export (issue 16): one self-contained, printable HTML page with
// every area found and each row's filled-in fields. Everything is escaped; no script, no
// outside resource, so it opens offline and prints as it shows.

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

function show(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value, null, 1);
}

/** Field names as people read them: patient_name → Patient name. */
function label(key: string): string {
  const words = key.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function isEmpty(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    value === "" ||
    (Array.isArray(value) && value.length === 0) ||
    (typeof value === "object" && value !== null && Object.keys(value).length === 0)
  );
}

export function exportHtml(data: SubjectExport): string {
  const who = data.subject.phone ?? `patient ${data.subject.patientId}`;
  const total = data.areas.reduce((sum, area) => sum + area.count, 0);
  const sections = data.areas
    .map((area) => {
      const rows = area.rows
        .map((row) => {
          const fields = Object.entries(row as Record<string, unknown>)
            .filter(([key, value]) => key !== "clinic_id" && !isEmpty(value))
            .map(
              ([key, value]) =>
                `<tr><th scope="row">${escapeHtml(label(key))}</th><td>${escapeHtml(show(value))}</td></tr>`,
            )
            .join("");
          return `<table>${fields}</table>`;
        })
        .join("\n");
      return `<section><h2>${escapeHtml(area.label)} <small>(${area.count})</small></h2>\n${rows}</section>`;
    })
    .join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Data held about ${escapeHtml(who)} – ${escapeHtml(data.clinic)}</title>
<style>
body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem; color: #111; }
h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
h2 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; border-bottom: 1px solid #ccc; }
small { color: #555; font-weight: normal; }
table { border-collapse: collapse; width: 100%; margin: 0 0 .75rem; page-break-inside: avoid; }
th, td { border: 1px solid #ddd; padding: .2rem .4rem; text-align: left; vertical-align: top; }
th { width: 14rem; background: #f6f6f6; font-weight: 600; }
td { white-space: pre-wrap; word-break: break-word; }
@media print { body { margin: 0; } }
</style>
</head>
<body>
<h1>Data ${escapeHtml(data.clinic)} holds about ${escapeHtml(who)}</h1>
<p>Exported ${escapeHtml(data.exportedAt)}. ${total} record${total === 1 ? "" : "s"} in ${data.areas.length} area${data.areas.length === 1 ? "" : "s"}. Transcripts are stored redacted; the machine-readable export has the same records as JSON.</p>
${sections}
</body>
</html>
`;
}
