import type { nlBEMail } from "./nl-BE.mail";

/**
 * English (Belgium): what organisers are told about mail that could not be delivered.
 * ICU message syntax, as in nl-BE.ts.
 */
export const enBEMail = {
  "dashboard.failedMail.title": "Emails not sent",
  "dashboard.failedMail.intro":
    "{count, plural, one {One email was} other {# emails were}} refused by the mail server in the last {days} days and will not be sent again. Please get in touch with the recipients yourself.",
  "dashboard.failedMail.column.to": "To",
  "dashboard.failedMail.column.kind": "Message",
  "dashboard.failedMail.column.session": "Session",
  "dashboard.failedMail.column.reason": "Mail server’s reply",
  "dashboard.failedMail.erased": "(data erased)",
  "dashboard.failedMail.noSession": "—",

  "mailKind.registration.confirmed": "Registration confirmation",
  "mailKind.registration.promoted": "Place came free",
  "mailKind.registration.waitlisted": "On the waiting list",
  "mailKind.registration.reminder": "Registration reminder",
  "mailKind.registration.manageLink": "Registration link asked for again",
  "mailKind.registration.backOnWaitlist": "Back on the waiting list",
  "mailKind.registration.cancelled": "Cancellation",
  "mailKind.registration.declined": "Cancellation after declining in the calendar",
  "mailKind.registration.refreshed": "Invitation sent again",
  "mailKind.registration.counterDeclined": "Proposed new time declined",
  "mailKind.session.updated": "Session changed",
  "mailKind.session.cancelled": "Session cancelled",
  "mailKind.organiser.message": "Message from the organisers",
  "mailKind.organiser.passwordReset": "New password",
  "mailKind.organiser.invitation": "Organiser invitation",
  "mailKind.other": "Other message",
} satisfies Record<keyof typeof nlBEMail, string>;
