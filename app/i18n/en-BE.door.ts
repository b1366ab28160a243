import type { nlBEDoor } from "./nl-BE.door";

/** English (Belgium): door volunteers, as nl-BE.door.ts. */
export const enBEDoor = {
  "door.title": "Door volunteers",
  "door.intro":
    "A door volunteer sees only the names on the attendance list and marks who is here: no email addresses, answers, exports or other sessions. Their access ends by itself two hours after the session, or after midnight for a whole day.",
  "door.link": "Door volunteers",
  "door.list.title": "With access",
  "door.list.none": "Nobody yet.",
  "door.list.session": "this session",
  "door.list.day": "every session that day",
  "door.list.until": "until {date} at {time}",
  "door.list.over": "access over",
  "door.end": "End access",
  "door.endConfirm": "Yes, end {name}’s access",
  "door.ended": "{name}’s access has ended.",
  "door.invite.title": "Invite someone",
  "door.invite.hint":
    "They get an email with a link to choose a password, and then sign in on the usual sign-in page.",
  "door.invite.submit": "Invite",
  "door.invited": "{name} got an email at {email} to choose a password.",
  "door.name": "Name",
  "door.email": "Email address",
  "door.reach": "Access for",
  "door.reach.session": "This session only",
  "door.reach.day": "Every session that day that you manage",
  "door.errors.form": "The invitation was not sent. Check the marked fields.",
  "door.errors.name": "Enter a name.",
  "door.errors.nameTooLong": "A name is at most {max} characters long.",
  "door.errors.email": "Enter a valid email address, such as name@example.be.",
  "door.errors.emailTaken":
    "An account with this address exists already. Use another address, or end the earlier access first.",
  "door.errors.reach": "Choose this session or the whole day.",
  "door.errors.sessionOver": "This session is over: there is nobody left to check in.",
  "door.errors.notFound": "That volunteer has no access (any more) for this session.",
  "door.nav.checkIn": "Check-in",
  "door.mySessions": "Your sessions",
  "door.signIn.ended":
    "Your access as a door volunteer is over: it ends by itself after the session. Ask the organiser for a new invitation if you help again.",
  "door.email.subject": "Your door access for the Ondernemersagenda",
  "door.email.intro":
    "You are helping at the door of ‘{session}’{wholeDay, select, yes { and the other sessions that day} other {}}: you see the names of those coming and mark who is here. Choose a password within {hours} hours with the button below. Your access ends by itself after the session.",
  "door.email.button": "Choose your password",
  "door.email.notYou": "Not expecting this email? Then you may ignore it.",
  "organisers.role.door": "Door volunteer",
} satisfies Record<keyof typeof nlBEDoor, string>;
