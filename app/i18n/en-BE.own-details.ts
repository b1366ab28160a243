import type { nlBEOwnDetails } from "./nl-BE.own-details";

/**
 * English (Belgium): a person correcting their own details on their manage page, the mail with
 * the invite on their new name, and the mark organisers see. ICU message syntax, as in nl-BE.ts.
 */
export const enBEOwnDetails = {
  "details.title": "Correct your details",
  "details.editableUntil":
    "Something not right? You can correct your details here until {date} at {time}.",
  "details.email": "Email address: {email}",
  "details.emailFixed":
    "This address can’t be changed here. Want to use another address? Cancel this registration and sign up again with that address. If the session has filled up in the meantime, you will be on the waiting list.",
  "details.submit": "Save my details",
  "details.submitting": "Saving…",
  "details.errors.form": "Your details were not saved. Correct the fields we point out.",
  "details.saved": "Your details have been saved.",
  "details.savedWithInvite":
    "Your details have been saved. We sent you an updated invite for your calendar, in your new name.",
  "details.unchanged": "Nothing changed: your details were already like this.",
  "details.locked.closed":
    "Registration for this session has closed: your details can no longer be changed.",
  "details.locked.cancelled":
    "This session will not take place: your details can no longer be changed.",
  "details.locked.past":
    "This session has already started or is over: your details can no longer be changed.",
  "details.locked.notLive":
    "This registration is no longer active: there are no details left to change.",

  "email.detailsUpdated.subject": "Updated invite: {title}",
  "email.detailsUpdated.intro":
    "You changed your name for {title}. Here is your invite again, in your new name: your calendar updates the event it already holds. Your registration itself stays as it was.",

  "mailKind.registration.detailsUpdated": "Invite in a changed name",

  "attendees.selfUpdated": "Details changed by the person on {date} at {time}",
} satisfies Record<keyof typeof nlBEOwnDetails, string>;
