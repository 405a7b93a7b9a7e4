/** Texts about a patient's own appointment: short, in the clinic's name, no details in the text itself. */

export function manageLinkText(input: { clinicName: string; link: string }): string {
  return `${input.clinicName}: here is the link you asked for to see, move or cancel your appointment: ${input.link} Reply STOP to opt out.`;
}
