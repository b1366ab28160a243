import type { nlBENotifications } from "./nl-BE.notifications";

/**
 * English (Belgium): the messages about sessions an organiser changed, cancelled or wrote about.
 * ICU message syntax, as in nl-BE.ts; the greeting, the session's essentials and the footer
 * come from the "email.*" keys in en-BE.ts.
 */
export const enBENotifications = {
  "email.sessionUpdated.subject": "Changed: {title} on {date}",
  "email.sessionUpdated.intro":
    "Something has changed for {title}. Your registration is still valid. The updated invitation is attached to this email, so your calendar updates itself.",
  "email.sessionUpdated.changes": "What has changed?",
  "email.sessionUpdated.time": "New time: {to}",
  "email.sessionUpdated.place": "New venue: {to}",
  "email.sessionUpdated.title": "New title: {to}",
  "email.sessionUpdated.summary": "New summary: {to}",
  "email.sessionUpdated.description":
    "The description of the session has been updated. You can read it on the session’s page.",
  "email.sessionUpdated.was": "Was: {from}",

  "email.sessionCancelled.subject": "Cancelled: {title} on {date}",
  "email.sessionCancelled.intro.confirmed":
    "We’re sorry: {title} on {date} has been cancelled. Your registration lapses, and this email also removes the session from your calendar.",
  "email.sessionCancelled.intro.waitlisted":
    "We’re sorry: {title} on {date} has been cancelled. You were on the waiting list; that lapses too.",
  "email.sessionCancelled.note": "A message from the organisers:",
  "email.sessionCancelled.otherSessions": "See the other sessions in {city}",

  "email.backOnWaitlist.subject": "Back on the waiting list: {title}",
  "email.backOnWaitlist.intro":
    "The number of places for {title} has been reduced, and as a result you no longer have a place. You are at the top of the waiting list, in position {position}. If a place comes free, it’s yours automatically and we’ll send you a new invitation. For now, this email removes the session from your calendar.",

  "email.organiserMessage.subject": "{subject} – {title}",
  "email.organiserMessage.intro": "The organisers of {title} have sent you this message:",
  "email.organiserMessage.signature":
    "You received this message from the organisers of this session, via Ondernemersagenda, because you {audience, select, waitlisted {are on the waiting list} present {attended} other {have signed up}}.",
} satisfies Record<keyof typeof nlBENotifications, string>;
