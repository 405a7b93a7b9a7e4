/** What a patient's aftercare link page says when the link does not open the guide. */
export const LINK_PROBLEMS: Record<string, { title: string; body: string }> = {
  expired: {
    title: "This link has expired",
    body: "Aftercare links work for a limited time to keep your information private. We can send you a new one.",
  },
  revoked: {
    title: "This link is no longer active",
    body: "The clinic has replaced or withdrawn this guide. We can send you the current one.",
  },
  unknown: {
    title: "We couldn't find that link",
    body: "Check that the whole link from your text message was opened, or ask the clinic to send it again.",
  },
  missing: {
    title: "This guide isn't available right now",
    body: "The clinic's file could not be found. We can send it to you again.",
  },
  error: {
    title: "This guide isn't available right now",
    body: "Please try again in a few minutes.",
  },
};
