import type { nlBESessionForm } from "./nl-BE.session-form";

/**
 * English (Belgium): the session form of the organiser workspace and its validation messages,
 * with the smaller forms about a session (cancelling it, messaging its attendees).
 * ICU message syntax, as in nl-BE.ts. Kinds and languages use "kind.*" and "language.*".
 */
export const enBESessionForm = {
  "sessionForm.heading.create": "New session",
  "sessionForm.heading.edit": "Edit session",
  "sessionForm.heading.duplicate": "Copy session",
  "sessionForm.duplicateNotice":
    "This is a copy, four weeks later on the same weekday and at the same times. Check the date and the sign-up period before you save.",

  "sessionForm.title": "Title",
  "sessionForm.summary": "Short summary",
  "sessionForm.summaryHint":
    "One or two sentences. They appear in the list of sessions and in the invitation.",
  "sessionForm.description": "Description (optional)",
  "sessionForm.descriptionHint":
    "The programme with times, who the session is for and what to bring. A blank line starts a new paragraph.",
  "sessionForm.kind": "Kind of session",
  "sessionForm.cityId": "City",
  "sessionForm.chooseCity": "Choose a city",
  "sessionForm.venueName": "Venue",
  "sessionForm.venueNameHint": "For example: Leuven Town Hall, De Valk room",
  "sessionForm.venueAddress": "Address",
  "sessionForm.venueAddressHint": "Street and number, postcode and town",
  "sessionForm.date": "Date",
  "sessionForm.startTime": "Starts at",
  "sessionForm.endTime": "Ends at",
  "sessionForm.timeHint": "All times are Belgian time.",
  "sessionForm.capacity": "Number of places",
  "sessionForm.capacityHint":
    "Anyone who signs up when all places are taken goes on the waiting list. With 0, everyone goes on the waiting list.",
  "sessionForm.registrationWindow": "Sign-up period",
  "sessionForm.registrationOpensAt": "Sign-up opens on (optional)",
  "sessionForm.registrationOpensAtHint": "Leave empty to open sign-up straight away.",
  "sessionForm.registrationClosesAt": "Sign-up closes on (optional)",
  "sessionForm.registrationClosesAtHint":
    "Leave empty to allow sign-up until the session starts. All times are Belgian time.",
  "sessionForm.language": "Language of the session",
  "sessionForm.partnerIds": "Partners (optional)",
  "sessionForm.partnerIdsHint":
    "The organisations that co-organise the session. They’re shown with the session and in the emails.",
  "sessionForm.changeNotice":
    "If you change the title, the summary, the description, the time or the venue, everyone who has signed up gets an email with an updated invitation, and their calendar updates itself.",
  "sessionForm.capacityBelowConfirmed":
    "{confirmed, plural, one {# person has} other {# people have}} already signed up, more than the {capacity, plural, one {# place} other {# places}} you’ve entered. Choose more places, or confirm that the people who got a place last go back to the waiting list.",
  "sessionForm.confirmMoveToWaitlist":
    "Yes, put {count, plural, one {the person who signed up last} other {the # people who signed up last}} at the top of the waiting list. We’ll email them about it.",
  "sessionForm.submit.create": "Create session",
  "sessionForm.submit.edit": "Save changes",
  "sessionForm.submitting": "Just a moment…",
  "sessionForm.result.created": "The session has been created.",
  "sessionForm.result.saved":
    "Your changes have been saved.{reinvited, plural, =0 {} one { # attendee got an updated invitation.} other { # attendees got an updated invitation.}}{promoted, plural, =0 {} one { # person from the waiting list got a place.} other { # people from the waiting list got a place.}}{movedToWaitlist, plural, =0 {} one { # attendee is back on the waiting list.} other { # attendees are back on the waiting list.}}",
  "sessionForm.unavailable.cancelled":
    "This session has been cancelled. You can no longer change it; make a copy for a new date.",

  "sessionForm.errors.form":
    "The session hasn’t been saved yet. Please correct the fields we’ve marked.",
  "sessionForm.errors.title.required": "Give the session a title.",
  "sessionForm.errors.title.tooLong": "The title can be {max} characters long at most.",
  "sessionForm.errors.summary.required": "Sum up the session in one or two sentences.",
  "sessionForm.errors.summary.tooLong": "The summary can be {max} characters long at most.",
  "sessionForm.errors.description.tooLong": "The description can be {max} characters long at most.",
  "sessionForm.errors.kind.invalid": "Choose the kind of session.",
  "sessionForm.errors.cityId.required": "Choose the city of the session.",
  "sessionForm.errors.cityId.unknown": "This city doesn’t exist (any more). Please choose another.",
  "sessionForm.errors.venueName.required": "Please enter the venue.",
  "sessionForm.errors.venueName.tooLong": "The venue can be {max} characters long at most.",
  "sessionForm.errors.venueAddress.required": "Please enter the venue’s address.",
  "sessionForm.errors.venueAddress.tooLong": "The address can be {max} characters long at most.",
  "sessionForm.errors.date.invalid": "Please enter a valid date.",
  "sessionForm.errors.startTime.invalid": "Please enter a start time, for example 07:30.",
  "sessionForm.errors.endTime.invalid": "Please enter an end time, for example 09:00.",
  "sessionForm.errors.endTime.beforeStart": "The end time must be after the start time.",
  "sessionForm.errors.time.skipped":
    "That time doesn’t exist: on {day, date, full}, the clocks go forward from {from} to {to}.",
  "sessionForm.errors.time.twice":
    "That time occurs twice: on {day, date, full}, the clocks go back at {from} to {to}. Please choose a time before {to} or from {from} onwards.",
  "sessionForm.errors.capacity.invalid":
    "Enter the number of places as a whole number from 0 to {max}.",
  "sessionForm.errors.registrationOpensAt.invalid": "Please enter a valid date and time.",
  "sessionForm.errors.registrationOpensAt.afterStart":
    "Sign-up must open before the session starts.",
  "sessionForm.errors.registrationClosesAt.invalid": "Please enter a valid date and time.",
  "sessionForm.errors.registrationClosesAt.beforeOpens": "Sign-up must close after it opens.",
  "sessionForm.errors.registrationClosesAt.afterEnd":
    "Sign-up can’t close after the session has ended.",
  "sessionForm.errors.language.invalid": "Choose the language of the session.",
  "sessionForm.errors.partnerIds.invalid": "Choose the partners from the list.",
  "sessionForm.errors.partnerIds.tooMany": "Choose {max} partners at most.",
  "sessionForm.errors.partnerIds.unknown":
    "One of the chosen partners doesn’t exist (any more). Please choose again.",

  "sessionForm.cancel.heading": "Cancel session",
  "sessionForm.cancel.intro":
    "Everyone who has signed up or is on the waiting list gets an email. For those who signed up, the session is also removed from their calendar. You can’t undo this.",
  "sessionForm.cancel.message": "Message to attendees (optional)",
  "sessionForm.cancel.messageHint":
    "For example, why the session is cancelled, or when there will be a new date. Plain text.",
  "sessionForm.cancel.submit": "Cancel this session",
  "sessionForm.cancel.keep": "No, the session goes ahead",
  "sessionForm.cancel.done":
    "The session has been cancelled. {notified, plural, =0 {There was nobody to notify.} one {# person will get an email.} other {# people will get an email.}}",
  "sessionForm.errors.cancelMessage.tooLong": "The message can be {max} characters long at most.",
  "sessionForm.cancel.errors.form":
    "The session hasn’t been cancelled yet. Please correct the message.",
  "sessionForm.cancel.refused.alreadyCancelled":
    "This session was already cancelled. Nobody got a second email.",
  "sessionForm.cancel.refused.past":
    "This session has already started or is over, and can no longer be cancelled.",

  "sessionForm.message.heading": "Message to attendees",
  "sessionForm.message.audience": "To whom?",
  "sessionForm.message.audience.confirmed": "Everyone who has signed up",
  "sessionForm.message.audience.waitlisted": "Everyone on the waiting list",
  "sessionForm.message.audience.present": "Everyone who attended",
  "sessionForm.message.subject": "Subject",
  "sessionForm.message.body": "Message",
  "sessionForm.message.bodyHint":
    "Plain text: formatting and HTML are not kept. Each recipient gets their own email, with the session details below it.",
  "sessionForm.message.submit": "Send the message",
  "sessionForm.message.sent":
    "{count, plural, =0 {There was nobody to send this message to.} one {The message is going to # person.} other {The message is going to # people.}}",
  "sessionForm.message.errors.form":
    "The message hasn’t been sent yet. Please correct the fields we’ve marked.",
  "sessionForm.errors.audience.invalid": "Choose who the message is for.",
  "sessionForm.errors.subject.required": "Please enter a subject.",
  "sessionForm.errors.subject.tooLong": "The subject can be {max} characters long at most.",
  "sessionForm.errors.body.required": "Please write a message.",
  "sessionForm.errors.body.tooLong": "The message can be {max} characters long at most.",

  "sessionForm.attendee.alreadyRegistered":
    "{email} {status, select, waitlisted {is already on the waiting list} requested {already has an open request} other {has already signed up}} for this session. No second registration has been made.",

  "attendees.add.errors.form": "Nobody has been added yet. Please correct the fields we’ve marked.",
  "attendees.done.added": "{name} is signed up and will get a confirmation with the invitation.",
  "attendees.done.waitlisted":
    "The session is full: {name} is on the waiting list, in position {position}, and will get an email about it.",
  "attendees.done.cancelled":
    "The registration of {name} has been cancelled.{promoted, plural, =0 {} one { # person from the waiting list got the free place.} other { # people from the waiting list got a place.}}",
  "attendees.done.moved": "{name} is now in position {position} on the waiting list.",
  "attendees.done.present": "{name} has been marked present.",
  "attendees.done.absent": "{name} is no longer marked present.",
  "attendees.refused.alreadyCancelled":
    "The registration of {name} was already cancelled. Nothing has changed and nobody got an email.",
  "attendees.refused.notWaitlisted":
    "This person isn’t on the waiting list (any more). The order hasn’t changed.",
  "attendees.refused.alreadyFirst":
    "{name} is already at the top of the waiting list. The order hasn’t changed.",
  "attendees.refused.alreadyLast":
    "{name} is already at the bottom of the waiting list. The order hasn’t changed.",
  "attendees.refused.notConfirmed":
    "{name} {status, select, waitlisted {is on the waiting list} requested {has an open request} other {is no longer signed up}} and can’t be marked present.",
  "attendees.refused.sessionCancelled":
    "This session has been cancelled: nobody can be added any more. Nothing has been saved.",
} satisfies Record<keyof typeof nlBESessionForm, string>;
