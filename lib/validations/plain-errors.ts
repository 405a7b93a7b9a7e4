import type { z } from "zod";

// Form errors are sentences, never validator output (issue 20). Schemas give their own
// messages where they can ("Say why the booking is cancelled."); anything a schema leaves to zod
// ("Invalid input: expected string, received undefined", "Too small: expected string to have
// >=3 characters") is put in words here. Pass it as the parse's error map, which zod uses only
// for issues without a message of their own:
//
//   schema.safeParse(input, { error: plainError })

type Issue = Parameters<z.core.$ZodErrorMap>[0];

/** `minNoticeMinutes` → "min notice minutes"; a list index → "this item". */
function fieldName(path: readonly PropertyKey[] | undefined): string | null {
  const last = [...(path ?? [])].reverse().find((segment) => typeof segment === "string");
  if (typeof last !== "string" || last.length === 0) return null;
  return last
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replaceAll(/[_-]+/g, " ")
    .toLowerCase()
    .replace(/\bid\b/g, "choice");
}

const plural = (count: number | bigint, one: string) =>
  `${count} ${one}${Number(count) === 1 ? "" : "s"}`;

/** One issue without its own message, as a sentence a receptionist reads. */
export function plainError(issue: Issue): string {
  const field = fieldName(issue.path);
  const the = field ? `the ${field}` : "this";
  const The = field ? `The ${field}` : "This";
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined || issue.input === null || issue.input === ""
        ? `Please fill in ${the}.`
        : issue.expected === "number" || issue.expected === "int"
          ? `Enter a number for ${the}.`
          : issue.expected === "date"
            ? `Enter a date for ${the}.`
            : `Please check ${the}.`;
    case "too_small":
      if (issue.origin === "string")
        return Number(issue.minimum) <= 1
          ? `Please fill in ${the}.`
          : `${The} needs at least ${plural(issue.minimum, "character")}.`;
      if (issue.origin === "array" || issue.origin === "set")
        return `Choose at least ${plural(issue.minimum, "item")} for ${the}.`;
      if (issue.origin === "date") return `${The} is too early.`;
      return `${The} must be ${issue.inclusive === false ? "more than" : "at least"} ${issue.minimum}.`;
    case "too_big":
      if (issue.origin === "string")
        return `${The} can be at most ${plural(issue.maximum, "character")}.`;
      if (issue.origin === "array" || issue.origin === "set")
        return `Choose at most ${plural(issue.maximum, "item")} for ${the}.`;
      if (issue.origin === "date") return `${The} is too late.`;
      if (issue.origin === "file") return `${The} is too large.`;
      return `${The} must be ${issue.inclusive === false ? "less than" : "at most"} ${issue.maximum}.`;
    case "invalid_format":
      if (issue.format === "email") return "Enter an email address like name@example.com.";
      if (issue.format === "url") return "Enter a web address starting with https://.";
      if (issue.format === "uuid" || issue.format === "guid")
        return `That ${field ?? "choice"} is no longer available. Reload the page and try again.`;
      if (issue.format === "date") return `Enter ${the} as a date.`;
      if (issue.format === "time") return `Enter ${the} as a time, like 09:30.`;
      return `Please check the format of ${the}.`;
    case "not_multiple_of":
      return `${The} must be a multiple of ${issue.divisor}.`;
    case "invalid_value":
    case "invalid_union":
    case "invalid_key":
    case "invalid_element":
      return `Choose one of the options for ${the}.`;
    case "unrecognized_keys":
      return "The form sent something unexpected. Reload the page and try again.";
    default:
      return `Please check ${the}.`;
  }
}
