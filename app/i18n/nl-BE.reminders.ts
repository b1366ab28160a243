/**
 * Dutch (Belgium): reminders before a session, and the reminder settings of the session form.
 * ICU message syntax, as in nl-BE.ts.
 */
export const nlBEReminders = {
  "sessionForm.reminders": "Herinneringen",
  "sessionForm.remindersHint":
    "Wie een plaats heeft, krijgt een herinnering per e-mail. Wie op de wachtlijst staat of pas na dat moment een plaats krijgt, niet.",
  "sessionForm.remindDayBefore": "Herinnering de dag voordien om 09:00",
  "sessionForm.remindTwoHours": "Herinnering 2 uur vooraf",

  "email.sessionReminder.subject.dayBefore": "Morgen om {time}: {title}",
  "email.sessionReminder.subject.twoHours": "Straks om {time}: {title}",
  "email.sessionReminder.intro.dayBefore":
    "Tot morgen! We verwachten je om {time} in {venue}, {address}.",
  "email.sessionReminder.intro.twoHours":
    "Over twee uur begint de sessie. We verwachten je om {time} in {venue}, {address}.",
  "email.sessionReminder.checkIn":
    "Aan het onthaal scannen we je QR-code. Je vindt ze in deze e-mail en in je bevestigingsmail.",
  "email.sessionReminder.cantCome":
    "Kan je niet komen? Geef je plaats vrij, dan schuift de eerste op de wachtlijst door.",
  "email.sessionReminder.cancelLink": "Plaats vrijgeven",

  /** For the session's page in the workspace: dayBefore and twoHours are "on" or "off". */
  "reminders.settings":
    "{dayBefore, select, on {{twoHours, select, on {Herinneringen: de dag voordien om 09:00 en 2 uur vooraf.} other {Herinnering: de dag voordien om 09:00.}}} other {{twoHours, select, on {Herinnering: 2 uur vooraf.} other {Geen herinneringen.}}}}",

  "mailKind.session.reminder": "Herinnering voor een sessie",
  "audit.field.reminders": "herinneringen",
};
