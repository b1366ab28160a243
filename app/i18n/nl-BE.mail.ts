/**
 * Dutch (Belgium): what organisers are told about mail that could not be delivered.
 * ICU message syntax, as in nl-BE.ts.
 */
export const nlBEMail = {
  "dashboard.failedMail.title": "Niet verstuurde e-mails",
  "dashboard.failedMail.intro":
    "{count, plural, one {Eén e-mail werd} other {# e-mails werden}} de voorbije {days} dagen door de mailserver geweigerd en wordt niet meer verstuurd. Neem zelf contact op met wie hem niet kreeg.",
  "dashboard.failedMail.column.to": "Aan",
  "dashboard.failedMail.column.kind": "Bericht",
  "dashboard.failedMail.column.session": "Sessie",
  "dashboard.failedMail.column.reason": "Antwoord van de mailserver",
  "dashboard.failedMail.erased": "(gewiste gegevens)",
  "dashboard.failedMail.noSession": "—",

  "mailKind.registration.confirmed": "Bevestiging van inschrijving",
  "mailKind.registration.promoted": "Plaats vrijgekomen",
  "mailKind.registration.waitlisted": "Op de wachtlijst",
  "mailKind.registration.reminder": "Herinnering aan inschrijving",
  "mailKind.registration.manageLink": "Link naar inschrijving opnieuw gevraagd",
  "mailKind.registration.backOnWaitlist": "Terug op de wachtlijst",
  "mailKind.registration.cancelled": "Annulering",
  "mailKind.registration.declined": "Annulering na weigering in de agenda",
  "mailKind.registration.refreshed": "Uitnodiging opnieuw verstuurd",
  "mailKind.registration.counterDeclined": "Ander tijdstip geweigerd",
  "mailKind.session.updated": "Gewijzigde sessie",
  "mailKind.session.cancelled": "Sessie gaat niet door",
  "mailKind.organiser.message": "Bericht van de organisatie",
  "mailKind.organiser.passwordReset": "Nieuw wachtwoord",
  "mailKind.organiser.invitation": "Uitnodiging als organisator",
  "mailKind.other": "Ander bericht",
};
