import type { nlBEGroups } from "./nl-BE.groups";

/** English: colleagues in one sign-up. The same keys as nl-BE.groups.ts. */
export const enBEGroups = {
  "group.bring": "I’m bringing colleagues",
  "group.bringHint":
    "Sign up to {max} people at once. Each colleague gets their own confirmation, invitation and link to cancel.",
  "group.colleague": "Colleague {number}",
  "group.colleagueName": "Name of colleague {number}",
  "group.colleagueEmail": "Email address of colleague {number}",
  "group.sharedDetails":
    "Your colleagues come under your organisation and enterprise number, with the answers you gave above.",
  "group.consent":
    "Only give a colleague’s name and address if they agree. Each colleague gets an email from us and can cancel or have their data erased themselves.",
  "group.choice": "If there are no seats left for everyone",
  "group.together": "Put us on the waiting list together: we all come or none of us",
  "group.split": "Give the free seats to the first of us, and put the others on the waiting list",
  "errors.colleague.emailRequired":
    "Enter your colleague’s email address: that’s where we send their confirmation and invitation.",
  "errors.colleague.sameEmail":
    "This address is already in this sign-up. Each person needs an email address of their own.",
  "errors.group.tooLarge":
    "This session now takes fewer people per sign-up. Check your colleagues and send again.",
  "thanks.bodyGroup":
    "We’ve sent an email to {emails}: to each address, with all the details and a personal link to view or cancel the registration.",
  "session.groupSize": "You can sign up to {max} people at once.",
  "sessionForm.groupSize": "People per sign-up",
  "sessionForm.groupSizeHint":
    "1: everyone signs up separately. From 2, whoever signs up can bring colleagues, each with their own seat and invitation.",
  "sessionForm.errors.groupSize.invalid": "Enter a whole number from {min} to {max}.",
  "audit.field.groupSize": "people per sign-up",
  "privacy.sharing.colleagues":
    "Did a colleague sign you up for a session? Then they gave us your name and email address. You get an email of your own with a personal link: there you cancel, download your data or have it erased.",
  "attendees.group": "Signed up together with {names}",
} as const satisfies Record<keyof typeof nlBEGroups, string>;
