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

// What may lie between two findings of one type that are one thing: a space, a comma or a
// pause ("[Denise] [Cawthorne]", "[O-K-A-F-O-R], hyphen, [L-U-N-D]"), and between two medical
// terms the little words that tie a condition to where it is ("a [clot] in me [lung]",
// "[pain] in her [lower back]").
const JOIN_ANY = /^[\s,.;–—-]*(?:(?:hyphen|dash)[\s,.;–—-]*)?$/i;
const JOIN_MEDICAL =
  /^\s+(?:(?:in|on|of|to|my|me|her|his|their|the|a|an|left|right|both|lower|upper)\s+){1,3}$/i;

/**
 * Merged findings (sorted, apart), with neighbours of one type that are one thing joined: the
 * redacted text says "[NAME]" once for a full name, not "[NAME] [NAME]".
 */
export function joinAdjacent(text: string, findings: Finding[]): Finding[] {
  const joined: Finding[] = [];
  for (const finding of findings) {
    const last = joined.at(-1);
    const gap = last ? text.slice(last.end, finding.start) : "";
    if (
      last &&
      last.type === finding.type &&
      (JOIN_ANY.test(gap) || (finding.type === "MEDICAL" && JOIN_MEDICAL.test(gap)))
    )
      last.end = finding.end;
    else joined.push({ ...finding });
  }
  return joined;
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
