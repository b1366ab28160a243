import type { nlBEReminders } from "./nl-BE.reminders";

/**
 * English (Belgium): reminders before a session, and the reminder settings of the session form.
 * ICU message syntax, as in nl-BE.ts.
 */
export const enBEReminders = {
  "sessionForm.reminders": "Reminders",
  "sessionForm.remindersHint":
    "Everyone with a place gets a reminder by email. People on the waiting list, or who only get a place after that moment, don’t.",
  "sessionForm.remindDayBefore": "Reminder the day before at 09:00",
  "sessionForm.remindTwoHours": "Reminder 2 hours before",

  "email.sessionReminder.subject.dayBefore": "Tomorrow at {time}: {title}",
  "email.sessionReminder.subject.twoHours": "Coming up at {time}: {title}",
  "email.sessionReminder.intro.dayBefore":
    "See you tomorrow! We’re expecting you at {time} at {venue}, {address}.",
  "email.sessionReminder.intro.twoHours":
    "The session starts in two hours. We’re expecting you at {time} at {venue}, {address}.",
  "email.sessionReminder.checkIn":
    "At the reception desk, we’ll scan your QR code. You’ll find it in this email and in your confirmation email.",
  "email.sessionReminder.cantCome":
    "Can’t make it? Please give up your place, so the first person on the waiting list can have it.",
  "email.sessionReminder.cancelLink": "Give up your place",

  /** For the session's page in the workspace: dayBefore and twoHours are "on" or "off". */
  "reminders.settings":
    "{dayBefore, select, on {{twoHours, select, on {Reminders: the day before at 09:00 and 2 hours before.} other {Reminder: the day before at 09:00.}}} other {{twoHours, select, on {Reminder: 2 hours before.} other {No reminders.}}}}",

  "mailKind.session.reminder": "Session reminder",
  "audit.field.reminders": "reminders",
} satisfies Record<keyof typeof nlBEReminders, string>;
