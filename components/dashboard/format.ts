/** Formats an instant in the clinic's own time zone, which is what staff and callers mean. */
export function formatInClinicZone(
  date: Date,
  timeZone: string,
  options: Intl.DateTimeFormatOptions = {},
) {
  return new Intl.DateTimeFormat("en-US", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone,
    ...options,
  }).format(date);
}

/** +15555550199 -> +1 555-555-0199 for North American numbers; other E.164 numbers as given. */
export function formatPhone(e164: string) {
  const nanp = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  return nanp ? `+1 ${nanp[1]}-${nanp[2]}-${nanp[3]}` : e164;
}
