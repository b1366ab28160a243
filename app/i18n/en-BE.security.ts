import type { nlBESecurity } from "./nl-BE.security";

/** English (Belgium): what the site says when it refuses a request: abuse limits and requests it cannot take. */
export const enBESecurity = {
  "tooMany.title": "Please wait a moment",
  "tooMany.body":
    "Too many requests came in at once. Please try again in {minutes, plural, one {a minute} other {# minutes}}.",
  "tooMany.mailBody":
    "We’ve already sent several emails to this address in the last hour. To prevent abuse, you can try again in {minutes, plural, one {a minute} other {# minutes}}.",
  "busy.title": "Busy right now",
  "busy.body": "Lots of people are signing up at the same time. Please try again in a few seconds.",

  "edge.forbidden.title": "Form refused",
  "edge.forbidden.body":
    "This form didn’t come from this website, so we haven’t processed it. Open the page again and send the form from there.",
  "edge.tooLarge.title": "Too much data",
  "edge.tooLarge.body":
    "This form contains more data than we accept. Please shorten the text and try again.",
  "edge.unsupported.title": "Form can’t be read",
  "edge.unsupported.body":
    "We couldn’t read this form. Open the page again and send the form from there.",
  "edge.badRequest.title": "Invalid request",
  "edge.badRequest.body": "We couldn’t read this request.",
  "edge.backHome": "Go to all sessions",
} satisfies Record<keyof typeof nlBESecurity, string>;
