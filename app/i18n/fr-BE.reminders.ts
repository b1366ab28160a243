import type { nlBEReminders } from "./nl-BE.reminders";

/**
 * French (Belgium): reminders before a session, and the reminder settings of the session form.
 * ICU message syntax, as in nl-BE.ts.
 */
export const frBEReminders = {
  "sessionForm.reminders": "Rappels",
  "sessionForm.remindersHint":
    "Les personnes qui ont une place reçoivent un rappel par e-mail. Celles qui sont sur la liste d’attente, ou qui n’obtiennent une place qu’après ce moment, n’en reçoivent pas.",
  "sessionForm.remindDayBefore": "Rappel la veille à 09:00",
  "sessionForm.remindTwoHours": "Rappel 2 heures avant",

  "email.sessionReminder.subject.dayBefore": "Demain à {time} : {title}",
  "email.sessionReminder.subject.twoHours": "Aujourd’hui à {time} : {title}",
  "email.sessionReminder.intro.dayBefore":
    "À demain ! Nous vous attendons à {time} : {venue}, {address}.",
  "email.sessionReminder.intro.twoHours":
    "La session commence dans deux heures. Nous vous attendons à {time} : {venue}, {address}.",
  "email.sessionReminder.checkIn":
    "À l’accueil, nous scannerons votre code QR. Vous le trouverez dans cet e-mail et dans votre e-mail de confirmation.",
  "email.sessionReminder.cantCome":
    "Vous ne pouvez pas venir ? Libérez votre place : elle ira à la première personne sur la liste d’attente.",
  "email.sessionReminder.cancelLink": "Libérer votre place",

  /** For the session's page in the workspace: dayBefore and twoHours are "on" or "off". */
  "reminders.settings":
    "{dayBefore, select, on {{twoHours, select, on {Rappels : la veille à 09:00 et 2 heures avant.} other {Rappel : la veille à 09:00.}}} other {{twoHours, select, on {Rappel : 2 heures avant.} other {Aucun rappel.}}}}",

  "mailKind.session.reminder": "Rappel avant une session",
  "audit.field.reminders": "rappels",
} satisfies Record<keyof typeof nlBEReminders, string>;
