import { TYPE_PRIORITY, type Finding } from "./types";

/** Merges overlapping findings into one span each; the most specific type names it. */
export function mergeFindings(findings: Finding[]): Finding[] {
  const sorted = [...findings]
    .filter((finding) => finding.end > finding.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Finding[] = [];
  for (const finding of sorted) {
    const last = merged.at(-1);
    if (last && finding.start < last.end) {
      last.end = Math.max(last.end, finding.end);
      if (TYPE_PRIORITY[finding.type] > TYPE_PRIORITY[last.type]) last.type = finding.type;
    } else {
      merged.push({ ...finding });
    }
  }
  return merged;
}

/**
 * Does a span overlap any of `spans`? The spans merged and sorted once, then a binary search
 * per question: a long call has thousands of names and terms to compare.
 */
export function overlapChecker(spans: Finding[]) {
  const merged = mergeFindings(spans);
  return (finding: Finding) => {
    let low = 0;
    let high = merged.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (merged[middle]!.end <= finding.start) low = middle + 1;
      else high = middle;
    }
    return low < merged.length && merged[low]!.start < finding.end;
  };
}

export function applyFindings(text: string, findings: Finding[]): string {
  let output = "";
  let cursor = 0;
  for (const finding of findings) {
    output += `${text.slice(cursor, finding.start)}[${finding.type}]`;
    cursor = finding.end;
  }
  return output + text.slice(cursor);
}
